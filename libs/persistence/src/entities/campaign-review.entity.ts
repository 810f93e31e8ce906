import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewStatus } from '../schema/column-types';
import { CampaignEntity } from './campaign.entity';
import { UserEntity } from './user.entity';
import { VendorEntity } from './vendor.entity';

/**
 * A request to publish one revision of a campaign's draft, where the vendor requires approval
 * (issue 27): approving publishes exactly that revision; an edit after the request voids it. At
 * most one is pending per campaign. Its steps are in campaign_review_events.
 */
@Entity('campaign_reviews')
@Index('campaign_reviews_vendor_id_status_idx', ['vendorId', 'status'])
@Index('campaign_reviews_campaign_id_requested_at_idx', ['campaignId', 'requestedAt'])
@Index('campaign_reviews_one_pending_key', ['campaignId'], { unique: true, where: `"status" = 'pending'` })
@Index('campaign_reviews_requested_by_idx', ['requestedBy'])
@Index('campaign_reviews_decided_by_idx', ['decidedBy'])
export class CampaignReviewEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'campaign_reviews_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'campaign_reviews_vendor_id_fkey' })
  vendor?: VendorEntity;

  @Column('uuid') campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'campaign_reviews_campaign_id_fkey' })
  campaign?: CampaignEntity;

  /** The draft revision under review: the only one approving it may publish. */
  @Column('integer') draftRevision!: number;
  @Column('text', { default: 'pending' }) status!: ReviewStatus;
  /** The marketer's choice for each incomplete language (fallback or hold), applied when it is published. */
  @Column('jsonb', { nullable: true }) languageChoices!: Record<string, string> | null;

  /** Null once that user is deleted; the trail keeps the step. */
  @Column('uuid', { nullable: true }) requestedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'campaign_reviews_requested_by_fkey' })
  requester?: UserEntity | null;

  @Column('timestamptz') requestedAt!: Date;
  @Column('uuid', { nullable: true }) decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'campaign_reviews_decided_by_fkey' })
  decider?: UserEntity | null;

  @Column('timestamptz', { nullable: true }) decidedAt!: Date | null;
  /** The version approving it published. */
  @Column('integer', { nullable: true }) publishedVersion!: number | null;
}
