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
import type { CrmConnectionStatus, CrmProvider } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';
import { VendorEntity } from './vendor.entity';

/**
 * A partner's (or, with no partner, the vendor's own) CRM: where its leads are written and whose
 * won deals come back as revenue (issue 26). One per owner and provider (a unique index with
 * NULLS NOT DISTINCT, made by the migration). Tokens are sealed like SMTP passwords.
 */
@Entity('crm_connections')
@Index('crm_connections_account_idx', ['provider', 'accountId'])
@Index('crm_connections_owner_key', { synchronize: false })
export class CrmConnectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'crm_connections_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'crm_connections_vendor_id_fkey' })
  vendor?: VendorEntity;
  /** Null: the vendor's own CRM. */
  @Column('uuid', { nullable: true }) partnerId!: string | null;
  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'crm_connections_partner_id_fkey' })
  partner?: PartnerEntity;
  @Column('text') provider!: CrmProvider;
  /** The CRM account: HubSpot's hub id, Salesforce's organisation id. Webhooks name it. */
  @Column('text') accountId!: string;
  /** What the owner recognises it by: HubSpot's hub domain, Salesforce's user name. */
  @Column('text') accountName!: string;
  /** Salesforce's instance URL (its API host for this organisation); null for HubSpot. */
  @Column('text', { nullable: true }) instanceUrl!: string | null;
  @Column('text', { nullable: true }) accessTokenSealed!: string | null;
  @Column('text', { nullable: true }) refreshTokenSealed!: string | null;
  @Column('timestamptz', { nullable: true }) expiresAt!: Date | null;
  /** While set and ahead, one sweeper is refreshing the token. */
  @Column('timestamptz', { nullable: true }) refreshingUntil!: Date | null;
  @Column('text', { default: 'active' }) status!: CrmConnectionStatus;
  /** Why it broke, in words for its owner. */
  @Column('text', { nullable: true }) trouble!: string | null;
  /** When its owner was told of the trouble (once per trouble). */
  @Column('timestamptz', { nullable: true }) notifiedAt!: Date | null;
  /** Lead fields → CRM fields; empty: the defaults (crm-fields.ts). */
  @Column('jsonb', { default: {} }) fieldMapping!: Record<string, string>;
  @Column('uuid', { nullable: true }) connectedBy!: string | null;
  /**
   * CRMs polled for won deals (Salesforce): the last modification time read so far (the next poll
   * reads what changed after it); null until the first poll, which starts from the connection's creation.
   */
  @Column('timestamptz', { nullable: true }) revenueMark!: Date | null;
  /**
   * The id of the last deal read at `revenueMark`: deals modified in the same second are read on
   * past it in id order (a bulk update gives hundreds one timestamp; a page may end among them).
   */
  @Column('text', { nullable: true }) revenueMarkId!: string | null;
  /** When the won deals were last polled (at most every CRM_REVENUE_POLL_MINUTES). */
  @Column('timestamptz', { nullable: true }) revenuePolledAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
