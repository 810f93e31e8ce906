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
import type { PartnerStatus } from '../schema/column-types';
import { VendorEntity } from './vendor.entity';

@Entity('partners')
@Index('partners_vendor_id_company_name_key', ['vendorId', 'companyName'], { unique: true })
@Index('partners_slug_key', ['slug'], { unique: true })
// Partial (WHERE external_id IS NOT NULL), written in the migration: TypeORM cannot compare partial indexes.
@Index('partners_vendor_id_external_id_key', { synchronize: false })
export class PartnerEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'partners_pkey' })
  id!: string;

  @Column('uuid')
  vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'partners_vendor_id_fkey' })
  vendor?: VendorEntity;

  @Column('text')
  companyName!: string;

  /** The partner's part of its landing pages' addresses (/p/:slug/…): made from the name by the database at insert, unique across the instance, never changed. */
  @Column('text', { default: '' })
  slug!: string;

  /** The vendor sees counts and funnels of this partner only, never its prospects or leads. */
  @Column('boolean', { default: false })
  contactsPrivate!: boolean;

  /** The partner's id in the vendor's own systems (its PRM account id): what SSO claims and SCIM groups name it by. Unique per vendor when set. */
  @Column('text', { nullable: true })
  externalId!: string | null;

  @Column('text')
  tier!: string;

  @Column('text')
  region!: string;

  @Column('text', { default: 'active' })
  status!: PartnerStatus;

  /** IANA zone used for prospects who have none of their own. */
  @Column('text', { default: 'UTC' })
  timezone!: string;

  /** The language its prospects read when they have none of their own (a canonical BCP 47 tag); null: the campaign's. */
  @Column('text', { nullable: true })
  language!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
