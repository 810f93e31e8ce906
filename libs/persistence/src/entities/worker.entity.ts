import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A running worker process and its last heartbeat. Liveness is judged here, in Postgres,
 * rather than in Redis: a flushed Redis must not make live workers look dead, and the sweep
 * releases a dead worker's claims by these rows.
 */
@Entity('workers')
@Index('workers_beat_at_idx', ['beatAt'])
export class WorkerEntity {
  /** The claimant id it writes in the send ledger (host:pid:random). */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'workers_pkey' }) id!: string;
  @Column('text') hostname!: string;
  @Column('integer') pid!: number;
  @Column('text', { array: true }) roles!: string[];
  @Column('timestamptz', { default: () => 'now()' }) startedAt!: Date;
  @Column('timestamptz', { default: () => 'now()' }) beatAt!: Date;
}
