import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { VendorHostNameStatus } from '../schema/column-types';
import { VendorEntity } from './vendor.entity';

/**
 * A host name a vendor serves its partner portal at (`partners.vendor.example`), claimed by
 * publishing a DNS TXT record with its verification token. A vendor claims a host once; a
 * verified host is one vendor's only: the partial unique index on host where verified
 * (created by the migration, as TypeORM cannot compare its condition) refuses a second.
 */
@Entity('vendor_host_names')
@Index('vendor_host_names_vendor_id_host_key', ['vendorId', 'host'], { unique: true })
@Index('vendor_host_names_verified_host_key', { synchronize: false })
export class VendorHostNameEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'vendor_host_names_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'vendor_host_names_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** Lower case, without a trailing dot or port: as a request's Host header is compared with it. */
  @Column('text') host!: string;
  /** Random; published as `tcma-verify=<token>` at `_tcma-challenge.<host>`. Not a secret: DNS shows it to all. */
  @Column('text') verificationToken!: string;
  @Column('text', { default: 'pending' }) status!: VendorHostNameStatus;
  /** The last DNS check, whatever it found. */
  @Column('timestamptz', { nullable: true }) checkedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) verifiedAt!: Date | null;
  /** Why the last check did not verify it (null after one that did). */
  @Column('text', { nullable: true }) lastError!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
