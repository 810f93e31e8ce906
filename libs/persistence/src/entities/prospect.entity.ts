import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PartnerEntity } from './partner.entity';

/** A person a partner markets to. Unique per partner by case-insensitive email. */
@Entity('prospects')
@Index('prospects_partner_id_email_lower_key', ['partnerId', 'emailLower'], { unique: true })
@Index('prospects_vendor_id_email_lower_idx', ['vendorId', 'emailLower'])
export class ProspectEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'prospects_pkey',
  })
  id!: string;

  @Column('uuid') vendorId!: string;

  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'prospects_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('text') email!: string;
  @Column('text') emailLower!: string;
  @Column('text', { nullable: true }) firstName!: string | null;
  @Column('text', { nullable: true }) lastName!: string | null;
  @Column('text', { nullable: true }) company!: string | null;
  @Column('text', { nullable: true }) title!: string | null;
  @Column('text', { nullable: true }) country!: string | null;
  /** IANA zone; null means the partner's. */
  @Column('text', { nullable: true }) timezone!: string | null;
  /** The language the prospect reads (a canonical BCP 47 tag); null: the partner's, else the campaign's. */
  @Column('text', { nullable: true }) language!: string | null;
  @Column('jsonb', { default: () => "'{}'" }) custom!: Record<string, string>;
  @Column('text', { nullable: true }) consentSource!: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
