import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CampaignEntity } from './campaign.entity';
import { VendorEntity } from './vendor.entity';

/** A vendor's group of campaigns partners subscribe to once: by explicit membership and/or by tag. */
@Entity('programmes')
@Index('programmes_vendor_id_name_key', ['vendorId', 'name'], { unique: true })
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'programmes_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'programmes_vendor_id_fkey' })
  vendor?: VendorEntity;

  @Column('text') name!: string;
  @Column('text', { default: '' }) description!: string;
  /** Every campaign whose published version carries this tag belongs to the programme too. */
  @Column('text', { nullable: true }) tag!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A campaign a vendor put in a programme by name. */
@Entity('programme_campaigns')
@Index('programme_campaigns_campaign_id_idx', ['campaignId'])
export class ProgrammeCampaignEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'programme_campaigns_pkey' }) programmeId!: string;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'programme_campaigns_pkey' }) campaignId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'programme_campaigns_programme_id_fkey' })
  programme?: ProgrammeEntity;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'programme_campaigns_campaign_id_fkey' })
  campaign?: CampaignEntity;
}
