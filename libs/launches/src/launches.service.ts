import { InjectQueue } from '@nestjs/bullmq';
import { AnalyticsRepository, dailySeries, DailyPoint, FunnelRow, utcDay } from '@tcma/analytics';
import { Injectable } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import { availabilityProblem, CampaignsRepository } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { ConflictError, InvalidError, NotFoundError, Problem } from '@tcma/errors';
import {
  AudienceSpec,
  CampaignRow,
  CampaignVersionRow,
  EXCLUSION_REASONS,
  ExclusionReason,
  Found,
  LaunchRow,
  LaunchStatus,
  PageWindow,
  PartnerRow,
  Tx,
} from '@tcma/persistence';
import { EnrollLaunchJob, jobOptions, JobName, QueueName, traced } from '@tcma/queue';
import { ProspectListsService } from '@tcma/audience';
import { LaunchEnrollments } from '@tcma/nurture';
import { PartnerSendersService } from '@tcma/senders';
import { Actor, PartnersService, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { Queue } from 'bullmq';
import { launchReadiness, Readiness } from './launch-readiness';
import { LaunchNotices } from './launch-notices.service';
import { LaunchPreviewRepository } from './launch-preview.repository';
import { sequenceTimeline } from '@tcma/sequences';
import { campaignLanguages, closestLanguage } from '@tcma/translation';
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

/** A launch's daily trend: every UTC day from its start to today (or its last day with counts once it has ended). */
export interface LaunchDaily {
  launchId: string;
  days: DailyPoint[];
}

/** Launch states that may still send: their trend runs to today. */
const RUNNING: readonly LaunchStatus[] = ['enrolling', 'active', 'paused'];

/** The counters the portal's "My launches" shows, from the analytics rollups. */
export const PROGRESS_COUNTS = ['sent', 'accepted', 'bounced', 'opened', 'clicked', 'unsubscribed'] as const;
export type ProgressCounts = Record<(typeof PROGRESS_COUNTS)[number], number>;

/** A launch's progress: who entered, and per step who waits for it and what happened to it. */
export interface LaunchProgress extends ProgressCounts {
  launchId: string;
  status: LaunchStatus;
  enrolled: number;
  skippedSuppressed: number;
  /** Conversions recorded for the launch (they belong to no step). */
  converted: number;
  steps: Array<ProgressCounts & { step: number; emailAssetId: string; name: string; waiting: number }>;
}

/** One step's send time for the prospects of one zone. */
export interface PreviewStep {
  step: number;
  emailAssetId: string;
  name: string;
  subject: string;
  /** Sent only to those who meet it (opened, clicked…): the dry run cannot tell who will. */
  conditional: boolean;
  sendAt: Date;
}

/** A launch's dry run: when each step would go, by zone, and who would be left out and why. */
export interface LaunchPreview {
  campaignId: string;
  version: number;
  startAt: Date;
  /** Prospects the audience selects, before exclusions. */
  audience: number;
  /** Prospects who would be enrolled. */
  enrolled: number;
  excluded: Record<ExclusionReason, number>;
  zones: Array<{ timezone: string; prospects: number; steps: PreviewStep[] }>;
  /**
   * Who would read which of the campaign's languages (its own and its emails' variants), most
   * prospects first: each prospect's language, else the partner's, matched by closestLanguage.
   */
  languages: Array<{ language: string; prospects: number }>;
}

/** A launch may start this far in the past (clock differences) and this far ahead. */
const START_TOLERANCE_MS = 5 * 60_000;
const MAX_START_AHEAD_MS = 365 * 86_400_000;

/** The progress counters summed over funnel rows. */
function progressCounts(rows: FunnelRow[]): ProgressCounts {
  const sum = (c: keyof ProgressCounts) => rows.reduce((n, r) => n + r[c], 0);
  return {
    sent: sum('sent'),
    accepted: sum('accepted'),
    bounced: sum('bounced'),
    opened: sum('opened'),
    clicked: sum('clicked'),
    unsubscribed: sum('unsubscribed'),
  };
}

function startProblems(startAt: Date, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (startAt.getTime() < now.getTime() - START_TOLERANCE_MS)
    problems.push({ path: 'startAt', message: 'must not be in the past' });
  if (startAt.getTime() > now.getTime() + MAX_START_AHEAD_MS)
    problems.push({ path: 'startAt', message: 'must be within a year' });
  return problems;
}

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
    private readonly senders: PartnerSendersService,
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
    const target = await this.launchTarget(partner, campaignId, version);
    return { campaignId, version: target.version.version, ...(await this.readinessOf(partner, target, slotValues)) };
  }

  private async launchTarget(
    partner: PartnerRow,
    campaignId: string,
    version?: number,
  ): Promise<{ campaign: CampaignRow; version: CampaignVersionRow }> {
    const scope = scopeOfPartner(partner);
    const [latest, campaign] = await Promise.all([
      this.campaigns.findPublishedForPartner(scope, partner, campaignId),
      this.campaigns.find(scope, campaignId),
    ]);
    if (!latest || !campaign) throw new NotFoundError('Campaign');
    const pinned =
      version && version !== latest.version ? await this.campaigns.findVersion(scope, campaignId, version) : latest;
    if (!pinned) throw new NotFoundError('Campaign version');
    return { campaign, version: pinned };
  }

  private async readinessOf(
    partner: PartnerRow,
    target: { campaign: CampaignRow; version: CampaignVersionRow },
    slotValues?: Record<string, string>,
  ): Promise<Readiness> {
    const brand = await this.brandKits.brandState(partner);
    const unavailable = availabilityProblem(target.campaign, this.clock.now())?.message ?? null;
    const senderWarning = await this.senders.warningFor(partner, brand);
    return launchReadiness({
      content: target.version.content,
      brand: brand.brand,
      hasSender: brand.sender !== null,
      senderWarning,
      slotValues,
      unavailable,
    });
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
    const target = await this.launchTarget(partner, input.campaignId, input.version);
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
    const emails = new Map(
      (version?.content.assets ?? []).flatMap((a) => (a.kind === 'email' ? [[a.id, a.name] as const] : [])),
    );
    const steps = (version?.content.sequence?.steps ?? []).map((s, i) => ({
      step: i + 1,
      emailAssetId: s.emailAssetId,
      name: emails.get(s.emailAssetId) ?? '',
      waiting: waiting.get(i) ?? 0,
      ...progressCounts(funnel.filter((r) => r.step === i + 1)),
    }));
    const converted = funnel.reduce((n, r) => n + r.converted, 0);
    return {
      launchId: launch.id,
      status: launch.status,
      enrolled: launch.enrolled,
      skippedSuppressed: launch.skippedSuppressed,
      ...progressCounts(funnel),
      converted,
      steps,
    };
  }

  /**
   * What a launch with this body would do, with nothing written: the same target, audience and
   * suppression rules as a launch, counted in SQL by zone, and each zone's timeline from the
   * pure scheduling rules. Readiness is not judged here (GET …/readiness says it).
   */
  async preview(actor: Actor, input: CreateLaunchInput): Promise<LaunchPreview> {
    const partner = await this.partners.actingFor(actor, input.partnerId, 'Choose the partner this launch is for');
    const target = await this.launchTarget(partner, input.campaignId, input.version);
    const now = this.clock.now();
    const startAt = input.startAt ?? now;
    const problems = startProblems(startAt, now);
    if (problems.length) throw new InvalidError('The launch cannot start', problems);
    if (input.audience.type === 'list') await this.lists.get(actor, partner.id, input.audience.listId);

    const counts = await this.previews.audienceByZone(
      scopeOfPartner(partner),
      input.audience,
      input.campaignId,
      partner.timezone,
    );
    const excluded: Record<ExclusionReason, number> = { unsubscribed: 0, invalid: 0, suppressed: 0 };
    const content = target.version.content;
    const available = campaignLanguages(content);
    const byZone = new Map<string, number>();
    const byLanguage = new Map<string, number>(available.map((l) => [l, 0]));
    for (const c of counts) {
      if (c.rank !== null) {
        excluded[EXCLUSION_REASONS[c.rank - 1]] += c.n;
        continue;
      }
      byZone.set(c.zone, (byZone.get(c.zone) ?? 0) + c.n);
      const language = closestLanguage(available, c.language ?? partner.language);
      byLanguage.set(language, (byLanguage.get(language) ?? 0) + c.n);
    }
    const steps = content.sequence?.steps ?? [];
    const emails = new Map(content.assets.flatMap((a) => (a.kind === 'email' ? [[a.id, a] as const] : [])));
    const zones = [...byZone.entries()]
      .sort(([za, a], [zb, b]) => b - a || za.localeCompare(zb))
      .map(([timezone, prospects]) => ({
        timezone,
        prospects,
        steps: sequenceTimeline(startAt, steps, timezone).map((sendAt, i) => ({
          step: i + 1,
          emailAssetId: steps[i].emailAssetId,
          name: emails.get(steps[i].emailAssetId)?.name ?? '',
          subject: emails.get(steps[i].emailAssetId)?.subject ?? '',
          conditional: (steps[i].condition ?? 'always') !== 'always',
          sendAt,
        })),
      }));
    const enrolled = zones.reduce((n, z) => n + z.prospects, 0);
    return {
      campaignId: input.campaignId,
      version: target.version.version,
      startAt,
      audience: enrolled + excluded.unsubscribed + excluded.invalid + excluded.suppressed,
      enrolled,
      excluded,
      zones,
      languages: [...byLanguage.entries()]
        .sort(([la, a], [lb, b]) => b - a || la.localeCompare(lb))
        .map(([language, prospects]) => ({ language, prospects })),
    };
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
    const target = await this.launchTarget(partner, input.campaignId, input.version);
    const version = target.version;

    const now = this.clock.now();
    const startAt = input.startAt ?? now;
    const problems = startProblems(startAt, now);
    const readiness = await this.readinessOf(partner, target, input.slotValues);
    for (const item of readiness.items.filter((i) => i.blocking))
      problems.push({ path: item.path, message: item.message, code: item.code });
    const known = new Set(version.content.slots.map((s) => s.name));
    for (const name of Object.keys(input.slotValues ?? {}))
      if (!known.has(name)) problems.push({ path: `slotValues.${name}`, message: 'is not a slot of this campaign' });
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
