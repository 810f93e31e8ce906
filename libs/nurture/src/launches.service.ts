import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import { CampaignsRepository } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { resolveSlotValues } from '@tcma/cobrand';
import { ConflictError, InvalidError, NotFoundError, Problem } from '@tcma/errors';
import { AudienceSpec, LaunchEntity, LaunchStatus } from '@tcma/persistence';
import { EnrollLaunchJob, JobName, QueueName } from '@tcma/queue';
import { ProspectListsService } from '@tcma/audience';
import { Actor, partnerScope, PartnersService } from '@tcma/tenancy';
import { Queue } from 'bullmq';
import { EnrollmentsRepository } from './enrollments.repository';
import { LaunchesRepository, LaunchStats } from './launches.repository';

export interface CreateLaunchInput {
  campaignId: string;
  /** Vendor users launching on a partner's behalf name the partner. */
  partnerId?: string;
  /** Defaults to the latest published version. */
  version?: number;
  audience: AudienceSpec;
  startAt?: Date;
  slotValues?: Record<string, string>;
}

export type LaunchView = LaunchEntity & { stats?: LaunchStats };

/** A launch may start this far in the past (clock differences) and this far ahead. */
const START_TOLERANCE_MS = 5 * 60_000;
const MAX_START_AHEAD_MS = 365 * 86_400_000;

/**
 * Launches: a partner (or a vendor user on its behalf) runs a published version for an
 * audience. Creating one only records and queues it; enrollment happens in the worker.
 */
@Injectable()
export class LaunchesService {
  constructor(
    @InjectQueue(QueueName.Enroll) private readonly queue: Queue,
    private readonly launches: LaunchesRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly partners: PartnersService,
    private readonly lists: ProspectListsService,
    private readonly brandKits: BrandKitsService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateLaunchInput): Promise<LaunchEntity> {
    const partner = await this.partners.actingFor(actor, input.partnerId, 'Choose the partner this launch is for');
    const latest = await this.campaigns.findPublishedForPartner(actor.vendorId, partner, input.campaignId);
    if (!latest) throw new NotFoundError('Campaign');
    const version = input.version && input.version !== latest.version ? await this.campaigns.findVersion(input.campaignId, input.version) : latest;
    if (!version) throw new NotFoundError('Campaign version');

    const problems: Problem[] = [];
    if (!version.content.sequence?.steps.length) problems.push({ path: 'campaignId', message: 'this campaign version has no nurture sequence to run' });
    const now = this.clock.now();
    const startAt = input.startAt ?? now;
    if (startAt.getTime() < now.getTime() - START_TOLERANCE_MS) problems.push({ path: 'startAt', message: 'must not be in the past' });
    if (startAt.getTime() > now.getTime() + MAX_START_AHEAD_MS) problems.push({ path: 'startAt', message: 'must be within a year' });
    const brand = await this.brandKits.brandState(partner);
    const resolved = resolveSlotValues(version.content.slots, brand.brand, input.slotValues ?? {});
    for (const slot of resolved.missing) problems.push({ path: `slots.${slot}`, message: 'is required: fill it in the brand kit or give it in slotValues' });
    for (const p of resolved.invalid.filter((i) => i.path.startsWith('slots.'))) problems.push(p);
    const known = new Set(version.content.slots.map((s) => s.name));
    for (const name of Object.keys(input.slotValues ?? {})) if (!known.has(name)) problems.push({ path: `slotValues.${name}`, message: 'is not a slot of this campaign' });
    if (input.audience.type === 'list') await this.lists.get(actor, partner.id, input.audience.listId);
    if (problems.length) throw new InvalidError('The launch cannot start', problems);

    const launch = await this.launches.create({
      vendorId: actor.vendorId,
      partnerId: partner.id,
      campaignId: input.campaignId,
      campaignVersionId: version.id,
      version: version.version,
      audience: input.audience,
      slotValues: input.slotValues ?? {},
      startAt,
      timezone: partner.timezone,
      createdBy: actor.userId,
    });
    const job: EnrollLaunchJob = { launchId: launch.id };
    await this.queue.add(JobName.EnrollLaunch, job, { jobId: `enroll-${launch.id}`, attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: { age: 7 * 86_400 } });
    return launch;
  }

  async get(actor: Actor, id: string): Promise<LaunchView> {
    const launch = await this.find(actor, id);
    return { ...launch, stats: await this.launches.stats(launch.id) };
  }

  list(actor: Actor, filter: { partnerId?: string; limit: number; offset: number }): Promise<LaunchEntity[]> {
    return this.launches.list(actor.vendorId, partnerScope(actor, filter.partnerId), filter.limit, filter.offset);
  }

  /** Stops sending; steps come due meanwhile are sent on resume (or moved to their next window if long late). */
  async pause(actor: Actor, id: string): Promise<LaunchView> {
    return this.move(actor, id, ['active'], 'paused', 'Only an active launch can be paused');
  }

  /** Sends again from where each prospect was: a step already sent is never sent again. */
  async resume(actor: Actor, id: string): Promise<LaunchView> {
    const launch = await this.find(actor, id);
    await this.enrollments.unqueueLaunch(launch.id);
    return this.move(actor, id, ['paused'], 'active', 'Only a paused launch can be resumed');
  }

  /** Stops every future step for good. */
  async cancel(actor: Actor, id: string): Promise<LaunchView> {
    const view = await this.move(actor, id, ['enrolling', 'active', 'paused'], 'cancelled', 'The launch has already finished or been cancelled');
    await this.enrollments.cancelLaunch(id);
    return this.get(actor, view.id);
  }

  private async move(actor: Actor, id: string, from: LaunchStatus[], to: LaunchStatus, refusal: string): Promise<LaunchView> {
    const launch = await this.find(actor, id);
    if (!(await this.launches.transition(launch.id, from, to))) throw new ConflictError(refusal);
    return this.get(actor, launch.id);
  }

  private async find(actor: Actor, id: string): Promise<LaunchEntity> {
    const launch = await this.launches.findInVendor(actor.vendorId, id);
    if (!launch || (actor.role === 'partner_user' && launch.partnerId !== actor.partnerId)) throw new NotFoundError('Launch');
    return launch;
  }
}
