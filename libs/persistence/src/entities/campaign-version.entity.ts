import type { CampaignContent } from '@tcma/campaign-model';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignEntity } from './campaign.entity';

/** An immutable, numbered snapshot of a campaign; launches pin one. */
@Entity('campaign_versions')
@Index('campaign_versions_campaign_id_version_key', ['campaignId', 'version'], { unique: true })
export class CampaignVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'campaign_versions_pkey' })
  id!: string;

  @Column('uuid')
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'campaign_versions_campaign_id_fkey' })
  campaign?: CampaignEntity;

  @Column('integer')
  version!: number;

  @Column('jsonb')
  content!: CampaignContent;

  /** Copied out of content so partner listings can filter in SQL. */
  @Column('text', { array: true, default: () => "'{}'" })
  tiers!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  regions!: string[];

  @Column('uuid', { nullable: true })
  publishedBy!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  publishedAt!: Date;
}
