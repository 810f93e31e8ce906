import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { SocialConnectionStatus, SocialNetwork } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';

/** A partner's account on a social network (a LinkedIn member, an X user, a Facebook page), its tokens sealed like SMTP passwords. */
@Entity('social_connections')
@Index('social_connections_partner_id_network_account_id_key', ['partnerId', 'network', 'accountId'], { unique: true })
@Index('social_connections_vendor_id_idx', ['vendorId'])
export class SocialConnectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'social_connections_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'social_connections_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('text') network!: SocialNetwork;
  /** The network's id of the account posts go out as. */
  @Column('text') accountId!: string;
  @Column('text') accountName!: string;
  /** Null once disconnected (revoked): the tokens are wiped. */
  @Column('text', { nullable: true }) accessTokenSealed!: string | null;
  @Column('text', { nullable: true }) refreshTokenSealed!: string | null;
  /** When the access token stops working; null: it does not expire. */
  @Column('timestamptz', { nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { nullable: true }) refreshExpiresAt!: Date | null;
  @Column('text', { default: 'active' }) status!: SocialConnectionStatus;
  /** Why it is broken or expiring (the network's answer). */
  @Column('text', { nullable: true }) lastError!: string | null;
  /** When the partner's users were told it is expiring or broken (once per trouble; cleared when it works again). */
  @Column('timestamptz', { nullable: true }) notifiedAt!: Date | null;
  /** When the tokens were obtained (connected or refreshed): a token is refreshed once half its life or SOCIAL_REFRESH_AHEAD_HOURS remains, whichever is less. */
  @Column('timestamptz', { nullable: true }) refreshedAt!: Date | null;
  /** A sweeper refreshing the tokens holds this claim until then (one refresh at a time). */
  @Column('timestamptz', { nullable: true }) refreshClaimedUntil!: Date | null;
  /** When the partner disconnected it (status revoked); cleared when connected again. */
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
  /** The user who connected it. */
  @Column('uuid', { nullable: true }) connectedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** One authorization under way: the state the network sends back (its SHA-256), the PKCE verifier sealed; single use, short-lived. */
@Entity('social_authorizations')
@Index('social_authorizations_expires_at_idx', ['expiresAt'])
export class SocialAuthorizationEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'social_authorizations_pkey' }) stateHash!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'social_authorizations_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('text') network!: SocialNetwork;
  @Column('text') codeVerifierSealed!: string;
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('timestamptz') expiresAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
