import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { VendorEntity } from './vendor.entity';

export const PARTNER_STATUSES = ['active', 'suspended'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

@Entity('partners')
@Index('partners_vendor_id_company_name_key', ['vendorId', 'companyName'], { unique: true })
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

  @Column('text')
  tier!: string;

  @Column('text')
  region!: string;

  @Column('text', { default: 'active' })
  status!: PartnerStatus;

  /** IANA zone used for prospects who have none of their own. */
  @Column('text', { default: 'UTC' })
  timezone!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
