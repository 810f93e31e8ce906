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
import type { AudienceSpec, MissingItem, PendingLaunchState } from '../schema/column-types';
import { CampaignVersionEntity } from './campaign-version.entity';
import { CampaignEntity } from './campaign.entity';
import { PartnerEntity } from './partner.entity';
import { ProgrammeSubscriptionEntity } from './programme-subscription.entity';

/**
 * One campaign version offered to one subscriber. The unique (subscription, version) key is the
 * invariant: however often a publish is handled, a subscriber gets one pending launch per version.
 */
@Entity('pending_launches')
@Index('pending_launches_subscription_id_campaign_version_id_key', ['subscriptionId', 'campaignVersionId'], {
  unique: true,
})
@Index('pending_launches_partner_id_idx', ['partnerId'])
@Index('pending_launches_state_due_at_idx', ['state', 'dueAt'])
// The programme sweep's look for starts an older engine left without a launch (partial), created by migration; see there.
@Index('pending_launches_started_without_launch_idx', { synchronize: false })
export class PendingLaunchEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pending_launches_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'pending_launches_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('uuid') subscriptionId!: string;

  @ManyToOne(() => ProgrammeSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'pending_launches_subscription_id_fkey' })
  subscription?: ProgrammeSubscriptionEntity;

  @Column('uuid') campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'pending_launches_campaign_id_fkey' })
  campaign?: CampaignEntity;

  @Column('uuid') campaignVersionId!: string;

  @ManyToOne(() => CampaignVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_version_id', foreignKeyConstraintName: 'pending_launches_campaign_version_id_fkey' })
  campaignVersion?: CampaignVersionEntity;

  @Column('integer') version!: number;
  /** The subscription's defaults when offered, editable until it starts. */
  @Column('jsonb') audience!: AudienceSpec;
  @Column('jsonb', { default: () => "'{}'" }) slotValues!: Record<string, string>;
  /** When it starts by itself (the end of the review period), or is checked again while waiting for readiness. */
  @Column('timestamptz') dueAt!: Date;
  @Column('text', { default: 'pending' }) state!: PendingLaunchState;
  /** What the partner must fix before it can start (waiting_readiness). */
  @Column('jsonb', { default: () => "'[]'" }) missing!: MissingItem[];
  /** Why it was skipped or cancelled: `partner`, `weekly_cap`, `unsubscribed`. */
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('uuid', { nullable: true }) launchId!: string | null;
  /** When the partner's users were told about it. */
  @Column('timestamptz', { nullable: true }) notifiedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** Who did what to a pending launch, when, and how (an email's button, the portal, the review period ending). */
@Entity('pending_launch_actions')
@Index('pending_launch_actions_pending_launch_id_idx', ['pendingLaunchId'])
export class PendingLaunchActionEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'pending_launch_actions_pkey',
  })
  id!: string;
  @Column('uuid') pendingLaunchId!: string;

  @ManyToOne(() => PendingLaunchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pending_launch_id', foreignKeyConstraintName: 'pending_launch_actions_pending_launch_id_fkey' })
  pendingLaunch?: PendingLaunchEntity;

  /** `launch`, `skip`, `edit`, `auto_start`, `cancel`. */
  @Column('text') action!: string;
  /** `email`, `portal`, `system`. */
  @Column('text') via!: string;
  /** Null for the system (an automatic start). */
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('timestamptz') at!: Date;
}
