import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SuppressionReason } from '../schema/column-types';

/**
 * An address that must not be emailed: for the whole vendor (partner and campaign null),
 * for one partner, or for one campaign. Checked immediately before every send.
 */
@Entity('suppressions')
// Unique per scope, with nulls treated as equal: created by migration.
@Index('suppressions_scope_key', { synchronize: false })
@Index('suppressions_vendor_id_email_lower_idx', ['vendorId', 'emailLower'])
export class SuppressionEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'suppressions_pkey',
  })
  id!: string;

  @Column('uuid') vendorId!: string;
  @Column('uuid', { nullable: true }) partnerId!: string | null;
  @Column('uuid', { nullable: true }) campaignId!: string | null;
  @Column('text') emailLower!: string;
  @Column('text') reason!: SuppressionReason;
  /** The send it came from (an unsubscribe link, a bounce), when there is one. */
  @Column('bigint', { nullable: true }) sendId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
