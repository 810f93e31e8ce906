import { Injectable } from '@nestjs/common';
import {
  Database,
  EnrollmentStatus,
  Found,
  PageWindow,
  PartnerScope,
  partnerOwned,
  TenantScope,
} from '@tcma/persistence';
import { sql } from 'kysely';

/** One enrollment of a launch with its prospect's address and zone: what its next step waits for. */
export interface EnrollmentNextStepRow {
  enrollmentId: string;
  prospectId: string;
  email: string;
  prospectTimezone: string | null;
  status: EnrollmentStatus;
  nextStep: number;
  nextDueAt: Date | null;
  queuedAt: Date | null;
  exitReason: string | null;
}

/** One prospect of a launch and what they did with its emails. */
export interface LaunchProspectRow {
  enrollmentId: string;
  prospectId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  status: EnrollmentStatus;
  nextStep: number;
  lastSentAt: Date | null;
  /** The language of the last email sent (the campaign's or a variant's); null before the first. */
  language: string | null;
  /** A person's first open of any of the launch's emails. */
  openedAt: Date | null;
  exitReason: string | null;
  /** When the prospect left (exited), else null. */
  exitedAt: Date | null;
}

export interface LaunchProspectFilter extends PageWindow {
  status?: EnrollmentStatus;
  /** Only prospects a person of whom clicked this link (by its name). */
  clicked?: string;
  /** Only prospects who opened (true) or did not (false). */
  opened?: boolean;
}

export interface LinkClick {
  enrollmentId: string;
  link: string;
  firstAt: Date;
}

/**
 * Reads of one launch's enrollments for the people who ask about it: what each next step
 * waits for, the prospects and what they did. Opens and clicks count only once judged a
 * person's (events.machine null), as the funnel counts them.
 */
@Injectable()
export class LaunchActivityRepository {
  constructor(private readonly db: Database) {}

  /** Enrollments of a launch in the partner's contacts scope, soonest due first (finished ones last). */
  async nextSteps(
    scope: PartnerScope,
    launchId: string,
    filter: PageWindow & { status?: EnrollmentStatus },
  ): Promise<Found<EnrollmentNextStepRow>> {
    const matching = this.db
      .selectFrom('enrollments as e')
      .innerJoin('prospects as p', 'p.id', 'e.prospectId')
      .where('e.launchId', '=', launchId)
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .$if(filter.status !== undefined, (q) => q.where('e.status', '=', filter.status!));
    const [items, count] = await Promise.all([
      matching
        .select([
          'e.id as enrollmentId',
          'e.prospectId',
          'p.email',
          'p.timezone as prospectTimezone',
          'e.status',
          'e.nextStep',
          'e.nextDueAt',
          'e.queuedAt',
          'e.exitReason',
        ])
        .orderBy(sql`e.next_due_at ASC NULLS LAST`)
        .orderBy('e.id', 'asc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** Active enrollments of a launch by the day their next step is due, as a date in `zone` (YYYY-MM-DD). */
  async dueDays(scope: TenantScope, launchId: string, zone: string): Promise<Array<{ day: string; steps: number }>> {
    const day = sql<string>`to_char(e.next_due_at AT TIME ZONE ${zone}, 'YYYY-MM-DD')`;
    return (
      this.db
        .selectFrom('enrollments as e')
        .where('e.launchId', '=', launchId)
        .where('e.status', '=', 'active')
        .where('e.nextDueAt', 'is not', null)
        .where((eb) => partnerOwned(eb, scope, 'e'))
        .select((eb) => [day.as('day'), eb.cast<number>(eb.fn.countAll(), 'integer').as('steps')])
        // By position: the zone is a parameter, and the same expression twice would be two of them.
        .groupBy(sql`1`)
        .orderBy(sql`1`)
        .execute()
    );
  }

  /** A launch's prospects with their progress, first open and exit, filtered; in enrollment order. */
  async prospects(
    scope: PartnerScope,
    launchId: string,
    filter: LaunchProspectFilter,
  ): Promise<Found<LaunchProspectRow>> {
    const matching = this.db
      .selectFrom('enrollments as e')
      .innerJoin('prospects as p', 'p.id', 'e.prospectId')
      .where('e.launchId', '=', launchId)
      .where((eb) => {
        const conditions = [partnerOwned(eb, scope, 'e')];
        if (filter.status) conditions.push(eb('e.status', '=', filter.status));
        if (filter.opened !== undefined) {
          const opened = eb.exists(
            eb
              .selectFrom('sends as s')
              .select('s.id')
              .whereRef('s.enrollmentId', '=', 'e.id')
              .where('s.openedAt', 'is not', null),
          );
          conditions.push(filter.opened ? opened : eb.not(opened));
        }
        const link = filter.clicked;
        if (link !== undefined) {
          conditions.push(
            eb.exists(
              eb
                .selectFrom('sends as s')
                .innerJoin('events as ev', 'ev.sendId', 's.id')
                .select('ev.id')
                .whereRef('s.enrollmentId', '=', 'e.id')
                .where('ev.type', '=', 'clicked')
                .where('ev.machine', 'is', null)
                .where('ev.processedAt', 'is not', null)
                .where('ev.linkName', '=', link),
            ),
          );
        }
        return eb.and(conditions);
      });
    const [items, count] = await Promise.all([
      matching
        .select([
          'e.id as enrollmentId',
          'e.prospectId',
          'p.email',
          'p.firstName',
          'p.lastName',
          'p.company',
          'e.status',
          'e.nextStep',
          'e.lastSentAt',
          'e.exitReason',
        ])
        .select((eb) => [
          eb
            .selectFrom('sends as s')
            .select((sb) => sb.fn.min('s.openedAt').as('at'))
            .whereRef('s.enrollmentId', '=', 'e.id')
            .as('openedAt'),
          eb
            .selectFrom('sends as s')
            .select('s.language')
            .whereRef('s.enrollmentId', '=', 'e.id')
            .where('s.language', 'is not', null)
            .where('s.status', 'in', ['handed', 'sent', 'uncertain', 'bounced'])
            .orderBy('s.step', 'desc')
            .limit(1)
            .as('language'),
          eb.case().when('e.status', '=', 'exited').then(eb.ref('e.updatedAt')).else(null).end().as('exitedAt'),
        ])
        .orderBy('e.id', 'asc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** The links a person clicked in these enrollments' emails, with the first click of each. */
  async clicks(scope: PartnerScope, enrollmentIds: string[]): Promise<LinkClick[]> {
    if (!enrollmentIds.length) return [];
    const link = sql<string>`coalesce(ev.link_name, 'link ' || ev.link_index::text)`;
    return this.db
      .selectFrom('sends as s')
      .innerJoin('events as ev', 'ev.sendId', 's.id')
      .where('s.enrollmentId', 'in', enrollmentIds)
      .where((eb) => partnerOwned(eb, scope, 's'))
      .where('ev.type', '=', 'clicked')
      .where('ev.machine', 'is', null)
      .where('ev.processedAt', 'is not', null)
      .select((eb) => ['s.enrollmentId', link.as('link'), eb.fn.min<Date>('ev.occurredAt').as('firstAt')])
      .groupBy(['s.enrollmentId', link])
      .orderBy('firstAt')
      .execute();
  }
}
