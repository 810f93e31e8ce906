import { Injectable } from '@nestjs/common';
import type { CampaignReviewRow } from '@tcma/campaigns';
import { CampaignReviewsRepository } from '@tcma/campaigns';
import { AppConfig } from '@tcma/config';
import { wordsIn } from '@tcma/locales';
import { brandedNotice, NoticeMailer } from '@tcma/notices';
import { VendorScope } from '@tcma/persistence';
import { Actor, UsersRepository, scopeOf } from '@tcma/tenancy';
import { APPROVER_NOTICE } from './approver-notice-words';

/** Emails a vendor's approvers (its approvers and admins, not who asked) that a review waits for them. */
@Injectable()
export class ApproverNotices {
  constructor(
    private readonly reviews: CampaignReviewsRepository,
    private readonly users: UsersRepository,
    private readonly notices: NoticeMailer,
    private readonly config: AppConfig,
  ) {}

  async tellApprovers(actor: Actor, review: CampaignReviewRow, campaignName: string): Promise<{ sent: number }> {
    const vendor = new VendorScope(actor.vendorId);
    const approvers = await this.reviews.approvers(vendor, actor.userId);
    if (!approvers.length) return { sent: 0 };
    const requester = await this.users.find(scopeOf(actor), actor.userId);
    const brand = await this.notices.brandOf(vendor);
    const url = `${this.config.publicBaseUrl}/console/campaigns/${review.campaignId}?review=${review.id}`;
    for (const approver of approvers) {
      const words = wordsIn(APPROVER_NOTICE, approver.locale, {
        requester: requester?.name || requester?.email || '',
        campaign: campaignName,
        revision: review.draftRevision,
      });
      await this.notices.send(
        vendor,
        brandedNotice(brand, {
          to: approver.email,
          subject: words.subject,
          lead: words.lead,
          action: { label: words.action, url },
          after: words.after,
          locale: approver.locale,
        }),
      );
    }
    return { sent: approvers.length };
  }
}
