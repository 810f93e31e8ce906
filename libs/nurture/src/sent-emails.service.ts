import { Injectable } from '@nestjs/common';
import type { EmailAsset } from '@tcma/campaign-model';
import { emailInLanguage } from '@tcma/translation';
import { EnrollmentsRepository } from './enrollments.repository';
import { SendLedgerRepository } from './send-ledger.repository';
import { SendProfiles } from './send-profiles';
import { SentEmailRenderer } from './sent-email.renderer';
import { SendRecipient, SentRecipientsRepository } from './sent-recipients.repository';

/**
 * A send as the links in its email reach it, across tenants: the recipients lib asks only
 * after it has verified a signed link that names the send.
 */
@Injectable()
export class SentEmails {
  constructor(
    private readonly ledger: SendLedgerRepository,
    private readonly recipients: SentRecipientsRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly profiles: SendProfiles,
    private readonly sentEmails: SentEmailRenderer,
  ) {}

  /** Who a send went to, from whom, for which campaign; null when it is unknown. */
  recipientForSystem(sendId: string): Promise<SendRecipient | null> {
    return this.recipients.recipientForSystem(sendId);
  }

  /** The email's HTML rendered again as it was sent, or null when the email is gone. */
  async htmlForSystem(sendId: string): Promise<string | null> {
    const send = await this.ledger.findDeliveredForSystem(sendId);
    const ctx = send && (await this.enrollments.contextForSystem(send.enrollmentId));
    const content = ctx && (await this.profiles.content(ctx.campaignVersionId));
    const step = send && content?.sequence?.steps[send.step];
    const asset = step && content.assets.find((a): a is EmailAsset => a.kind === 'email' && a.id === step.emailAssetId);
    const profile = ctx && (await this.profiles.profile(ctx.vendorId, ctx.partnerId));
    if (!ctx || !content || !asset || !profile) return null;
    // The language it was sent in (sends before variants: the campaign's own).
    const localised = emailInLanguage(asset, content, send.language ?? content.language);
    return (await this.sentEmails.render(ctx, content, localised, profile, sendId)).email.html;
  }
}
