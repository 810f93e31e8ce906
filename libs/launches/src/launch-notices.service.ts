import { Injectable, Logger } from '@nestjs/common';
import type { SlotDefinition } from '@tcma/campaign-model';
import { CampaignReviewsRepository, CampaignsRepository } from '@tcma/campaigns';
import { AppConfig } from '@tcma/config';
import { emailDateTime, type Locale, localeOr, wordsIn } from '@tcma/locales';
import { brandedNotice, MAX_NOTICE_SUBJECT, type Notice, NoticeMailer } from '@tcma/notices';
import { LaunchRow, PartnerScope, VendorScope } from '@tcma/persistence';
import { UsersRepository } from '@tcma/tenancy';
import type { EmailBrand } from '@tcma/vendor-brands';
import { LAUNCH_APPROVAL_ASKED, LAUNCH_APPROVED, LAUNCH_RETURNED, LaunchNoticeWords } from './launch-notice-words';
import { LaunchesRepository } from './launches.repository';

/**
 * The subject within a notice's bound: a long partner's and campaign's name together could pass
 * it, and a notice over it is refused rather than sent.
 */
const boundedSubject = (subject: string): string =>
  subject.length > MAX_NOTICE_SUBJECT ? `${subject.slice(0, MAX_NOTICE_SUBJECT - 1)}…` : subject;

/**
 * The emails of a launch that waits for the vendor's approval of a partner's own words: its
 * approvers (its approvers and admins, not who launched) are told it waits, with a link to the
 * console's home where they decide; the partner's user who launched is told the decision, a
 * return with the approver's comment, with a link to the launch in the portal. Each is sent after
 * the launch's change committed, and none fails it: the caller logs a failure (the approvers also
 * see the launch on their home, the partner its status and comment on the launch).
 * Nothing of a prospect is in them: the partner's and campaign's names, the blocks' labels, the
 * approver's comment.
 */
@Injectable()
export class LaunchNotices {
  private readonly logger = new Logger(LaunchNotices.name);

  constructor(
    private readonly launches: LaunchesRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly reviews: CampaignReviewsRepository,
    private readonly users: UsersRepository,
    private readonly notices: NoticeMailer,
    private readonly config: AppConfig,
  ) {}

  /** Tells the vendor's approvers that the launch waits for them; the number told (0 when none could be). */
  async tellApprovers(launch: LaunchRow): Promise<number> {
    return this.safely(launch, 'approvers not emailed', async () => {
      const vendor = new VendorScope(launch.vendorId);
      const approvers = await this.reviews.approvers(vendor, launch.createdBy);
      if (!approvers.length) return 0;
      const names = await this.launches.names(new PartnerScope(launch.vendorId, launch.partnerId), launch.id);
      if (!names) return 0;
      const version = await this.campaigns.findVersion(vendor, launch.campaignId, launch.version);
      const slots = new Map<string, SlotDefinition>((version?.content.slots ?? []).map((s) => [s.name, s]));
      const blocks = (launch.approvalSlots ?? []).map((name) => slots.get(name)?.label || name).join(', ');
      const brand = await this.notices.brandOf(vendor);
      const url = `${this.config.publicBaseUrl}/console/home#home-launch-approvals`;
      let sent = 0;
      // One approver's refused address does not keep the others from being told.
      for (const approver of approvers) {
        const words = wordsIn(LAUNCH_APPROVAL_ASKED, approver.locale, {
          partner: names.partnerName,
          campaign: names.campaignName,
          blocks,
        });
        sent += await this.safely(launch, `approver ${approver.id} not emailed`, async () => {
          await this.notices.send(vendor, this.notice(brand, approver.email, approver.locale, words, url));
          return 1;
        });
      }
      return sent;
    });
  }

  /** Tells the partner's user who launched that the vendor approved it (and when it starts), or returned it with its comment. */
  async tellPartner(launch: LaunchRow): Promise<number> {
    return this.safely(launch, 'partner not emailed of the decision', async () => {
      if (!launch.createdBy) return 0;
      const scope = new PartnerScope(launch.vendorId, launch.partnerId);
      const user = await this.users.find(scope, launch.createdBy);
      // A vendor user who launched on the partner's behalf has no portal to be sent to.
      if (!user || user.partnerId !== launch.partnerId || user.disabledAt !== null) return 0;
      const names = await this.launches.names(scope, launch.id);
      if (!names) return 0;
      const reader = localeOr(user.locale);
      const words =
        launch.status === 'returned'
          ? wordsIn(LAUNCH_RETURNED, reader, { campaign: names.campaignName, comment: launch.approvalComment ?? '' })
          : wordsIn(LAUNCH_APPROVED, reader, {
              campaign: names.campaignName,
              start: emailDateTime(reader, launch.startAt, launch.timezone),
            });
      const vendor = new VendorScope(launch.vendorId);
      const brand = await this.notices.brandOf(vendor);
      const url = `${this.config.publicBaseUrl}/portal/launches/${launch.id}`;
      await this.notices.send(vendor, this.notice(brand, user.email, reader, words, url));
      return 1;
    });
  }

  private notice(brand: EmailBrand, to: string, locale: Locale | null, words: LaunchNoticeWords, url: string): Notice {
    return brandedNotice(brand, {
      to,
      subject: boundedSubject(words.subject),
      lead: words.lead,
      action: { label: words.action, url },
      after: words.after,
      locale: localeOr(locale),
    });
  }

  /** The launch stands whether or not its email could be sent: a failure is logged, never thrown. */
  private async safely(launch: LaunchRow, what: string, send: () => Promise<number>): Promise<number> {
    try {
      return await send();
    } catch (e) {
      this.logger.warn(`Launch ${launch.id}: ${what} (${(e as Error).message})`);
      return 0;
    }
  }
}
