import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale, Role } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';
import { VendorEntity } from './vendor.entity';

@Entity('users')
@Index('users_vendor_id_email_key', ['vendorId', 'email'], { unique: true })
@Index('users_partner_id_idx', ['partnerId'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id!: string;

  @Column('uuid')
  vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'users_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** Set for partner users only: the partner whose data they may see. */
  @Column('uuid', { nullable: true })
  partnerId!: string | null;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'users_partner_id_fkey' })
  partner?: PartnerEntity | null;

  /** Stored lower-cased so uniqueness is case-insensitive. */
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text')
  role!: Role;

  @Column('timestamptz', { nullable: true })
  disabledAt!: Date | null;

  /** The user's language (@tcma/locales); null: the web app follows the browser, emails are in English. */
  @Column('text', { nullable: true })
  locale!: Locale | null;

  /** argon2id (PHC string); null until the user sets a password from an invitation or a set-password link. */
  @Column('text', { nullable: true })
  passwordHash!: string | null;

  @Column('timestamptz', { nullable: true })
  passwordChangedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
