import { Injectable, Logger } from '@nestjs/common';
import { ConciergeService } from '@tcma/accounts';
import { BrandKitsService } from '@tcma/brand-kits';
import { AppConfig } from '@tcma/config';
import { NoticeMailer } from '@tcma/notices';
import { PartnerScope, Tx, VendorScope } from '@tcma/persistence';
import { NETWORK_NAMES } from '@tcma/social';
import { Actor, PartnersRepository, UsersRepository, VendorsRepository } from '@tcma/tenancy';
import { postCancelledEmail } from './post-cancelled-email';
import type { SocialPostView } from './social-post-views';

/** The most users of one partner told about one cancelled post. */
const MAX_RECIPIENTS = 50;

/**
 * A vendor user acting for a partner (concierge) cancelled one of its scheduled posts: the
 * partner's audit log gets an entry naming the post, and its users are told by email,
 * co-branded with the partner's look and sent as the vendor (NoticeMailer). The entry commits with
 * the cancel; the emails go after it, each on its own: one that cannot be sent is logged.
 */
@Injectable()
export class ConciergeCancellations {
  private readonly logger = new Logger(ConciergeCancellations.name);

  constructor(
    private readonly concierge: ConciergeService,
    private readonly users: UsersRepository,
    private readonly vendors: VendorsRepository,
    private readonly partners: PartnersRepository,
    private readonly brandKits: BrandKitsService,
    private readonly notices: NoticeMailer,
    private readonly config: AppConfig,
  ) {}

  /** The partner's audit entry naming the post, in the cancel's transaction: both commit or neither. */
  async record(actor: Actor, post: SocialPostView, tx: Tx): Promise<void> {
    const scope = new PartnerScope(post.vendorId, post.partnerId);
    await this.concierge.recordAction(
      actor,
      scope,
      {
        method: 'DELETE',
        path: `/social-posts/${post.id}`,
        action: `Cancelled the scheduled social post ${post.id} (${post.campaignName} on ${networksOf(post).join(', ')}, due ${post.dueAt.toISOString()})`,
      },
      tx,
    );
  }

  /** After the cancel committed: the partner's users are told, each on their own (one failing never stops the others). */
  async notify(actor: Actor, post: SocialPostView): Promise<void> {
    const scope = new PartnerScope(post.vendorId, post.partnerId);
    try {
      await this.tell(actor, post, scope, networksOf(post));
    } catch (e) {
      this.logger.error(
        `Could not tell partner ${post.partnerId} that social post ${post.id} was cancelled: ${(e as Error).message}`,
      );
    }
  }

  private async tell(actor: Actor, post: SocialPostView, scope: PartnerScope, networks: string[]): Promise<void> {
    const vendorScope = new VendorScope(post.vendorId);
    const [vendor, user, partner, { items }] = await Promise.all([
      this.vendors.find(vendorScope),
      this.users.find(vendorScope, actor.userId),
      this.partners.find(scope, post.partnerId),
      this.users.list(scope, { partnerId: post.partnerId, limit: MAX_RECIPIENTS, offset: 0 }),
    ]);
    if (!vendor || !partner) return;
    const brand = await this.brandKits.brandState(partner);
    // The vendor as partners know it: its brand's display name (else its name).
    const { displayName } = await this.notices.brandOf(vendorScope);
    const base = this.config.publicBaseUrl;
    const card = {
      vendorName: displayName,
      userName: user?.name ?? displayName,
      campaignName: post.campaignName,
      networks,
      dueAt: post.dueAt,
      timeZone: post.timeZone,
      calendarUrl: `${base}/portal/social/calendar`,
      accountUrl: `${base}/portal/account`,
    };
    const look = {
      companyName: brand.brand.companyName ?? partner.companyName,
      logoUrl: brand.brand.logoUrl,
      primaryColor: brand.brand.primaryColor,
    };
    const recipients = items.filter((u) => u.disabledAt === null);
    // Each user reads it in their language.
    const sent = await Promise.allSettled(
      recipients.map((r) =>
        this.notices.send(
          vendorScope,
          { to: r.email, ...postCancelledEmail(card, look, r.locale) },
          { partnerId: post.partnerId },
        ),
      ),
    );
    sent.forEach((outcome, i) => {
      if (outcome.status === 'rejected')
        this.logger.error(
          `Could not tell user ${recipients[i].id} of partner ${post.partnerId} that social post ${post.id} was cancelled: ${(outcome.reason as Error).message}`,
        );
    });
  }
}

function networksOf(post: SocialPostView): string[] {
  return post.deliveries.map((d) => NETWORK_NAMES[d.network]);
}
