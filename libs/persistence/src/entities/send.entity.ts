import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SendStatus } from '../schema/column-types';
import { EnrollmentEntity } from './enrollment.entity';

/**
 * The send ledger: one row per (enrollment, step), ever. The unique key is what makes a
 * step go out at most once whatever the retries, duplicate jobs or concurrent workers.
 * claimed → handed (about to talk to SMTP) → sent | bounced | uncertain; failed after too many retries.
 */
@Entity('sends')
@Index('sends_enrollment_id_step_key', ['enrollmentId', 'step'], { unique: true })
@Index('sends_launch_id_idx', ['launchId'])
@Index('sends_status_lease_idx', ['status', 'leaseUntil'])
export class SendEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'sends_pkey',
  })
  id!: string;

  @Column('bigint') enrollmentId!: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'sends_enrollment_id_fkey' })
  enrollment?: EnrollmentEntity;

  @Column('integer') step!: number;
  @Column('uuid') launchId!: string;
  @Column('uuid') partnerId!: string;
  @Column('uuid') vendorId!: string;
  @Column('bigint') prospectId!: string;
  @Column('text') status!: SendStatus;
  @Column('text', { nullable: true }) claimedBy!: string | null;
  @Column('timestamptz', { nullable: true }) leaseUntil!: Date | null;
  @Column('integer', { default: 1 }) attempts!: number;
  @Column('timestamptz') dueAt!: Date;
  @Column('timestamptz') claimedAt!: Date;
  @Column('timestamptz', { nullable: true }) handedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) sentAt!: Date | null;
  @Column('text', { nullable: true }) messageId!: string | null;
  @Column('text', { nullable: true }) smtpResponse!: string | null;
  /** The language of the email sent (the campaign's or a variant's BCP 47 tag); null before variants. */
  @Column('text', { nullable: true }) language!: string | null;
  /** The first open and click judged a person's (machine ones never set these). */
  @Column('timestamptz', { nullable: true }) openedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) clickedAt!: Date | null;
}
