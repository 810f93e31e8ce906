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
import type { AudienceSpec, SocialNetwork, SubscriptionStatus } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';
import { ProgrammeEntity } from './programme.entity';

/** A partner's standing order on a programme: the defaults each of its pending launches starts with. */
@Entity('programme_subscriptions')
@Index('programme_subscriptions_programme_id_partner_id_key', ['programmeId', 'partnerId'], { unique: true })
@Index('programme_subscriptions_partner_id_idx', ['partnerId'])
export class ProgrammeSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'programme_subscriptions_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'programme_subscriptions_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('uuid') programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'programme_subscriptions_programme_id_fkey' })
  programme?: ProgrammeEntity;

  @Column('jsonb') audience!: AudienceSpec;
  @Column('jsonb', { default: () => "'{}'" }) slotValues!: Record<string, string>;
  /** Networks each started launch posts the campaign's social asset to. */
  @Column('text', { array: true, default: () => "'{}'" }) socialNetworks!: SocialNetwork[];
  /** The social connection each network's posts go out as (absent: the most recently connected). */
  @Column('jsonb', { default: () => "'{}'" }) socialAccounts!: Partial<Record<SocialNetwork, string>>;
  /** Local time of day (HH:MM, the partner's zone) a started launch's social post goes out. */
  @Column('text', { default: '10:00' }) socialPostTime!: string;
  /** Posts wait for Monday–Friday: a public post on a Sunday goes unread. */
  @Column('boolean', { default: true }) socialPostWeekdaysOnly!: boolean;
  /** Hours a pending launch waits for the partner's review; 0 launches at once. */
  @Column('integer', { default: 72 }) reviewHours!: number;
  /** At most this many launches in any 7 days; null for no cap. */
  @Column('integer', { nullable: true }) weeklyCap!: number | null;
  @Column('text', { default: 'active' }) status!: SubscriptionStatus;
  /** The partner user who subscribed: automatic launches are made in their name. */
  @Column('uuid', { nullable: true }) createdBy!: string | null;
  /** When the partner last subscribed (again): only versions published after it are offered. */
  @Column('timestamptz', { default: () => 'now()' }) subscribedAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
