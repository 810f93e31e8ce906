import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CrmConnectionEntity } from './crm-connection.entity';

/**
 * A won deal read back from a CRM, tied to the lead (and so the campaign, partner and launch)
 * whose contact it was sold to: the revenue a campaign influenced (issue 26). Once per deal.
 */
@Entity('crm_revenue')
@Index('crm_revenue_connection_id_deal_id_key', ['connectionId', 'dealId'], { unique: true })
@Index('crm_revenue_vendor_idx', ['vendorId', 'wonAt'])
export class CrmRevenueEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'crm_revenue_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;
  @Column('uuid') connectionId!: string;
  @ManyToOne(() => CrmConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'crm_revenue_connection_id_fkey' })
  connection?: CrmConnectionEntity;
  @Column('text') dealId!: string;
  @Column('uuid') leadId!: string;
  @Column('uuid') campaignId!: string;
  @Column('uuid', { nullable: true }) launchId!: string | null;
  /** In the deal's currency, as the CRM states it. */
  @Column('numeric', { precision: 18, scale: 2 }) amount!: string;
  /** ISO 4217. */
  @Column('text') currency!: string;
  @Column('timestamptz') wonAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
