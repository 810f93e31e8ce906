import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Stored files anyone may fetch by key (partner logos shown in emails, rendered assets):
 * the public file route serves a key only when it is listed here.
 */
@Entity('public_blobs')
export class PublicBlobEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'public_blobs_pkey' })
  key!: string;

  @Column('text')
  contentType!: string;

  /** A copy sits in the bucket's public/ folder (PUBLIC_FILE_URLS=public). */
  @Column('boolean', { default: false })
  publicCopy!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
