import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A rendered output (a preview PDF, a social image…) by its render key: the hash of every
 * input that shapes it (campaign version, asset, partner and brand-kit revision, format).
 * The same inputs never render twice; new inputs make a new key.
 */
@Entity('rendered_assets')
export class RenderedAssetEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'rendered_assets_pkey' })
  renderKey!: string;

  @Column('text')
  blobKey!: string;

  @Column('text')
  contentType!: string;

  @Column('integer')
  byteSize!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
