import { Database, EnrollmentStatus, suppressionCovers } from '@tcma/persistence';
import { sql } from 'kysely';

/** Everything a send needs, in one read. */
export interface SendContext {
  enrollmentId: string;
  status: EnrollmentStatus;
  nextStep: number;
  nextDueAt: Date | null;
  launchId: string;
  launchStatus: string;
  campaignId: string;
  campaignVersionId: string;
  vendorId: string;
  partnerId: string;
  slotValues: Record<string, string>;
  zone: string;
  prospect: {
    id: string;
    email: string;
    emailLower: string;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    title: string | null;
    country: string | null;
    /** The language the prospect reads (canonical BCP 47); null: unknown, the partner's default then. */
    language: string | null;
    custom: Record<string, string>;
  };
  suppressed: boolean;
  /** How the prospect took the previous step's email (a person's first open and click). */
  previous: { openedAt: Date | null; clickedAt: Date | null };
  /** Whether a conversion was recorded for this prospect in this launch. */
  converted: boolean;
  /** Names of the links of this sequence's emails a person clicked (judged events only). */
  clickedLinks: string[];
}

/**
 * Send contexts of several enrollments in one read, in the order asked (null when unknown): the
 * enrollment, its launch, the prospect, the previous step's engagement, suppression and the links
 * a person clicked, everything a send's rules and render need.
 */
export async function readSendContexts(db: Database, enrollmentIds: string[]): Promise<Array<SendContext | null>> {
  const rows = await db
    .selectFrom('enrollments as e')
    .innerJoin('launches as l', 'l.id', 'e.launchId')
    .innerJoin('prospects as p', 'p.id', 'e.prospectId')
    .leftJoin('sends as ps', (join) =>
      join.onRef('ps.enrollmentId', '=', 'e.id').on((eb) => eb('ps.step', '=', eb('e.nextStep', '-', 1))),
    )
    .select([
      'e.id',
      'e.status',
      'e.nextStep',
      'e.nextDueAt',
      'e.launchId',
      'l.status as launchStatus',
      'l.campaignId',
      'l.campaignVersionId',
      'l.vendorId',
      'l.partnerId',
      'l.slotValues',
    ])
    .select([
      'p.id as prospectId',
      'p.email',
      'p.emailLower',
      'p.firstName',
      'p.lastName',
      'p.company',
      'p.title',
      'p.country',
      'p.language',
      'p.custom',
    ])
    .select(['ps.openedAt as previousOpenedAt', 'ps.clickedAt as previousClickedAt'])
    .select((eb) => [
      eb.fn.coalesce('p.timezone', 'l.timezone').as('zone'),
      suppressionCovers({
        vendorId: eb.ref('l.vendorId'),
        partnerId: eb.ref('l.partnerId'),
        campaignId: eb.ref('l.campaignId'),
        emailLower: eb.ref('p.emailLower'),
      }).as('suppressed'),
      eb('e.convertedAt', 'is not', null).as('converted'),
      eb
        .selectFrom('sends as s2')
        // The join repeats the partial index's predicate (events_engagement_idx) so it is used.
        .innerJoin('events as ev', (join) =>
          join.onRef('ev.sendId', '=', 's2.id').on('ev.type', 'in', ['opened', 'clicked']),
        )
        .select((s) =>
          s.fn
            .coalesce(s.fn.agg<string[]>('array_agg', ['ev.linkName']).distinct(), sql<string[]>`'{}'::text[]`)
            .as('links'),
        )
        .whereRef('s2.enrollmentId', '=', 'e.id')
        .where('ev.type', '=', 'clicked')
        .where('ev.linkName', 'is not', null)
        .where('ev.processedAt', 'is not', null)
        .where('ev.machine', 'is', null)
        .as('clickedLinks'),
    ])
    .where('e.id', 'in', enrollmentIds)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return enrollmentIds.map((id) => {
    const r = byId.get(id);
    if (!r) return null;
    return {
      enrollmentId: r.id,
      status: r.status,
      nextStep: r.nextStep,
      nextDueAt: r.nextDueAt,
      launchId: r.launchId,
      launchStatus: r.launchStatus,
      campaignId: r.campaignId,
      campaignVersionId: r.campaignVersionId,
      vendorId: r.vendorId,
      partnerId: r.partnerId,
      slotValues: r.slotValues,
      zone: r.zone,
      prospect: {
        id: r.prospectId,
        email: r.email,
        emailLower: r.emailLower,
        firstName: r.firstName,
        lastName: r.lastName,
        company: r.company,
        title: r.title,
        country: r.country,
        language: r.language,
        custom: r.custom,
      },
      suppressed: Boolean(r.suppressed),
      previous: { openedAt: r.previousOpenedAt, clickedAt: r.previousClickedAt },
      converted: Boolean(r.converted),
      clickedLinks: r.clickedLinks ?? [],
    };
  });
}
