import { InjectQueue } from '@nestjs/bullmq';
import { AnalyticsRepository, dailySeries, utcDay } from '@tcma/analytics';
import { Injectable } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import { CampaignsRepository } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { ConflictError, InvalidError, NotFoundError, type Problem } from '@tcma/errors';
import { AudienceSpec, Found, LaunchRow, LaunchStatus, PageWindow, PartnerRow, Tx } from '@tcma/persistence';
import { EnrollLaunchJob, jobOptions, JobName, QueueName, traced } from '@tcma/queue';
import { ProspectListsService } from '@tcma/audience';
import { LaunchEnrollments } from '@tcma/nurture';
import { Actor, PartnersService, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { Queue } from 'bullmq';
import { Readiness } from './launch-readiness';
import { LaunchPreview, launchPreview } from './launch-preview';
import { LaunchNotices } from './launch-notices.service';
import { LaunchPreviewRepository } from './launch-preview.repository';
import { LaunchDaily, LaunchProgress, launchProgress, RUNNING } from './launch-progress';
import { startProblems } from './launch-start';
import { type LaunchTarget, LaunchTargets } from './launch-targets.service';
import { LaunchesRepository, LaunchStats, NewLaunchInput } from './launches.repository';
import { blocksToApprove, canonicalSlotValues } from './text-block-approval';
import type { SlotDefinition } from '@tcma/campaign-model';
import { websiteHost } from '@tcma/cobrand';

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

export type LaunchView = LaunchRow & { stats?: LaunchStats };

/** A launch checked and ready to be written (LaunchesService.prepare), in a transaction of the caller's if it likes. */
export interface PreparedLaunch {
  readonly partner: PartnerRow;
  readonly row: NewLaunchInput;
}

/** A launch as "My launches" lists it: its campaign's name and how far it has got. */
export type LaunchSummary = LaunchRow & {
  campaignName: string;
  sent: number;
  accepted: number;
  opened: number;
  clicked: number;
};

/**
 * Launches: a partner (or a vendor user on its behalf) runs a published version for an
 * audience. Creating one only records and queues it; enrollment happens in the worker.
 */
@Injectable()
export class LaunchesService {
  constructor(
    @InjectQueue(QueueName.Enroll) private readonly queue: Queue,
    private readonly launches: LaunchesRepository,
    private readonly enrollments: LaunchEnrollments,
    private readonly campaigns: CampaignsRepository,
    private readonly partners: PartnersService,
    private readonly lists: ProspectListsService,
    private readonly brandKits: BrandKitsService,
    private readonly clock: Clock,
    private readonly previews: LaunchPreviewRepository,
    private readonly targets: LaunchTargets,
    private readonly analytics: AnalyticsRepository,
    private readonly notices: LaunchNotices,
  ) {}

  /**
   * What the partner is missing to launch the campaign (latest version, or `version`): the same
   * check a launch makes, whose blocking items are its 422.
   */
  async readiness(
    actor: Actor,
    partnerId: string,
    campaignId: string,
    version?: number,
    slotValues?: Record<string, string>,
  ): Promise<Readiness & { campaignId: string; version: number }> {
    const partner = await this.partners.get(actor, partnerId);
    const target = await this.targets.find(partner, campaignId, version);
    return {
      campaignId,
      version: target.version.version,
      ...(await this.targets.readinessOf(partner, target, slotValues)),
    };
  }

  /**
   * What "Help me write" needs of an editable block, for the partner launching: the campaign,
   * the block as declared, the partner's name and the one host its links may go to. Nothing of
   * any prospect. 404 for a block the campaign does not have.
   */
  async textBlockBrief(
    actor: Actor,
    input: { campaignId: string; partnerId?: string; version?: number; slot: string },
  ): Promise<{
    campaign: { name: string; description: string; language: string };
    slot: SlotDefinition;
    partnerName: string;
    partnerHost: string | null;
  }> {
    const partner = await this.partners.actingFor(actor, input.partnerId, 'Choose the partner this launch is for');
    const target = await this.targets.find(partner, input.campaignId, input.version);
    const content = target.version.content;
    const slot = content.slots.find((s) => s.name === input.slot && s.type === 'text_block');
    if (!slot) throw new NotFoundError('Editable block');
    const brand = await this.brandKits.brandState(partner);
    return {
      campaign: { name: content.name, description: content.description, language: content.language },
      slot,
      partnerName: brand.brand.companyName ?? partner.companyName,
      partnerHost: websiteHost(brand.brand.website),
    };
  }

  /**
   * Progress for the portal's "My launches": the launch's enrollment, and per step the active
   * enrollments waiting for it and the funnel counters of the analytics rollups (kept in the
   * same transaction as the events, so they are current).
   */
  async progress(actor: Actor, id: string): Promise<LaunchProgress> {
    const launch = await this.find(actor, id);
    const scope = scopeOf(actor);
    const [version, waiting, funnel] = await Promise.all([
      this.campaigns.findVersion(scope, launch.campaignId, launch.version),
      this.launches.waitingByStep(scope, launch.id),
      this.analytics.funnel(scope, { launchId: launch.id }, 'step'),
    ]);
    return launchProgress(launch, version?.content, waiting, funnel);
  }

  /**
   * What a launch with this body would do, with nothing written: the same target, audience and
   * suppression rules as a launch, counted in SQL by zone, and each zone's timeline from the
   * pure scheduling rules. Readiness is not judged here (GET …/readiness says it).
   */
  async preview(actor: Actor, input: CreateLaunchInput): Promise<LaunchPreview> {
    const partner = await this.partners.actingFor(actor, input.partnerId, 'Choose the partner this launch is for');
    const target = await this.targets.find(partner, input.campaignId, input.version);
    const now = this.clock.now();
    const startAt = input.startAt ?? now;
    const problems = startProblems(startAt, now);
    if (problems.length) throw new InvalidError('The launch cannot start', problems);
    if (input.audience.type === 'list') await this.lists.get(actor, partner.id, input.audience.listId);
    // Not thrown: the wizard counts its audience through this dry run before the partner has
    // filled the slots. Listed, so a dry run never says yes to a launch that would be refused.
    const slotProblems = await this.slotProblems(partner, target, input.slotValues);

    const counts = await this.previews.audienceByZone(
      scopeOfPartner(partner),
      input.audience,
      input.campaignId,
      partner.timezone,
    );
    return launchPreview({
      campaignId: input.campaignId,
      version: target.version.version,
      content: target.version.content,
      startAt,
      partnerLanguage: partner.language,
      counts,
      problems: slotProblems,
    });
  }

  /** What a launch's slots lack for this partner (readiness that blocks), and values for slots the campaign has not. */
  private async slotProblems(
    partner: PartnerRow,
    target: LaunchTarget,
    slotValues: Record<string, string> | undefined,
  ): Promise<Problem[]> {
    const readiness = await this.targets.readinessOf(partner, target, slotValues);
    const problems: Problem[] = readiness.items
      .filter((i) => i.blocking)
      .map((item) => ({ path: item.path, message: item.message, code: item.code }));
    const known = new Set(target.version.content.slots.map((s) => s.name));
    for (const name of Object.keys(slotValues ?? {}))
      if (!known.has(name)) problems.push({ path: `slotValues.${name}`, message: 'is not a slot of this campaign' });
    return problems;
  }

  async create(actor: Actor, input: CreateLaunchInput): Promise<LaunchRow> {
    const launch = await this.insert(await this.prepare(actor, input));
    await this.enroll(launch);
    return launch;
  }

  /**
   * Every check of a launch (the partner, the campaign and version, the start, readiness, slots,
   * the list), without writing anything: a field-level InvalidError when it cannot start.
   */
  async prepare(actor: Actor, input: CreateLaunchInput): Promise<PreparedLaunch> {
    const partner = await this.partners.actingFor(actor, input.partnerId, 'Choose the partner this launch is for');
    const target = await this.targets.find(partner, input.campaignId, input.version);
    const version = target.version;

    const now = this.clock.now();
    const startAt = input.startAt ?? now;
    const problems = [...startProblems(startAt, now), ...(await this.slotProblems(partner, target, input.slotValues))];
    if (input.audience.type === 'list') await this.lists.get(actor, partner.id, input.audience.listId);
    if (problems.length) throw new InvalidError('The launch cannot start', problems);
    // A partner's new text in an editable block the vendor approves holds the launch
    // (awaiting_approval) unless the vendor approved that very text for it before.
    const slotValues = canonicalSlotValues(version.content.slots, input.slotValues ?? {});
    const toApprove = blocksToApprove(version.content.slots, slotValues);
    const approved = await this.launches.approvedTexts(
      scopeOfPartner(partner),
      input.campaignId,
      toApprove.map((b) => b.hash),
    );
    const waiting = toApprove.filter((b) => !approved.has(`${b.slot}:${b.hash}`)).map((b) => b.slot);
    return {
      partner,
      row: {
        campaignId: input.campaignId,
        campaignVersionId: version.id,
        version: version.version,
        audience: input.audience,
        slotValues,
        approvalSlots: waiting.length ? waiting : null,
        startAt,
        timezone: partner.timezone,
        createdBy: actor.userId,
      },
    };
  }

  /**
   * Writes a prepared launch, in the caller's transaction when given one. A launch that starts a
   * pending launch names it: the unique key refuses a second launch of the same pending launch.
   */
  insert(prepared: PreparedLaunch, within: { tx?: Tx; pendingLaunchId?: string } = {}): Promise<LaunchRow> {
    return this.launches.create(
      scopeOfPartner(prepared.partner),
      { ...prepared.row, pendingLaunchId: within.pendingLaunchId ?? null },
      within.tx,
    );
  }

  /**
   * Queues a written launch's enrollment: after the transaction that wrote it has committed. A
   * launch waiting for the vendor's approval is enrolled when it is approved (LaunchApprovalsService);
   * its approvers are emailed here instead, so that every way a launch is written (the wizard, a
   * programme's pending launch, a reminder) tells them once it exists, never for a rolled-back one.
   */
  async enroll(launch: LaunchRow): Promise<void> {
    if (launch.status === 'awaiting_approval') {
      await this.notices.tellApprovers(launch);
      return;
    }
    if (launch.status !== 'enrolling') return;
    const job: EnrollLaunchJob = traced({ launchId: launch.id });
    await this.queue.add(JobName.EnrollLaunch, job, jobOptions[JobName.EnrollLaunch](launch.id));
  }

  async get(actor: Actor, id: string): Promise<LaunchView> {
    const launch = await this.find(actor, id);
    return { ...launch, stats: await this.launches.stats(scopeOf(actor), launch.id) };
  }

  /** A page of launches, newest first, each with its campaign's name and its totals so far (from the rollups). */
  async list(
    actor: Actor,
    filter: { partnerId?: string; statuses?: LaunchStatus[] } & PageWindow,
  ): Promise<Found<LaunchSummary>> {
    const scope = scopeOf(actor, filter.partnerId);
    const found = await this.launches.list(scope, filter);
    const totals = await this.analytics.totalsByLaunch(
      scope,
      found.items.map((l) => l.id),
    );
    const items = found.items.map((l) => {
      const t = totals.get(l.id);
      return { ...l, sent: t?.sent ?? 0, accepted: t?.accepted ?? 0, opened: t?.opened ?? 0, clicked: t?.clicked ?? 0 };
    });
    return { items, total: found.total };
  }

  /**
   * The launch's daily trend (sent, accepted, opened, clicked, unsubscribed per UTC day) from
   * the daily rollups: from the day it starts to today while it may still send, else to its
   * last day with counts; days without any at zero.
   */
  async daily(actor: Actor, id: string): Promise<LaunchDaily> {
    const launch = await this.find(actor, id);
    const rows = await this.analytics.dailyForLaunch(scopeOf(actor), launch.id);
    const start = utcDay(launch.startAt);
    const end = RUNNING.includes(launch.status) ? utcDay(this.clock.now()) : (rows.at(-1)?.day ?? start);
    return { launchId: launch.id, days: dailySeries(rows, start, end) };
  }

  /** Stops sending; steps come due meanwhile are sent on resume (or moved to their next window if long late). */
  async pause(actor: Actor, id: string): Promise<LaunchView> {
    return this.move(actor, id, ['active'], 'paused', 'Only an active launch can be paused');
  }

  /** Sends again from where each prospect was: a step already sent is never sent again. */
  async resume(actor: Actor, id: string): Promise<LaunchView> {
    const launch = await this.find(actor, id);
    await this.enrollments.requeue(scopeOf(actor), launch.id);
    return this.move(actor, id, ['paused'], 'active', 'Only a paused launch can be resumed');
  }

  /** Stops every future step for good. */
  async cancel(actor: Actor, id: string): Promise<LaunchView> {
    const view = await this.move(
      actor,
      id,
      ['awaiting_approval', 'enrolling', 'active', 'paused'],
      'cancelled',
      'The launch has already finished or been cancelled',
    );
    await this.enrollments.cancel(scopeOf(actor), id);
    return this.get(actor, view.id);
  }

  private async move(
    actor: Actor,
    id: string,
    from: LaunchStatus[],
    to: LaunchStatus,
    refusal: string,
  ): Promise<LaunchView> {
    const launch = await this.find(actor, id);
    if (!(await this.launches.transition(scopeOf(actor), launch.id, from, to))) throw new ConflictError(refusal);
    return this.get(actor, launch.id);
  }

  private async find(actor: Actor, id: string): Promise<LaunchRow> {
    const launch = await this.launches.find(scopeOf(actor), id);
    if (!launch) throw new NotFoundError('Launch');
    return launch;
  }
}
