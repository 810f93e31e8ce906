import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportStatus } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';

/** A CSV of prospects being (or having been) imported, with its outcome and rejected-rows report. */
@Entity('prospect_imports')
@Index('prospect_imports_partner_id_idx', ['partnerId'])
export class ProspectImportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'prospect_imports_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'prospect_imports_partner_id_fkey' })
  partner?: PartnerEntity;

  /** Imported prospects are also added to this list, when given. */
  @Column('uuid', { nullable: true }) listId!: string | null;
  @Column('text', { default: 'queued' }) status!: ImportStatus;
  @Column('text') fileKey!: string;
  @Column('bigint') fileSize!: string;
  @Column('integer', { default: 0 }) rows!: number;
  @Column('integer', { default: 0 }) inserted!: number;
  @Column('integer', { default: 0 }) merged!: number;
  @Column('integer', { default: 0 }) rejected!: number;
  /** A CSV of rejected rows with their line number and reason. */
  @Column('text', { nullable: true }) reportKey!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) ignoredColumns!: string[];
  @Column('text', { nullable: true }) error!: string | null;
  @Column('uuid', { nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { nullable: true }) finishedAt!: Date | null;
}
