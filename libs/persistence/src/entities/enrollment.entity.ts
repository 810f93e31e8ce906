import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { EnrollmentStatus } from '../schema/column-types';
import { ProspectEntity } from './prospect.entity';

/**
 * One prospect going through one launch's sequence. Postgres is the truth about its next
 * step and when that is due; Redis only holds jobs for steps due soon.
 */
@Entity('enrollments')
@Index('enrollments_launch_id_prospect_id_key', ['launchId', 'prospectId'], { unique: true })
@Index('enrollments_prospect_id_idx', ['prospectId'])
// The sweep's index (partial: only active enrollments) is created by migration; see there.
@Index('enrollments_due_idx', { synchronize: false })
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'enrollments_pkey',
  })
  id!: string;

  // The launch, deliberately without a foreign key: checking it costs a lookup per row of a
  // bulk enrollment (a third of its time), and launches are never deleted on their own. A
  // deleted partner takes its prospects, and with them (through prospect_id) their enrollments.
  @Column('uuid') launchId!: string;

  @Column('bigint') prospectId!: string;

  @ManyToOne(() => ProspectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prospect_id', foreignKeyConstraintName: 'enrollments_prospect_id_fkey' })
  prospect?: ProspectEntity;

  @Column('uuid') partnerId!: string;
  @Column('uuid') vendorId!: string;
  @Column('text', { default: 'active' }) status!: EnrollmentStatus;
  /** 0-based index of the next step to send. */
  @Column('integer', { default: 0 }) nextStep!: number;
  @Column('timestamptz', { nullable: true }) nextDueAt!: Date | null;
  /** When the sweep last put the next step in the queue; null when it is not queued. */
  @Column('timestamptz', { nullable: true }) queuedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) lastSentAt!: Date | null;
  @Column('text', { nullable: true }) exitReason!: string | null;
  /** When a conversion was recorded for this launch and prospect: a prospect converts once per launch, whatever the events kept. */
  @Column('timestamptz', { nullable: true }) convertedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
