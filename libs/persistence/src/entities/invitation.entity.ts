import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale, Role } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';
import { UserEntity } from './user.entity';
import { VendorEntity } from './vendor.entity';

/** An emailed invitation to join a vendor (or one of its partners) as a user; accepted at most once. */
@Entity('invitations')
@Index('invitations_token_hash_key', ['tokenHash'], { unique: true })
@Index('invitations_vendor_id_created_at_idx', ['vendorId', 'createdAt'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'invitations_pkey' })
  id!: string;

  @Column('uuid')
  vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'invitations_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** Set for invitations of partner users: the partner they join. */
  @Column('uuid', { nullable: true })
  partnerId!: string | null;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'invitations_partner_id_fkey' })
  partner?: PartnerEntity | null;

  /** Lower-cased, as users.email. */
  @Column('text')
  email!: string;

  @Column('text')
  role!: Role;

  /** The invitee's language, as the inviter chose it: the email's, and the new user's once accepted; null: none chosen. */
  @Column('text', { nullable: true })
  locale!: Locale | null;

  /** SHA-256 of the link's token; the token itself is only in the email. */
  @Column('bytea')
  tokenHash!: Buffer;

  @Column('uuid', { nullable: true })
  invitedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'invitations_invited_by_fkey' })
  inviter?: UserEntity | null;

  @Column('timestamptz')
  expiresAt!: Date;

  /** Set once, when the link is used: the database refuses a second use (see InvitationsRepository.accept). */
  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
