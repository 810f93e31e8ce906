import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { StoredFileMetadata } from '../schema/column-types';
import { VendorEntity } from './vendor.entity';

/**
 * A vendor's upload (campaign PDFs, social backgrounds). The bytes sit in storage under a
 * content-addressed key; this row records that the vendor owns that key, so a campaign can
 * only reference files its own vendor uploaded.
 */
@Entity('stored_files')
@Index('stored_files_vendor_id_key_key', ['vendorId', 'key'], { unique: true })
@Index('stored_files_key_idx', ['key'])
export class StoredFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'stored_files_pkey' })
  id!: string;

  @Column('uuid')
  vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'stored_files_vendor_id_fkey' })
  vendor?: VendorEntity;

  @Column('text')
  key!: string;

  @Column('text')
  contentType!: string;

  @Column('integer')
  size!: number;

  /** Kind-specific facts found when the file was checked: page sizes, pixel dimensions. */
  @Column('jsonb', { default: () => "'{}'" })
  metadata!: StoredFileMetadata;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
