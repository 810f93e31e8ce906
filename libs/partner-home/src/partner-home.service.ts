import { Injectable } from '@nestjs/common';
import { ProspectsService } from '@tcma/audience';
import { BrandKitsService } from '@tcma/brand-kits';
import { Clock } from '@tcma/clock';
import { NotFoundError } from '@tcma/errors';
import { LaunchesService, LaunchSummary } from '@tcma/launches';
import { LeadsService, LeadWithProspect } from '@tcma/pages';
import type { LaunchStatus } from '@tcma/persistence';
import { PendingLaunchesService, PendingLaunchView } from '@tcma/programmes';
import { CatalogueItem, CatalogueService } from '@tcma/rendering';
import { Actor, isPartnerRole } from '@tcma/tenancy';

/** Campaigns offered to launch now: promoted first, then the newest published (the catalogue's order). */
export const HOME_READY_TO_LAUNCH = 6;
/** Programme launches waiting for the partner's review (state pending), soonest due first. */
export const HOME_PENDING_LAUNCHES = 5;
/** The partner's running launches, newest first. */
export const HOME_RUNNING_LAUNCHES = 5;
/** The latest new leads listed. */
export const HOME_NEW_LEADS = 5;
/** A lead captured this many days ago or less is new. */
export const HOME_NEW_LEADS_DAYS = 7;
/** Launches that are running: still enrolling, sending, or paused (they wait to be resumed). */
export const HOME_RUNNING_STATUSES: readonly LaunchStatus[] = ['enrolling', 'active', 'paused'];

/** The first steps a partner takes before its launches can go out well. */
export interface HomeChecklist {
  /** The brand kit has a logo. */
  logo: boolean;
  /** The sender address in the brand kit was confirmed by the link mailed to it. */
  senderConfirmed: boolean;
  /** At least one prospect. */
  prospects: boolean;
  /** At least one launch, in any state. */
  launched: boolean;
  /** All of the above. */
  complete: boolean;
}

export interface PartnerHome {
  readyToLaunch: CatalogueItem[];
  /** How many campaigns the catalogue offers in all. */
  readyToLaunchTotal: number;
  pendingLaunches: PendingLaunchView[];
  pendingLaunchesTotal: number;
  runningLaunches: LaunchSummary[];
  runningLaunchesTotal: number;
  newLeads: { count: number; since: Date; latest: LeadWithProspect[] };
  checklist: HomeChecklist;
}

/**
 * The partner home: what a partner user should do next, composed from the catalogue, programmes,
 * launches, leads, the brand kit and the audience, each read through its own lib's service with the
 * caller's actor. Only the partner's own users (or a vendor user acting for it) see it: anyone
 * else gets 404, as for another tenant's partner.
 */
@Injectable()
export class PartnerHomeService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly pending: PendingLaunchesService,
    private readonly launches: LaunchesService,
    private readonly leads: LeadsService,
    private readonly brandKits: BrandKitsService,
    private readonly prospects: ProspectsService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, partnerId: string): Promise<PartnerHome> {
    if (!isPartnerRole(actor.role) || actor.partnerId !== partnerId) throw new NotFoundError('Partner');
    const since = new Date(this.clock.now().getTime() - HOME_NEW_LEADS_DAYS * 86_400_000);
    const [ready, pending, running, anyLaunch, leads, kit, prospects] = await Promise.all([
      this.catalogue.list(actor, partnerId, { limit: HOME_READY_TO_LAUNCH, offset: 0 }),
      this.pending.list(actor, { partnerId, states: ['pending'], limit: HOME_PENDING_LAUNCHES, offset: 0 }),
      this.launches.list(actor, {
        partnerId,
        statuses: [...HOME_RUNNING_STATUSES],
        limit: HOME_RUNNING_LAUNCHES,
        offset: 0,
      }),
      this.launches.list(actor, { partnerId, limit: 1, offset: 0 }),
      this.leads.list(actor, partnerId, { since, limit: HOME_NEW_LEADS, offset: 0 }),
      this.brandKits.get(actor, partnerId),
      this.prospects.list(actor, partnerId, { limit: 1, offset: 0 }),
    ]);
    const steps = {
      logo: kit.logo !== null,
      senderConfirmed: kit.sender?.confirmed === true,
      prospects: prospects.total > 0,
      launched: anyLaunch.total > 0,
    };
    return {
      readyToLaunch: ready.items,
      readyToLaunchTotal: ready.total,
      pendingLaunches: pending.items,
      pendingLaunchesTotal: pending.total,
      runningLaunches: running.items,
      runningLaunchesTotal: running.total,
      newLeads: { count: leads.total, since, latest: leads.items },
      checklist: { ...steps, complete: Object.values(steps).every(Boolean) },
    };
  }
}
