import { Injectable } from '@nestjs/common';
import { Database, executorOf, PartnerScope, partnerOwned, TenantScope, Tx, unnest } from '@tcma/persistence';
import { sql } from 'kysely';

/** Taking an enrollment out of its sequence: no next step, nothing queued. */
export const exitWith = (reason: string) => ({
  status: 'exited' as const,
  exitReason: reason,
  nextDueAt: null,
  queuedAt: null,
  updatedAt: new Date(),
});

/** The exits other libs cause (an unsubscribe, a click on an exit link, a conversion), through EnrollmentExits. */
@Injectable()
export class EnrollmentExitsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Exits every active enrollment of this prospect address in the scope (an unsubscribe): at
   * one partner, or with a vendor scope at all its partners; `campaignId` keeps it to the
   * launches of that campaign.
   */
  async exitForAddress(
    scope: TenantScope,
    emailLower: string,
    reason: string,
    campaignId: string | null = null,
  ): Promise<number> {
    let exiting = this.db
      .updateTable('enrollments as e')
      .set(exitWith(reason))
      .from('prospects as p')
      .whereRef('p.id', '=', 'e.prospectId')
      .where((eb) =>
        eb.and([partnerOwned(eb, scope, 'e'), eb('p.emailLower', '=', emailLower), eb('e.status', '=', 'active')]),
      );
    if (campaignId !== null)
      exiting = exiting.where('e.launchId', 'in', (eb) =>
        eb.selectFrom('launches as l').select('l.id').where('l.campaignId', '=', campaignId),
      );
    const exited = await exiting.executeTakeFirst();
    return Number(exited.numUpdatedRows);
  }

  /**
   * Exits the active enrollments whose sequence says "leave when this link is clicked", for
   * each (send, link name) a person clicked. Returns the enrollments that left.
   */
  async exitOnClicksForSystem(clicks: Array<{ sendId: string; linkName: string }>, tx?: Tx): Promise<string[]> {
    if (!clicks.length) return [];
    const rows = await executorOf(this.db, tx)
      .updateTable('enrollments as e')
      .set(exitWith('clicked'))
      .from(
        unnest<{ sendId: string; linkName: string }, 'c'>('c', {
          sendId: { type: 'bigint', values: clicks.map((c) => c.sendId) },
          linkName: { type: 'text', values: clicks.map((c) => c.linkName) },
        }),
      )
      .innerJoin('sends as s', 's.id', 'c.sendId')
      .innerJoin('launches as l', 'l.id', 's.launchId')
      .innerJoin('campaignVersions as v', 'v.id', 'l.campaignVersionId')
      .whereRef('e.id', '=', 's.enrollmentId')
      .where('e.status', '=', 'active')
      .where(sql<boolean>`${sql.ref('v.content')}->'sequence'->'exit'->>'clickedLink' = ${sql.ref('c.linkName')}`)
      .returning('e.id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Exits the prospect's active enrollments in these launches where the sequence exits on conversion. */
  async exitOnConversion(scope: PartnerScope, prospectId: string, launchIds: string[], tx?: Tx): Promise<number> {
    if (!launchIds.length) return 0;
    const exited = await executorOf(this.db, tx)
      .updateTable('enrollments as e')
      .set(exitWith('converted'))
      .from('launches as l')
      .innerJoin('campaignVersions as v', 'v.id', 'l.campaignVersionId')
      .whereRef('l.id', '=', 'e.launchId')
      .where((eb) =>
        eb.and([
          partnerOwned(eb, scope, 'e'),
          eb('e.prospectId', '=', prospectId),
          eb('e.launchId', 'in', launchIds),
          eb('e.status', '=', 'active'),
        ]),
      )
      .where(sql<boolean>`(${sql.ref('v.content')}->'sequence'->'exit'->>'converted')::boolean`)
      .executeTakeFirst();
    return Number(exited.numUpdatedRows);
  }

  /** The launches a prospect is or was enrolled in. */
  async launchesOfProspect(scope: PartnerScope, prospectId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('enrollments as e')
      .select('e.launchId')
      .where('e.prospectId', '=', prospectId)
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .execute();
    return rows.map((r) => r.launchId);
  }
}
