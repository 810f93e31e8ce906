import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignEntity } from './campaign.entity';
import { LaunchEntity } from './launch.entity';
import { PartnerEntity } from './partner.entity';
import { UserEntity } from './user.entity';
import { VendorEntity } from './vendor.entity';

/**
 * A partner's text of an editable block that the vendor approved (issue 27), by the SHA-256 of
 * its canonical text: a later launch of the same campaign with the same text does not wait again.
 */
@Entity('approved_text_blocks')
@Index('approved_text_blocks_key', ['partnerId', 'campaignId', 'slotName', 'textHash'], { unique: true })
@Index('approved_text_blocks_vendor_id_idx', ['vendorId'])
@Index('approved_text_blocks_campaign_id_idx', ['campaignId'])
@Index('approved_text_blocks_launch_id_idx', ['launchId'])
@Index('approved_text_blocks_approved_by_idx', ['approvedBy'])
export class ApprovedTextBlockEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'approved_text_blocks_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'approved_text_blocks_vendor_id_fkey' })
  vendor?: VendorEntity;

  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'approved_text_blocks_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('uuid') campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'approved_text_blocks_campaign_id_fkey' })
  campaign?: CampaignEntity;

  @Column('text') slotName!: string;
  /** SHA-256 (hex) of the canonical text. */
  @Column('text') textHash!: string;
  @Column('text') text!: string;
  /** The launch whose approval approved it. */
  @Column('uuid', { nullable: true }) launchId!: string | null;

  @ManyToOne(() => LaunchEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'launch_id', foreignKeyConstraintName: 'approved_text_blocks_launch_id_fkey' })
  launch?: LaunchEntity | null;

  @Column('uuid', { nullable: true }) approvedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'approved_text_blocks_approved_by_fkey' })
  approver?: UserEntity | null;

  @Column('timestamptz') approvedAt!: Date;
}
