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
import type { SocialDeliveryStatus, SocialNetwork, SocialPostSource } from '../schema/column-types';
import { CampaignVersionEntity } from './campaign-version.entity';
import { CampaignEntity } from './campaign.entity';
import { PartnerEntity } from './partner.entity';

/**
 * A partner's post of a campaign's social asset: what is posted (the version, the asset, the copy
 * per network as rendered for the partner) and when. Each network's publication is a row of the
 * ledger below.
 */
@Entity('social_posts')
@Index('social_posts_partner_id_due_at_idx', ['partnerId', 'dueAt'])
@Index('social_posts_pending_launch_id_key', ['pendingLaunchId'], { unique: true })
export class SocialPostEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'social_posts_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'social_posts_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('uuid') campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'social_posts_campaign_id_fkey' })
  campaign?: CampaignEntity;

  @Column('uuid') campaignVersionId!: string;

  @ManyToOne(() => CampaignVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_version_id', foreignKeyConstraintName: 'social_posts_campaign_version_id_fkey' })
  campaignVersion?: CampaignVersionEntity;

  @Column('integer') version!: number;
  /** The campaign's social asset posted. */
  @Column('text') assetId!: string;
  /** The copy per network, rendered for the partner with its links tracked. */
  @Column('jsonb') copy!: Partial<Record<SocialNetwork, string>>;
  /** When it is published (the partner's local time, converted once, at scheduling). */
  @Column('timestamptz') dueAt!: Date;
  /** The partner's time zone the local time was given in. */
  @Column('text') timeZone!: string;
  @Column('uuid', { nullable: true }) createdBy!: string | null;
  @Column('text') source!: SocialPostSource;
  /** The programme's pending launch that scheduled it (one post per pending launch). */
  @Column('uuid', { nullable: true }) pendingLaunchId!: string | null;
  @Column('uuid', { nullable: true }) launchId!: string | null;
  /** Set when the partner cancelled it before it went out. */
  @Column('timestamptz', { nullable: true }) cancelledAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/**
 * The social ledger: one row per (post, network, partner), ever. The unique key, and claiming a
 * row (→ publishing) before calling the network, are what make a post go out at most once.
 * scheduled → publishing → published | uncertain | failed | waiting (a 429, until retry-after).
 */
@Entity('social_post_deliveries')
@Index('social_post_deliveries_post_id_network_partner_id_key', ['postId', 'network', 'partnerId'], { unique: true })
@Index('social_post_deliveries_status_next_attempt_at_idx', ['status', 'nextAttemptAt'])
export class SocialPostDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'social_post_deliveries_pkey' }) id!: string;
  @Column('uuid') postId!: string;

  @ManyToOne(() => SocialPostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'social_post_deliveries_post_id_fkey' })
  post?: SocialPostEntity;

  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;
  @Column('text') network!: SocialNetwork;
  @Column('text', { default: 'scheduled' }) status!: SocialDeliveryStatus;
  /** Tries counted against MAX_PUBLISH_ATTEMPTS (a settled uncertain or stale call counts as one; a rate-limited one does not). */
  @Column('integer', { default: 0 }) attempts!: number;
  /** The time granted to rate-limit waits so far, in ms: spends no attempt, bounded by MAX_THROTTLED_MS. */
  @Column('integer', { default: 0 }) throttledMs!: number;
  /** When it is tried next (scheduled, waiting) or checked (uncertain). */
  @Column('timestamptz', { nullable: true }) nextAttemptAt!: Date | null;
  /** When the sweep last queued it (null: not queued). */
  @Column('timestamptz', { nullable: true }) queuedAt!: Date | null;
  /** The worker that claimed it and when (publishing): a stale claim is settled by the sweep. */
  @Column('text', { nullable: true }) claimedBy!: string | null;
  @Column('timestamptz', { nullable: true }) claimedAt!: Date | null;
  @Column('text', { nullable: true }) remoteId!: string | null;
  /**
   * The engine's own reference to the post the current try creates, recorded before the creating
   * call (LinkedIn's image URN, X's media key, Facebook's unpublished photo id): a lost answer is
   * settled by it. Null: the creating call was not made in this try.
   */
  @Column('text', { nullable: true }) remoteRef!: string | null;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text', { nullable: true }) lastError!: string | null;
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
  /**
   * The partner's social connection chosen for this post on this network; null: the most recently
   * connected working one. No foreign key: a chosen connection removed makes the post fail.
   */
  @Column('uuid', { nullable: true }) connectionId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
