import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BrandLogo } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';
import { VendorEntity } from './vendor.entity';

/**
 * A partner's brand: what fills the co-brand slots of every campaign it launches. One per
 * partner; `revision` changes with every edit and keys every cache of rendered output.
 */
@Entity('brand_kits')
export class BrandKitEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'brand_kits_pkey' })
  partnerId!: string;

  @OneToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'brand_kits_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('uuid')
  vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'brand_kits_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** null: use the partner's company name. */
  @Column('text', { nullable: true }) companyName!: string | null;
  @Column('text', { nullable: true }) contactName!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) website!: string | null;
  @Column('text', { nullable: true }) address!: string | null;
  @Column('text', { nullable: true }) primaryColor!: string | null;
  @Column('text', { nullable: true }) secondaryColor!: string | null;

  @Column('jsonb', { nullable: true })
  logo!: BrandLogo | null;

  @Column('text', { nullable: true }) senderFromName!: string | null;
  @Column('text', { nullable: true }) senderFromEmail!: string | null;
  @Column('text', { nullable: true }) senderReplyTo!: string | null;
  /** The From address whose confirmation link was followed; the partner sends as itself only while it equals senderFromEmail. */
  @Column('text', { nullable: true }) senderConfirmedEmail!: string | null;

  @Column('integer', { default: 1 })
  revision!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
