import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CrmRecordStatus } from '../schema/column-types';
import { CrmConnectionEntity } from './crm-connection.entity';
import { LeadEntity } from './lead.entity';

/**
 * The ledger of leads handed to CRMs: one row per (lead, connection), made in the transaction
 * that captured the lead and claimed before the CRM is called, so a lead is written once (issue 26).
 */
@Entity('crm_records')
@Index('crm_records_connection_id_lead_id_key', ['connectionId', 'leadId'], { unique: true })
@Index('crm_records_contact_idx', ['connectionId', 'crmContactId'])
@Index('crm_records_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('crm_records_partner_idx', ['vendorId', 'partnerId', 'createdAt'])
/** A lead to its records: a milestone goes to each (and a deleted lead's cascade finds them). */
@Index('crm_records_lead_id_idx', ['leadId'])
export class CrmRecordEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'crm_records_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  /** The partner whose lead it is (also when written to the vendor's CRM). */
  @Column('uuid') partnerId!: string;
  @Column('uuid') connectionId!: string;
  @ManyToOne(() => CrmConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'crm_records_connection_id_fkey' })
  connection?: CrmConnectionEntity;
  @Column('uuid') leadId!: string;
  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'crm_records_lead_id_fkey' })
  lead?: LeadEntity;
  @Column('uuid') campaignId!: string;
  /** The launch whose email brought the visitor, if one did. */
  @Column('uuid', { nullable: true }) launchId!: string | null;
  @Column('text', { default: 'pending' }) status!: CrmRecordStatus;
  /** A call that writes may have happened without its answer: the next try searches the CRM first. */
  @Column('boolean', { default: false }) uncertain!: boolean;
  @Column('text', { nullable: true }) crmContactId!: string | null;
  /** The timeline activity (HubSpot note, Salesforce task) naming the campaign and partner. */
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
