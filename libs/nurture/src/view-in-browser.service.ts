import { Injectable } from '@nestjs/common';
import type { EmailAsset } from '@tcma/campaign-model';
import { TrackingLinks } from '@tcma/tracking';
import { EnrollmentsRepository } from './enrollments.repository';
import { SendLedgerRepository } from './send-ledger.repository';
import { SendProfiles } from './send-profiles';
import { SentEmailRenderer } from './sent-email.renderer';

/** "View in your browser": a sent email, rendered again for the signed link in it. */
@Injectable()
export class ViewInBrowserService {
  constructor(
    private readonly links: TrackingLinks,
    private readonly ledger: SendLedgerRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly profiles: SendProfiles,
    private readonly sentEmails: SentEmailRenderer,
  ) {}

  /** The email's HTML, or null when the link is not genuine or the email is gone. */
  async html(sendRef: string, sig: string): Promise<string | null> {
    const sendId = this.links.verifyView(sendRef, sig);
    if (!sendId) return null;
    const send = await this.ledger.findDeliveredForSystem(sendId);
    const ctx = send && (await this.enrollments.contextForSystem(send.enrollmentId));
    const content = ctx && (await this.profiles.content(ctx.campaignVersionId));
    const step = send && content?.sequence?.steps[send.step];
    const asset = step && content.assets.find((a): a is EmailAsset => a.kind === 'email' && a.id === step.emailAssetId);
    const profile = ctx && (await this.profiles.profile(ctx.vendorId, ctx.partnerId));
    if (!ctx || !content || !asset || !profile) return null;
    return (await this.sentEmails.render(ctx, content, asset, profile, sendId)).email.html;
  }
}
