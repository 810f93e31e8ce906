import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A rendered output (a preview PDF, a social image…) by its render key: the hash of every
 * input that shapes it (campaign version, asset, partner and brand-kit revision, format).
 * The same inputs never render twice; new inputs make a new key.
 */
@Entity('rendered_assets')
@Index('rendered_assets_blob_key_idx', ['blobKey'])
export class RenderedAssetEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'rendered_assets_pkey' })
  renderKey!: string;

  @Column('text')
  blobKey!: string;

  @Column('text')
  contentType!: string;

  @Column('integer')
  byteSize!: number;

  /** What the render was made of, so the stored-files sweep knows when nothing can ask for it again (null: made before they were recorded). */
  @Column('uuid', { nullable: true })
  partnerId!: string | null;

  @Column('uuid', { nullable: true })
  campaignVersionId!: string | null;

  @Column('integer', { nullable: true })
  brandRevision!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
