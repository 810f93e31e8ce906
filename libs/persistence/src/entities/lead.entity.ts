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
import type { LeadStatus } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';

/** A prospect who submitted a partner's landing-page form: the partner's to follow up. */
@Entity('leads')
@Index('leads_partner_id_created_at_idx', ['partnerId', 'createdAt'])
@Index('leads_vendor_id_created_at_idx', ['vendorId', 'createdAt'])
/** A judged event's prospect to its leads (their CRM records get its milestones). */
@Index('leads_prospect_id_idx', ['prospectId'])
export class LeadEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'leads_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'leads_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('bigint') prospectId!: string;
  @Column('uuid') campaignId!: string;
  @Column('integer') campaignVersion!: number;
  /** The send whose tracked link brought the visitor, when one did. */
  @Column('bigint', { nullable: true }) sendId!: string | null;
  @Column('text', { default: 'new' }) status!: LeadStatus;
  /** Why a lead was rejected (required then). */
  @Column('text', { nullable: true }) statusReason!: string | null;
  /** The form's values as submitted (after validation), by field name. */
  @Column('jsonb', { default: () => "'{}'" }) fields!: Record<string, string>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
