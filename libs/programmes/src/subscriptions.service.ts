import { Injectable } from '@nestjs/common';
import { ProspectListsService } from '@tcma/audience';
import { Clock } from '@tcma/clock';
import { ConflictError, NotFoundError } from '@tcma/errors';
import { AudienceSpec, Found, PageWindow, PartnerScope, SocialNetwork, Transactions } from '@tcma/persistence';
import { Actor, PartnersService, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { PendingLaunchesRepository } from './pending-launches.repository';
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
    private readonly partners: PartnersService,
    private readonly lists: ProspectListsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async subscribe(actor: Actor, programmeId: string, body: SubscribeBody): Promise<SubscriptionRow> {
    // The programme first: another vendor's answers 404 whatever else the request says.
    if (!(await this.programmes.find(scopeOf(actor), programmeId))) throw new NotFoundError('Programme');
    const partner = await this.partners.actingFor(actor, body.partnerId, 'Choose the partner to subscribe');
    const scope = scopeOfPartner(partner);
    if (body.audience.type === 'list') await this.lists.get(actor, partner.id, body.audience.listId);
    const settings: SubscriptionSettings = {
      audience: body.audience,
      slotValues: body.slotValues ?? {},
      socialNetworks: body.socialNetworks ?? [],
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
    const updated = await this.subscriptions.update(new PartnerScope(current.vendorId, current.partnerId), id, changes);
    if (!updated) throw new ConflictError('The subscription has ended; subscribe again');
    return updated;
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
        await this.pending.recordAction(scope, pendingId, 'cancel', 'portal', actor.userId, now, tx);
      return { cancelled: cancelled.length };
    });
  }
}
