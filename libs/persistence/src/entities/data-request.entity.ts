import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DataRequestKind } from '../schema/column-types';
import { VendorEntity } from './vendor.entity';

/**
 * The record of a data subject's request (export or erasure) answered for an email address:
 * who asked, when, within which partner (null: the vendor's partners), and how much was found.
 * The address itself is kept only as a SHA-256 of its lower-cased form, so the record of an
 * erasure does not keep what was erased, yet a repeated request for the same address can be
 * told apart.
 */
@Entity('data_requests')
@Index('data_requests_vendor_id_created_at_idx', ['vendorId', 'createdAt'])
export class DataRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'data_requests_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'data_requests_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** The partner the request was answered within; null for a vendor user's request (every partner whose contacts it sees). */
  @Column('uuid', { nullable: true }) partnerId!: string | null;
  @Column('text') kind!: DataRequestKind;
  /** Hex SHA-256 of the lower-cased address. */
  @Column('text') emailHash!: string;
  /** The user who made the request. */
  @Column('uuid') requestedBy!: string;
  /** Counts of what was found (export) or erased (erasure), by kind of record. */
  @Column('jsonb') found!: Record<string, number>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
