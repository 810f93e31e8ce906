import { Injectable } from '@nestjs/common';
import {
  AudienceSpec,
  Database,
  exclusionRank,
  inAudience,
  partnerOwned,
  PartnerScope,
  suppressionTargetOf,
} from '@tcma/persistence';

/** How many prospects of an audience fall in one time zone with one exclusion rank (null: would be enrolled). */
export interface ZoneCount {
  zone: string;
  /** 1-based index into EXCLUSION_REASONS, or null. */
  rank: number | null;
  /** The language the prospects read (null: they did not say). */
  language: string | null;
  n: number;
}

/** The reads of a launch's dry run: nothing is written. */
@Injectable()
export class LaunchPreviewRepository {
  constructor(private readonly db: Database) {}

  /**
   * The audience counted in SQL by zone (the prospect's own, else the partner's), by the
   * prospect's language and by why the suppression rule would leave it out: one aggregate,
   * whatever the audience size.
   */
  async audienceByZone(
    scope: PartnerScope,
    audience: AudienceSpec,
    campaignId: string,
    partnerZone: string,
  ): Promise<ZoneCount[]> {
    const rows = await this.db
      .selectFrom((db) =>
        db
          .selectFrom('prospects as p')
          .select((eb) => [
            eb.fn.coalesce('p.timezone', eb.val(partnerZone)).as('zone'),
            'p.language',
            exclusionRank(
              suppressionTargetOf(scope, { campaignId: eb.val(campaignId), emailLower: eb.ref('p.emailLower') }),
            ).as('rank'),
          ])
          .where((eb) => eb.and([partnerOwned(eb, scope, 'p'), inAudience(audience)]))
          .as('a'),
      )
      .select((eb) => ['a.zone', 'a.rank', 'a.language', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .groupBy(['a.zone', 'a.rank', 'a.language'])
      .execute();
    return rows.map((r) => ({ zone: r.zone, rank: r.rank, language: r.language, n: r.n }));
  }
}
