import { Injectable } from '@nestjs/common';
import {
  addMonths,
  boundLiteral,
  Database,
  EVENT_DEFAULT_PARTITION,
  EVENT_PARTITION_SCHEMA,
  eventPartitionName,
  Executor,
  monthOfEventPartition,
} from '@tcma/persistence';
import { sql } from 'kysely';

export interface EventPartition {
  name: string;
  /** The UTC month it holds; null for the default partition. */
  month: Date | null;
}

/** Taken by whoever changes the events' partitions, so two sweepers never do it at once. */
const PARTITIONS_LOCK = sql`hashtext('tcma:event-partitions')`;
/** Partition changes wait at most this long for their locks, then try again at the next run. */
const LOCK_TIMEOUT = sql.lit('5s');

/**
 * The month partitions of the events table (see schema/event-partitions.ts): creating them
 * ahead, and dropping whole months past the retention. A system job, across tenants.
 */
@Injectable()
export class EventPartitionsRepository {
  constructor(private readonly db: Database) {}

  async listForSystem(): Promise<EventPartition[]> {
    const { rows } = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'events'::regclass ORDER BY c.relname`.execute(this.db);
    return rows.map((r) => ({ name: r.name, month: monthOfEventPartition(r.name) }));
  }

  /**
   * Makes the month's partition unless it exists. Events that landed in the default partition
   * for want of it (an event dated far ahead) move into it, in the same transaction: the
   * table is made on its own, filled, then attached, which does not block writes to the others.
   */
  async createForSystem(month: Date): Promise<boolean> {
    const name = eventPartitionName(month);
    return this.db.transaction().execute(async (tx) => {
      await this.lock(tx);
      const { rows } = await sql<{
        found: string | null;
      }>`SELECT to_regclass(${`${EVENT_PARTITION_SCHEMA}.${name}`})::text AS found`.execute(tx);
      if (rows[0].found) return false;
      const table = sql.id(EVENT_PARTITION_SCHEMA, name);
      const fallback = sql.id(EVENT_PARTITION_SCHEMA, EVENT_DEFAULT_PARTITION);
      const [from, to] = [sql.raw(boundLiteral(month)), sql.raw(boundLiteral(addMonths(month, 1)))];
      await sql`CREATE TABLE ${table} (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`.execute(tx);
      // The range as a constraint first, so attaching need not scan the new table to prove it.
      await sql`ALTER TABLE ${table} ADD CONSTRAINT ${sql.id(`${name}_range`)} CHECK (occurred_at >= ${from} AND occurred_at < ${to})`.execute(
        tx,
      );
      await sql`WITH moved AS (DELETE FROM ${fallback} WHERE occurred_at >= ${from} AND occurred_at < ${to} RETURNING *) INSERT INTO ${table} SELECT * FROM moved`.execute(
        tx,
      );
      await sql`ALTER TABLE events ATTACH PARTITION ${table} FOR VALUES FROM (${from}) TO (${to})`.execute(tx);
      await sql`ALTER TABLE ${table} DROP CONSTRAINT ${sql.id(`${name}_range`)}`.execute(tx);
      return true;
    });
  }

  /**
   * Drops a month's partition once every event in it has been judged: judging writes the
   * rollups in the same transaction, so the funnels' counts are final and keep their totals.
   * False when some are still to judge (it waits for the next run).
   */
  async dropIfJudgedForSystem(partition: EventPartition): Promise<boolean> {
    if (!partition.month) return false;
    const table = sql.id(EVENT_PARTITION_SCHEMA, partition.name);
    return this.db.transaction().execute(async (tx) => {
      await this.lock(tx);
      const { rows } = await sql<{
        pending: boolean;
      }>`SELECT EXISTS (SELECT 1 FROM ${table} WHERE processed_at IS NULL) AS pending`.execute(tx);
      if (rows[0].pending) return false;
      await sql`ALTER TABLE events DETACH PARTITION ${table}`.execute(tx);
      await sql`DROP TABLE ${table}`.execute(tx);
      return true;
    });
  }

  /** Judged events older than `before` that sit in the default partition (no month partition held them): deleted, `limit` at most. */
  async deleteJudgedStraysForSystem(before: Date, limit: number): Promise<number> {
    const fallback = sql.id(EVENT_PARTITION_SCHEMA, EVENT_DEFAULT_PARTITION);
    const result =
      await sql`DELETE FROM ${fallback} WHERE ctid IN (SELECT ctid FROM ${fallback} WHERE occurred_at < ${before} AND processed_at IS NOT NULL LIMIT ${limit})`.execute(
        this.db,
      );
    return Number(result.numAffectedRows ?? 0);
  }

  private async lock(tx: Executor): Promise<void> {
    await sql`SET LOCAL lock_timeout = ${LOCK_TIMEOUT}`.execute(tx);
    await sql`SELECT pg_advisory_xact_lock(${PARTITIONS_LOCK})`.execute(tx);
  }
}
