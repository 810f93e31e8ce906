import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PartnerEntity } from './partner.entity';

/**
 * Which logo a partner's brand kit had, and when: emails link to their logo by address, so a
 * replaced logo stays stored while emails sent with it still have their events kept (see the
 * stored-files sweep). One open row (replacedAt null) per partner with a logo.
 */
@Entity('brand_kit_logos')
@Index('brand_kit_logos_partner_id_idx', ['partnerId'])
@Index('brand_kit_logos_png_key_idx', ['pngKey'])
export class BrandKitLogoEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'brand_kit_logos_pkey',
  })
  id!: string;

  @Column('uuid') vendorId!: string;

  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'brand_kit_logos_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('text') pngKey!: string;
  @Column('text') webpKey!: string;
  @Column('timestamptz') setAt!: Date;
  /** When another logo (or none) took its place; null while it is the kit's logo. */
  @Column('timestamptz', { nullable: true }) replacedAt!: Date | null;
  /** Once replaced and past the grace period: when the last email with it was sent (null: none was). */
  @Column('timestamptz', { nullable: true }) lastSentAt!: Date | null;
  /** When lastSentAt was worked out (it cannot change after the logo was replaced). */
  @Column('timestamptz', { nullable: true }) sendsCheckedAt!: Date | null;
}
