import type { CampaignContent } from '@tcma/campaign-model';
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
import type { CampaignStatus } from '../schema/column-types';
import { VendorEntity } from './vendor.entity';

/**
 * A campaign and its working draft. Published content lives in campaign_versions and is
 * never modified; `draft` is null while the campaign has no unpublished edits.
 */
@Entity('campaigns')
@Index('campaigns_vendor_id_idx', ['vendorId'])
@Index('campaigns_vendor_id_slug_key', ['vendorId', 'slug'], { unique: true })
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

  /** The campaign's part of its landing pages' addresses (/p/…/:slug): made from the name by the database at insert, never changed. */
  @Column('text', { default: '' })
  slug!: string;

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

  /** Catalogue metadata, not versioned content: shown first and marked in the partners' catalogue. */
  @Column('boolean', { default: false })
  promoted!: boolean;

  /** Partners see and may launch the campaign from this instant (null: no start). */
  @Column('timestamptz', { nullable: true })
  availableFrom!: Date | null;

  /** …until this instant (null: no end). Always after availableFrom when both are set. */
  @Column('timestamptz', { nullable: true })
  availableUntil!: Date | null;
}
