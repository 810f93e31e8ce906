import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewEventKind } from '../schema/column-types';
import { CampaignReviewEntity } from './campaign-review.entity';
import { UserEntity } from './user.entity';
import { VendorEntity } from './vendor.entity';

/** One step of a review's audit trail: who did what, when, to which draft revision; a comment may name an asset. */
@Entity('campaign_review_events')
@Index('campaign_review_events_review_id_at_idx', ['reviewId', 'at'])
@Index('campaign_review_events_vendor_id_idx', ['vendorId'])
@Index('campaign_review_events_actor_id_idx', ['actorId'])
export class CampaignReviewEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'campaign_review_events_pkey' }) id!: string;
  @Column('uuid') reviewId!: string;

  @ManyToOne(() => CampaignReviewEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id', foreignKeyConstraintName: 'campaign_review_events_review_id_fkey' })
  review?: CampaignReviewEntity;

  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'campaign_review_events_vendor_id_fkey' })
  vendor?: VendorEntity;

  @Column('text') kind!: ReviewEventKind;
  /** Null once that user is deleted. */
  @Column('uuid', { nullable: true }) actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'campaign_review_events_actor_id_fkey' })
  actor?: UserEntity | null;

  @Column('integer') draftRevision!: number;
  /** The asset a comment is about (its id in the draft); null for the whole campaign. */
  @Column('text', { nullable: true }) assetId!: string | null;
  @Column('text', { nullable: true }) body!: string | null;
  /** By the injected clock. */
  @Column('timestamptz') at!: Date;
}
