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
import type { AudienceSpec, LaunchStatus } from '../schema/column-types';
import { CampaignVersionEntity } from './campaign-version.entity';
import { CampaignEntity } from './campaign.entity';
import { PartnerEntity } from './partner.entity';
import { UserEntity } from './user.entity';

/** A partner running one published campaign version for an audience from a start time. */
@Entity('launches')
@Index('launches_partner_id_idx', ['partnerId'])
@Index('launches_campaign_id_idx', ['campaignId'])
@Index('launches_pending_launch_id_key', ['pendingLaunchId'], { unique: true })
@Index('launches_vendor_id_awaiting_idx', ['vendorId'], { where: `"status" = 'awaiting_approval'` })
@Index('launches_approval_decided_by_idx', ['approvalDecidedBy'])
export class LaunchEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'launches_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'launches_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('uuid') campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'launches_campaign_id_fkey' })
  campaign?: CampaignEntity;

  /** The pinned version: the sequence runs this content even after newer versions are published. */
  @Column('uuid') campaignVersionId!: string;

  @ManyToOne(() => CampaignVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_version_id', foreignKeyConstraintName: 'launches_campaign_version_id_fkey' })
  campaignVersion?: CampaignVersionEntity;

  @Column('integer') version!: number;
  @Column('jsonb') audience!: AudienceSpec;
  /** Values for slots the brand kit does not fill. */
  @Column('jsonb', { default: () => "'{}'" }) slotValues!: Record<string, string>;
  @Column('timestamptz') startAt!: Date;
  /** The partner's zone at launch, for prospects without one. */
  @Column('text') timezone!: string;
  @Column('text', { default: 'enrolling' }) status!: LaunchStatus;
  @Column('integer', { default: 0 }) enrolled!: number;
  @Column('integer', { default: 0 }) skippedSuppressed!: number;
  @Column('uuid', { nullable: true }) createdBy!: string | null;
  /** The programme's pending launch this launch started, if any: unique, so one never starts twice. */
  @Column('uuid', { nullable: true }) pendingLaunchId!: string | null;
  /** The editable blocks (slot names) whose new text waits for the vendor's approval; null when none did. */
  @Column('jsonb', { nullable: true }) approvalSlots!: string[] | null;
  /** What the approver said when returning the launch. */
  @Column('text', { nullable: true }) approvalComment!: string | null;
  @Column('uuid', { nullable: true }) approvalDecidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'approval_decided_by', foreignKeyConstraintName: 'launches_approval_decided_by_fkey' })
  approvalDecider?: UserEntity | null;

  @Column('timestamptz', { nullable: true }) approvalDecidedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
