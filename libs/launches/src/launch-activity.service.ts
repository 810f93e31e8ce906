import { Injectable } from '@nestjs/common';
import type { SequenceStep } from '@tcma/campaign-model';
import { CampaignsRepository } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { csvRow } from '@tcma/csv';
import { InvalidError, NotFoundError } from '@tcma/errors';
import { EnrollmentStatus, Found, LaunchRow, PageWindow, PartnerScope } from '@tcma/persistence';
import { explainNextStep, isValidTimeZone, NextStepState } from '@tcma/sequences';
import { Actor, PartnersService, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { LaunchActivityRepository, LaunchProspectFilter, LaunchProspectRow } from './launch-activity.repository';
import { LaunchesRepository } from './launches.repository';

/** One enrollment's next step and why it has not gone (README "Why is my outbox empty?"). */
export interface EnrollmentNextStep {
  enrollmentId: string;
  prospectId: string;
  email: string;
  status: EnrollmentStatus;
  /** 1-based, as in a launch's progress; null once there is none. */
  nextStep: number | null;
  nextStepName: string | null;
  nextDueAt: Date | null;
  /** The zone the step's time is reckoned in: the prospect's, else the partner's. */
  timezone: string;
  state: NextStepState;
  explanation: string;
  /** When the step is expected to go, if it will. */
  sendsAt: Date | null;
}

export interface DueDays {
  launchId: string;
  timezone: string;
  days: Array<{ day: string; steps: number }>;
}

export interface LaunchProspect extends Omit<LaunchProspectRow, 'nextStep'> {
  /** 1-based step the prospect is at (the next to send), null once past the last. */
  currentStep: number | null;
  clicks: Array<{ link: string; at: Date }>;
}

/** Rows read per statement while a CSV export streams. */
export const EXPORT_CHUNK = 1000;

const CSV_COLUMNS = [
  'email',
  'first_name',
  'last_name',
  'company',
  'status',
  'current_step',
  'last_sent_at',
  'opened_at',
  'clicked_links',
  'first_click_at',
  'exit_reason',
  'exited_at',
  'language',
];

/**
 * What a partner (or its vendor) asks about a running launch: what each enrollment's next
 * step waits for, how many steps fall due on which day, and who did what with the emails.
 * Lists of people are contacts: a vendor user sees them only when the partner shares its
 * contacts (404 otherwise, as for its prospects).
 */
@Injectable()
export class LaunchActivityService {
  constructor(
    private readonly launches: LaunchesRepository,
    private readonly activity: LaunchActivityRepository,
    private readonly partners: PartnersService,
    private readonly campaigns: CampaignsRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async nextSteps(
    actor: Actor,
    launchId: string,
    filter: PageWindow & { status?: EnrollmentStatus },
  ): Promise<Found<EnrollmentNextStep>> {
    const launch = await this.launch(actor, launchId);
    const scope = await this.contacts(actor, launch);
    const [steps, found] = await Promise.all([
      this.steps(actor, launch),
      this.activity.nextSteps(scope, launch.id, filter),
    ]);
    const now = this.clock.now();
    const items = found.items.map((row): EnrollmentNextStep => {
      const zone = row.prospectTimezone ?? launch.timezone;
      const step = steps[row.nextStep];
      const why = explainNextStep({
        enrollmentStatus: row.status,
        launchStatus: launch.status,
        exitReason: row.exitReason,
        nextStep: row.nextStep,
        stepCount: steps.length,
        nextDueAt: row.nextDueAt,
        queuedAt: row.queuedAt,
        step: step ?? null,
        zone,
        now,
        maxLatenessMs: this.config.maxLatenessMs,
      });
      const pending = step !== undefined && row.status === 'active';
      return {
        enrollmentId: row.enrollmentId,
        prospectId: row.prospectId,
        email: row.email,
        status: row.status,
        nextStep: pending ? row.nextStep + 1 : null,
        nextStepName: pending ? step.name : null,
        nextDueAt: pending ? row.nextDueAt : null,
        timezone: zone,
        ...why,
      };
    });
    return { items, total: found.total };
  }

  /** Active enrollments by the day their next step is due, in `zone` (default: the launch's partner's). */
  async dueDays(actor: Actor, launchId: string, zone?: string): Promise<DueDays> {
    if (zone !== undefined && !isValidTimeZone(zone))
      throw new InvalidError('Unknown time zone', [
        { path: 'zone', message: 'must be an IANA time zone such as America/New_York' },
      ]);
    const launch = await this.launch(actor, launchId);
    const timezone = zone ?? launch.timezone;
    return { launchId: launch.id, timezone, days: await this.activity.dueDays(scopeOf(actor), launch.id, timezone) };
  }

  async prospects(actor: Actor, launchId: string, filter: LaunchProspectFilter): Promise<Found<LaunchProspect>> {
    const launch = await this.launch(actor, launchId);
    const scope = await this.contacts(actor, launch);
    return this.prospectPage(scope, launch, filter, (await this.steps(actor, launch)).length);
  }

  /**
   * The same list, every page of it, as formula-safe CSV lines (header first). The launch and
   * the caller's right to its contacts are checked before the first line, so a refusal is a
   * 404, not a broken download.
   */
  async prospectsCsv(
    actor: Actor,
    launchId: string,
    filter: Omit<LaunchProspectFilter, 'limit' | 'offset'>,
  ): Promise<AsyncIterable<string>> {
    const launch = await this.launch(actor, launchId);
    const scope = await this.contacts(actor, launch);
    const stepCount = (await this.steps(actor, launch)).length;
    return this.csvLines(scope, launch, filter, stepCount);
  }

  private async *csvLines(
    scope: PartnerScope,
    launch: LaunchRow,
    filter: Omit<LaunchProspectFilter, 'limit' | 'offset'>,
    stepCount: number,
  ): AsyncGenerator<string> {
    yield csvRow(CSV_COLUMNS);
    for (let offset = 0; ; offset += EXPORT_CHUNK) {
      const page = await this.prospectPage(scope, launch, { ...filter, limit: EXPORT_CHUNK, offset }, stepCount);
      for (const p of page.items) {
        yield csvRow([
          p.email,
          p.firstName,
          p.lastName,
          p.company,
          p.status,
          p.currentStep,
          p.lastSentAt,
          p.openedAt,
          p.clicks.map((c) => c.link).join(' '),
          p.clicks[0]?.at,
          p.exitReason,
          p.exitedAt,
          p.language,
        ]);
      }
      if (page.items.length < EXPORT_CHUNK) return;
    }
  }

  private async prospectPage(
    scope: PartnerScope,
    launch: LaunchRow,
    filter: LaunchProspectFilter,
    stepCount: number,
  ): Promise<Found<LaunchProspect>> {
    const found = await this.activity.prospects(scope, launch.id, filter);
    const clicks = await this.activity.clicks(
      scope,
      found.items.map((p) => p.enrollmentId),
    );
    const byEnrollment = new Map<string, Array<{ link: string; at: Date }>>();
    for (const c of clicks)
      byEnrollment.set(c.enrollmentId, [...(byEnrollment.get(c.enrollmentId) ?? []), { link: c.link, at: c.firstAt }]);
    const items = found.items.map(({ nextStep, ...row }): LaunchProspect => ({
      ...row,
      currentStep: nextStep < stepCount && row.status === 'active' ? nextStep + 1 : null,
      clicks: byEnrollment.get(row.enrollmentId) ?? [],
    }));
    return { items, total: found.total };
  }

  private async launch(actor: Actor, id: string): Promise<LaunchRow> {
    const launch = await this.launches.find(scopeOf(actor), id);
    if (!launch) throw new NotFoundError('Launch');
    return launch;
  }

  /** The launch's partner's contacts, as its prospects are shown: 404 for a vendor user when the partner keeps them private. */
  private async contacts(actor: Actor, launch: LaunchRow): Promise<PartnerScope> {
    return scopeOfPartner(await this.partners.withContacts(actor, launch.partnerId, 'Launch'));
  }

  /** The launch's sequence steps, each with its email's name. */
  private async steps(actor: Actor, launch: LaunchRow): Promise<Array<SequenceStep & { name: string }>> {
    const version = await this.campaigns.findVersion(scopeOf(actor), launch.campaignId, launch.version);
    const names = new Map(
      (version?.content.assets ?? []).flatMap((a) => (a.kind === 'email' ? [[a.id, a.name] as const] : [])),
    );
    return (version?.content.sequence?.steps ?? []).map((s) => ({ ...s, name: names.get(s.emailAssetId) ?? '' }));
  }
}
