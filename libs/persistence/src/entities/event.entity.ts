import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { EventType } from '../schema/column-types';

/**
 * What happened to a send or a prospect, append-only. Opens and clicks are written raw by the
 * public endpoints (one insert) and judged later, in bulk, by the engagement processor:
 * `machine` says why one was not a person, `counted` whether it counts in the funnel (the
 * first human open or click of a send; every other type counts once).
 *
 * Partitioned by UTC month on occurredAt (migration EventsPartitionedByMonth; the sweep keeps
 * partitions ahead and drops those past EVENTS_RETENTION_MONTHS): the primary key holds the
 * partition key, and ids come from one sequence, so an id alone still names one event.
 */
@Entity('events')
// Partial indexes, created by migration: events still to judge, opens and clicks by send, conversions.
@Index('events_unprocessed_idx', { synchronize: false })
@Index('events_engagement_idx', { synchronize: false })
@Index('events_conversions_idx', { synchronize: false })
export class EventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'events_pkey' })
  id!: string;

  @Column('text') type!: EventType;
  @PrimaryColumn('timestamptz', { primaryKeyConstraintName: 'events_pkey' }) occurredAt!: Date;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;
  /** Null for a form submission that no send led to. */
  @Column('uuid', { nullable: true }) launchId!: string | null;
  @Column('bigint') prospectId!: string;
  @Column('bigint', { nullable: true }) sendId!: string | null;
  @Column('integer', { nullable: true }) step!: number | null;
  @Column('integer', { nullable: true }) linkIndex!: number | null;
  @Column('text', { nullable: true }) linkName!: string | null;
  @Column('text', { nullable: true }) userAgent!: string | null;
  @Column('text', { nullable: true }) method!: string | null;
  /** Why this open or click was judged a machine's (null: a person's, or not judged). */
  @Column('text', { nullable: true }) machine!: string | null;
  @Column('boolean', { default: false }) counted!: boolean;
  @Column('timestamptz', { nullable: true }) processedAt!: Date | null;
}
