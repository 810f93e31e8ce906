import { Injectable } from '@nestjs/common';
import {
  Database,
  inAudience,
  LaunchRow,
  PartnerScope,
  partnerOwned,
  suppressionCovers,
  suppressionTargetOf,
  TenantScope,
  unnest,
} from '@tcma/persistence';
import { sql } from 'kysely';

/** Enrolling a launch's audience in bulk, range by range of prospect ids (EnrollmentService). */
@Injectable()
export class AudienceEnrollmentsRepository {
  constructor(private readonly db: Database) {}

  /** The zones of a launch's audience (prospect's own, else the launch's), to compute first due times per zone. */
  async audienceZones(scope: PartnerScope, launch: LaunchRow): Promise<string[]> {
    const rows = await this.db
      .selectFrom('prospects as p')
      .select((eb) => eb.fn.coalesce('p.timezone', eb.val(launch.timezone)).as('zone'))
      .distinct()
      .where((eb) => eb.and([partnerOwned(eb, scope, 'p'), inAudience(launch.audience)]))
      .execute();
    return rows.map((r) => r.zone);
  }

  /**
   * Splits a partner's prospects into id ranges of about `size` each: the returned ids are
   * the inclusive upper bounds of every range but the last, which is open. Ordered as
   * numbers (by row number): ids as text would put 100000 before 20000.
   */
  async chunkBounds(scope: PartnerScope, size: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom((db) =>
        db
          .selectFrom('prospects as p')
          .select(['p.id', sql<number>`row_number() OVER (ORDER BY p.id)`.as('rn')])
          .where((eb) => partnerOwned(eb, scope, 'p'))
          .as('t'),
      )
      .select('t.id')
      .where(sql<boolean>`t.rn % ${size} = 0`)
      .orderBy('t.rn')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Enrolls the launch's audience among prospects with ids in (afterId, upToId], in one
   * statement, each first step due at the time of its zone. Suppressed addresses are left
   * out; enrolling twice is harmless.
   */
  async enrollRange(
    scope: PartnerScope,
    launch: LaunchRow,
    afterId: string,
    upToId: string | null,
    dues: Map<string, Date>,
  ): Promise<{ scanned: number; eligible: number; inserted: number }> {
    const row = await this.db
      .with('batch', (db) =>
        db
          .selectFrom('prospects as p')
          .select((eb) => ['p.id', 'p.emailLower', eb.fn.coalesce('p.timezone', eb.val(launch.timezone)).as('zone')])
          .where((eb) =>
            eb.and([
              partnerOwned(eb, scope, 'p'),
              eb('p.id', '>', afterId),
              ...(upToId === null ? [] : [eb('p.id', '<=', upToId)]),
              inAudience(launch.audience),
            ]),
          ),
      )
      .with('eligible', (db) =>
        db
          .selectFrom('batch as b')
          .selectAll('b')
          .where((eb) =>
            eb.not(
              suppressionCovers(
                suppressionTargetOf(scope, {
                  campaignId: eb.val(launch.campaignId),
                  emailLower: eb.ref('b.emailLower'),
                }),
              ),
            ),
          ),
      )
      .with('inserted', (db) =>
        db
          .insertInto('enrollments')
          .columns(['launchId', 'prospectId', 'partnerId', 'vendorId', 'status', 'nextStep', 'nextDueAt'])
          .expression((eb) =>
            eb
              .selectFrom('eligible as e')
              .innerJoin(
                unnest<{ zone: string; due: Date }, 'd'>('d', {
                  zone: { type: 'text', values: [...dues.keys()] },
                  due: { type: 'timestamptz', values: [...dues.values()] },
                }),
                'd.zone',
                'e.zone',
              )
              .select((s) => [
                s.val(launch.id).as('launchId'),
                'e.id',
                s.val(scope.partnerId).as('partnerId'),
                s.val(scope.vendorId).as('vendorId'),
                s.val('active').as('status'),
                s.lit(0).as('nextStep'),
                'd.due',
              ]),
          )
          .onConflict((oc) => oc.columns(['launchId', 'prospectId']).doNothing())
          .returning('id'),
      )
      .selectNoFrom((eb) => [
        eb
          .selectFrom('batch')
          .select((s) => s.fn.countAll<number>().as('n'))
          .as('scanned'),
        eb
          .selectFrom('eligible')
          .select((s) => s.fn.countAll<number>().as('n'))
          .as('eligible'),
        eb
          .selectFrom('inserted')
          .select((s) => s.fn.countAll<number>().as('n'))
          .as('inserted'),
      ])
      .executeTakeFirstOrThrow();
    return { scanned: Number(row.scanned), eligible: Number(row.eligible), inserted: Number(row.inserted) };
  }

  async countForLaunch(scope: TenantScope, launchId: string): Promise<number> {
    const row = await this.db
      .selectFrom('enrollments as e')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('e.launchId', '=', launchId)
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
