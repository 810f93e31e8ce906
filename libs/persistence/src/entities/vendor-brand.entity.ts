import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BrandLogo } from '../schema/column-types';
import { VendorEntity } from './vendor.entity';

/**
 * A vendor's own brand on what its partners see: the portal, its signed-out pages and the
 * engine's emails to partner users. One per vendor; absent, the vendor's name stands in.
 */
@Entity('vendor_brands')
export class VendorBrandEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'vendor_brands_pkey' })
  vendorId!: string;

  @OneToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'vendor_brands_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** null: the vendor's name. */
  @Column('text', { nullable: true }) displayName!: string | null;
  @Column('text', { nullable: true }) primaryColor!: string | null;
  @Column('text', { nullable: true }) supportEmail!: string | null;
  @Column('text', { nullable: true }) supportUrl!: string | null;

  /** Through the same pipeline as partners' logos (PNG and WebP, trimmed, fitted). */
  @Column('jsonb', { nullable: true })
  logo!: BrandLogo | null;

  @Column('jsonb', { nullable: true })
  favicon!: BrandLogo | null;

  @Column('integer', { default: 1 })
  revision!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
