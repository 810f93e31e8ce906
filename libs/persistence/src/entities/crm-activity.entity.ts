import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CrmActivityKind, CrmRecordStatus } from '../schema/column-types';
import { CrmConnectionEntity } from './crm-connection.entity';
import { CrmRecordEntity } from './crm-record.entity';

/**
 * The ledger of engagement milestones written to CRMs as timeline activities on a record's
 * contact: one row per (connection, event, kind), made in the transaction that judges the event
 * and claimed before the CRM is called, as `crm_records` are, so a milestone is written once.
 * The event is not a foreign key: events are partitioned and pruned by month.
 */
@Entity('crm_activities')
@Index('crm_activities_connection_id_event_id_kind_key', ['connectionId', 'eventId', 'kind'], { unique: true })
@Index('crm_activities_record_id_idx', ['recordId'])
@Index('crm_activities_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('crm_activities_partner_idx', ['vendorId', 'partnerId', 'createdAt'])
@Check('crm_activities_kind_check', `"kind" IN ('clicked', 'page_visited', 'converted')`)
export class CrmActivityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'crm_activities_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  /** The partner whose prospect it was (also when written to the vendor's CRM). */
  @Column('uuid') partnerId!: string;
  @Column('uuid') connectionId!: string;
  @ManyToOne(() => CrmConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'crm_activities_connection_id_fkey' })
  connection?: CrmConnectionEntity;
  /** The lead's record whose contact the activity goes on (written first: the activity waits for it). */
  @Column('uuid') recordId!: string;
  @ManyToOne(() => CrmRecordEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'record_id', foreignKeyConstraintName: 'crm_activities_record_id_fkey' })
  record?: CrmRecordEntity;
  @Column('bigint') eventId!: string;
  @Column('text') kind!: CrmActivityKind;
  @Column('uuid') campaignId!: string;
  @Column('uuid') launchId!: string;
  /** The email step (from 0) of the send clicked; null for a conversion. */
  @Column('int', { nullable: true }) step!: number | null;
  @Column('text', { nullable: true }) linkName!: string | null;
  @Column('timestamptz') occurredAt!: Date;
  @Column('text', { default: 'pending' }) status!: CrmRecordStatus;
  /** A write may have happened without its answer: the next try searches the CRM first. */
  @Column('boolean', { default: false }) uncertain!: boolean;
  @Column('text', { nullable: true }) crmActivityId!: string | null;
  @Column('int', { default: 0 }) attempts!: number;
  @Column('timestamptz') nextAttemptAt!: Date;
  /** When a job was last queued for it (the sweep queues again what waited too long). */
  @Column('timestamptz', { nullable: true }) queuedAt!: Date | null;
  @Column('text', { nullable: true }) claimedBy!: string | null;
  @Column('timestamptz', { nullable: true }) claimedAt!: Date | null;
  @Column('text', { nullable: true }) lastError!: string | null;
  @Column('timestamptz', { nullable: true }) writtenAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
