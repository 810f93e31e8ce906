import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignEntity } from './campaign.entity';
import { LaunchEntity } from './launch.entity';
import { PartnerEntity } from './partner.entity';
import { UserEntity } from './user.entity';
import { VendorEntity } from './vendor.entity';

/**
 * A reminder a vendor user sent from the vendor home to an idle partner's users (issue 25): the
 * campaign it offered to launch from the email, and how many users it went to. The latest one
 * says when the partner was last reminded, and keeps a partner from being reminded twice a week.
 */
@Entity('partner_reminders')
@Index('partner_reminders_partner_id_created_at_idx', ['partnerId', 'createdAt'])
@Index('partner_reminders_vendor_id_idx', ['vendorId'])
@Index('partner_reminders_campaign_id_idx', ['campaignId'])
@Index('partner_reminders_sent_by_idx', ['sentBy'])
@Index('partner_reminders_launch_id_key', ['launchId'], { unique: true })
export class PartnerReminderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'partner_reminders_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'partner_reminders_vendor_id_fkey' })
  vendor?: VendorEntity;

  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'partner_reminders_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('uuid') campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'partner_reminders_campaign_id_fkey' })
  campaign?: CampaignEntity;

  /** Who sent it; null once that user is deleted. */
  @Column('uuid', { nullable: true }) sentBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'sent_by', foreignKeyConstraintName: 'partner_reminders_sent_by_fkey' })
  sender?: UserEntity | null;

  /** The launch started from the email: the first of the users mailed to act wins; the others find it started. */
  @Column('uuid', { nullable: true }) launchId!: string | null;

  @ManyToOne(() => LaunchEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'launch_id', foreignKeyConstraintName: 'partner_reminders_launch_id_fkey' })
  launch?: LaunchEntity | null;

  /** The partner's users it was mailed to. */
  @Column('integer') recipients!: number;
  /** By the injected clock: the week a reminder counts in. */
  @Column('timestamptz', { default: () => 'now()' }) createdAt!: Date;
}
