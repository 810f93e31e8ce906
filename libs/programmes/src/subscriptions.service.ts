import { Injectable } from '@nestjs/common';
import { ProspectListsService } from '@tcma/audience';
import { Clock } from '@tcma/clock';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { AudienceSpec, Found, PageWindow, PartnerScope, SocialNetwork, Transactions } from '@tcma/persistence';
import { ChosenAccounts, SocialPostsService } from '@tcma/social-posts';
import { Actor, PartnersService, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { PendingLaunchActionsRepository } from './pending-launch-actions.repository';
import { PendingLaunchOffersRepository } from './pending-launch-offers.repository';
import { OPEN_STATES, PendingLaunchesRepository, PendingLaunchView } from './pending-launches.repository';
import { PendingLaunchStarter } from './pending-launch-starter.service';
import { ProgrammeBlocksService } from './programme-blocks.service';
import { ProgrammesRepository } from './programmes.repository';
import { DEFAULT_SOCIAL_POST_TIME } from './social-posting-time';
import { SubscriptionRow, SubscriptionSettings, SubscriptionsRepository } from './subscriptions.repository';

/** A subscription's review period when none is given: three days to look before it starts. */
export const DEFAULT_REVIEW_HOURS = 72;
/** The longest review period: 30 days. */
export const MAX_REVIEW_HOURS = 720;
/** The highest weekly cap one may set. */
export const MAX_WEEKLY_CAP = 50;

export interface SubscribeBody {
  /** Vendor users subscribing on a partner's behalf name it. */
  partnerId?: string;
  audience: AudienceSpec;
  slotValues?: Record<string, string>;
  socialNetworks?: SocialNetwork[];
  /** The partner's account per network (each one of `socialNetworks`); absent: the most recently connected. */
  socialAccounts?: ChosenAccounts;
  /** `HH:MM` in the partner's zone; default DEFAULT_SOCIAL_POST_TIME. */
  socialPostTime?: string;
  /** Default true. */
  socialPostWeekdaysOnly?: boolean;
  reviewHours?: number;
  weeklyCap?: number | null;
}

export type SubscriptionChanges = Partial<Omit<SubscribeBody, 'partnerId'>>;

/** Partners subscribe to a programme once, with the defaults of every launch it will offer them. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly pending: PendingLaunchesRepository,
    private readonly offers: PendingLaunchOffersRepository,
    private readonly actionLog: PendingLaunchActionsRepository,
    private readonly starter: PendingLaunchStarter,
    private readonly blocks: ProgrammeBlocksService,
    private readonly partners: PartnersService,
    private readonly lists: ProspectListsService,
    private readonly socialPosts: SocialPostsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async subscribe(actor: Actor, programmeId: string, body: SubscribeBody): Promise<SubscriptionRow> {
    // The programme first: another vendor's answers 404 whatever else the request says.
    if (!(await this.programmes.find(scopeOf(actor), programmeId))) throw new NotFoundError('Programme');
    const partner = await this.partners.actingFor(actor, body.partnerId, 'Choose the partner to subscribe');
    const scope = scopeOfPartner(partner);
    if (body.audience.type === 'list') await this.lists.get(actor, partner.id, body.audience.listId);
    await this.checkAccounts(scope, body.socialNetworks ?? [], body.socialAccounts);
    await this.blocks.check(scope, programmeId, body.slotValues ?? {});
    const settings: SubscriptionSettings = {
      audience: body.audience,
      slotValues: body.slotValues ?? {},
      socialNetworks: body.socialNetworks ?? [],
      socialAccounts: body.socialAccounts ?? {},
      socialPostTime: body.socialPostTime ?? DEFAULT_SOCIAL_POST_TIME,
      socialPostWeekdaysOnly: body.socialPostWeekdaysOnly ?? true,
      reviewHours: body.reviewHours ?? DEFAULT_REVIEW_HOURS,
      weeklyCap: body.weeklyCap ?? null,
    };
    const row = await this.subscriptions.subscribe(scope, programmeId, settings, actor.partnerId ? actor.userId : null);
    if (!row) throw new ConflictError('The partner is already subscribed to this programme');
    return row;
  }

  async get(actor: Actor, id: string): Promise<SubscriptionRow> {
    const found = await this.subscriptions.find(scopeOf(actor), id);
    if (!found) throw new NotFoundError('Subscription');
    return found;
  }

  list(
    actor: Actor,
    filter: PageWindow & { partnerId?: string; programmeId?: string; status?: 'active' | 'unsubscribed' },
  ): Promise<Found<SubscriptionRow & { programmeName: string }>> {
    return this.subscriptions.list(scopeOf(actor, filter.partnerId), filter);
  }

  /** New defaults apply to launches offered from now on; pending ones keep theirs (edit them one by one). */
  async update(actor: Actor, id: string, changes: SubscriptionChanges): Promise<SubscriptionRow> {
    const current = await this.get(actor, id);
    if (changes.audience?.type === 'list') await this.lists.get(actor, current.partnerId, changes.audience.listId);
    const scope = new PartnerScope(current.vendorId, current.partnerId);
    const networks = changes.socialNetworks ?? current.socialNetworks;
    // Accounts of networks no longer posted to are forgotten; new ones are checked.
    const accounts = Object.fromEntries(
      Object.entries(changes.socialAccounts ?? current.socialAccounts).filter(([n]) =>
        networks.includes(n as SocialNetwork),
      ),
    ) as ChosenAccounts;
    if (changes.socialAccounts) await this.checkAccounts(scope, networks, changes.socialAccounts);
    if (changes.slotValues) await this.blocks.check(scope, current.programmeId, changes.slotValues);
    const updated = await this.subscriptions.update(scope, id, { ...changes, socialAccounts: accounts });
    if (!updated) throw new ConflictError('The subscription has ended; subscribe again');
    return updated;
  }

  /** A field-level 422 unless each chosen account is the partner's, working, on its network, one of the subscription's networks. */
  private async checkAccounts(scope: PartnerScope, networks: SocialNetwork[], accounts?: ChosenAccounts) {
    if (!accounts) return;
    const problems = await this.socialPosts.checkAccounts(scope, networks, accounts, 'socialAccounts');
    if (problems.length) throw new InvalidError('The social accounts cannot be used', problems);
  }

  /**
   * "Launch the current version now": a subscription is offered only the versions published
   * after it began, so a partner who wants what is already out asks for it. The latest version of
   * each campaign the programme offers the partner gets a pending launch (or keeps the one it
   * has), and each still open starts now as this user; what is missing makes it wait, as a launch
   * from the portal would. Asking again starts nothing more and answers the same pending launches.
   */
  async launchCurrent(actor: Actor, id: string): Promise<PendingLaunchView[]> {
    const current = await this.get(actor, id);
    if (current.status !== 'active') throw new ConflictError('The subscription has ended; subscribe again');
    const scope = new PartnerScope(current.vendorId, current.partnerId);
    const ids = await this.offers.offerCurrentOfSubscription(scope, id, this.clock.now());
    const answered: PendingLaunchView[] = [];
    for (const pendingId of ids) {
      const found = await this.pending.find(scope, pendingId);
      if (found && OPEN_STATES.includes(found.state)) await this.starter.start(found, actor, 'portal', actor.userId);
      const now = await this.pending.find(scope, pendingId);
      if (now) answered.push(now);
    }
    return answered.sort((a, b) => a.campaignName.localeCompare(b.campaignName) || a.id.localeCompare(b.id));
  }

  /** Ends the subscription and cancels its pending launches, together. */
  async unsubscribe(actor: Actor, id: string): Promise<{ cancelled: number }> {
    const current = await this.get(actor, id);
    const scope = new PartnerScope(current.vendorId, current.partnerId);
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      if (!(await this.subscriptions.unsubscribe(scope, id, tx)))
        throw new ConflictError('The subscription has already ended');
      const cancelled = await this.pending.cancelOpenOfSubscription(scope, id, now, tx);
      for (const pendingId of cancelled)
        await this.actionLog.recordAction(scope, pendingId, 'cancel', 'portal', actor.userId, now, tx);
      return { cancelled: cancelled.length };
    });
  }
}
