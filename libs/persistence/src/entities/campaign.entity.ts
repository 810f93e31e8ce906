import type { CampaignContent } from '@tcma/campaign-model';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { VendorEntity } from './vendor.entity';

export const CAMPAIGN_STATUSES = ['draft', 'published', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * A campaign and its working draft. Published content lives in campaign_versions and is
 * never modified; `draft` is null while the campaign has no unpublished edits.
 */
@Entity('campaigns')
@Index('campaigns_vendor_id_idx', ['vendorId'])
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'campaigns_pkey' })
  id!: string;

  @Column('uuid')
  vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'campaigns_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** Name of the draft if there is one, else of the latest version; kept here for listing. */
  @Column('text')
  name!: string;

  @Column('text', { default: 'draft' })
  status!: CampaignStatus;

  @Column('jsonb', { nullable: true })
  draft!: CampaignContent | null;

  /** Bumped on every draft change; clients send it back in If-Match to avoid lost updates. */
  @Column('integer', { default: 0 })
  draftRevision!: number;

  @Column('integer', { nullable: true })
  latestVersion!: number | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  archivedAt!: Date | null;
}
