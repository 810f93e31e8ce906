import { Injectable } from '@nestjs/common';
import { Database, DB, executorOf, Tx } from '@tcma/persistence';
import { Expression, ExpressionBuilder, RawBuilder, sql, SqlBool } from 'kysely';
import { STORED_COUNTS, StoredCount } from './funnel';

type Events = ExpressionBuilder<DB, 'events' | 'launches'>;

/** Which judged events each funnel counter counts (see EventEntity). */
const COUNTED: Record<StoredCount, (eb: Events) => Expression<SqlBool>> = {
  sent: (eb) => eb('events.type', 'in', ['sent', 'accepted', 'bounced']),
  accepted: (eb) => eb('events.type', '=', 'accepted'),
  bounced: (eb) => eb('events.type', '=', 'bounced'),
  opened: (eb) => eb.and([eb('events.type', '=', 'opened'), eb('events.counted', '=', true)]),
  clicked: (eb) => eb.and([eb('events.type', '=', 'clicked'), eb('events.counted', '=', true)]),
  unsubscribed: (eb) => eb('events.type', '=', 'unsubscribed'),
  converted: (eb) => eb('events.type', '=', 'converted'),
  machineOpens: (eb) => eb.and([eb('events.type', '=', 'opened'), eb('events.machine', 'is not', null)]),
  machineClicks: (eb) => eb.and([eb('events.type', '=', 'clicked'), eb('events.machine', 'is not', null)]),
};

/** On a rollup row that exists already, each counter grows by the new events' count. */
function increments(table: 'analytics_daily' | 'analytics_totals'): Record<StoredCount, RawBuilder<number>> {
  const add = (c: StoredCount) => sql<number>`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`;
  return {
    sent: add('sent'),
    accepted: add('accepted'),
    bounced: add('bounced'),
    opened: add('opened'),
    clicked: add('clicked'),
    unsubscribed: add('unsubscribed'),
    converted: add('converted'),
    machineOpens: add('machineOpens'),
    machineClicks: add('machineClicks'),
  };
}

/**
 * Folds judged events into the funnel rollups (per launch, step and UTC day; and per launch
 * and step for all time), in the same transaction that judges them, so every event is
 * counted exactly once. A system job: it rolls up every tenant's events.
 */
@Injectable()
export class AnalyticsRollupRepository {
  constructor(private readonly db: Database) {}

  /**
   * Adds the given events (by id) to the rollups. `span` (when they happened, at the earliest
   * and latest) lets Postgres read only the month partitions that can hold them.
   */
  async addEventsForSystem(ids: string[], tx?: Tx, span?: { from: Date; to: Date }): Promise<void> {
    if (!ids.length) return;
    await this.add(
      (eb) =>
        eb.and([eb('events.id', 'in', ids), ...(span ? [eb.between('events.occurredAt', span.from, span.to)] : [])]),
      tx,
    );
  }

  /** Adds events with ids in [fromId, toId] (bulk loads and rebuilds). */
  async addRangeForSystem(fromId: string, toId: string, tx?: Tx): Promise<void> {
    await this.add((eb) => eb.between('events.id', fromId, toId), tx);
  }

  private async add(which: (eb: Events) => Expression<SqlBool>, tx?: Tx): Promise<void> {
    await executorOf(this.db, tx)
      .with('c', (db) =>
        db
          .selectFrom('events')
          .innerJoin('launches', 'launches.id', 'events.launchId')
          .select((eb) => [
            'events.launchId',
            eb.fn.coalesce('events.step', eb.lit(-1)).as('step'),
            sql<string>`(${eb.ref('events.occurredAt')} AT TIME ZONE 'UTC')::date`.as('day'),
            'launches.vendorId',
            'launches.partnerId',
            'launches.campaignId',
            'launches.version',
            ...STORED_COUNTS.map((c) => eb.fn.countAll<number>().filterWhere(COUNTED[c](eb)).as(c)),
          ])
          .where(which)
          .groupBy([
            'events.launchId',
            'step',
            'day',
            'launches.vendorId',
            'launches.partnerId',
            'launches.campaignId',
            'launches.version',
          ]),
      )
      .with('daily', (db) =>
        db
          .insertInto('analyticsDaily')
          .columns(['launchId', 'step', 'day', 'vendorId', 'partnerId', 'campaignId', 'version', ...STORED_COUNTS])
          .expression((eb) =>
            eb
              .selectFrom('c')
              .select([
                'c.launchId',
                'c.step',
                'c.day',
                'c.vendorId',
                'c.partnerId',
                'c.campaignId',
                'c.version',
                ...STORED_COUNTS.map((s) => `c.${s}` as const),
              ]),
          )
          .onConflict((oc) => oc.columns(['launchId', 'step', 'day']).doUpdateSet(increments('analytics_daily'))),
      )
      .insertInto('analyticsTotals')
      .columns(['launchId', 'step', 'vendorId', 'partnerId', 'campaignId', 'version', ...STORED_COUNTS])
      .expression((eb) =>
        eb
          .selectFrom('c')
          .select((s) => [
            'c.launchId',
            'c.step',
            'c.vendorId',
            'c.partnerId',
            'c.campaignId',
            'c.version',
            ...STORED_COUNTS.map((c) => s.fn.sum<number>(`c.${c}`).as(c)),
          ])
          .groupBy(['c.launchId', 'c.step', 'c.vendorId', 'c.partnerId', 'c.campaignId', 'c.version']),
      )
      .onConflict((oc) => oc.columns(['launchId', 'step']).doUpdateSet(increments('analytics_totals')))
      .execute();
  }
}
