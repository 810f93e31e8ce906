import { Injectable } from '@nestjs/common';
import { Database } from '@tcma/persistence';
import { sql } from 'kysely';

/** The workers table: one row per running worker process, its heartbeat written by Postgres' own clock. */
@Injectable()
export class WorkersRepository {
  constructor(private readonly db: Database) {}

  async beatForSystem(worker: { id: string; hostname: string; pid: number; roles: string[] }): Promise<void> {
    await this.db
      .insertInto('workers')
      .values({ ...worker, beatAt: sql`now()` })
      .onConflict((oc) => oc.column('id').doUpdateSet({ beatAt: sql`now()`, roles: worker.roles }))
      .execute();
  }

  async removeForSystem(id: string): Promise<void> {
    await this.db.deleteFrom('workers').where('id', '=', id).execute();
  }

  /** Workers whose last heartbeat is at most `aliveWithinMs` old. */
  async countAliveForSystem(aliveWithinMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('workers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('beatAt', '>', sql<Date>`now() - make_interval(secs => ${aliveWithinMs / 1000})`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Forgets workers silent for longer than `silentForMs` (their work was recovered long ago). */
  async pruneForSystem(silentForMs: number): Promise<void> {
    await this.db
      .deleteFrom('workers')
      .where('beatAt', '<', sql<Date>`now() - make_interval(secs => ${silentForMs / 1000})`)
      .execute();
  }

  /** Whether Postgres answers at all (readiness). */
  async pingForSystem(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }
}
