import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsentSource } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';

/**
 * Evidence of a prospect's consent, append-only: granted (a form's checkbox, an import) or
 * withdrawn (an unsubscribe), with the exact wording shown and its version, and where and
 * from whom it came.
 */
@Entity('consent_records')
@Index('consent_records_prospect_id_idx', ['prospectId'])
export class ConsentRecordEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'consent_records_pkey',
  })
  id!: string;
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'consent_records_partner_id_fkey' })
  partner?: PartnerEntity;

  @Column('bigint') prospectId!: string;
  @Column('boolean') granted!: boolean;
  @Column('text') source!: ConsentSource;
  /** For an import, the consent source the importer declared for the prospect (its consent_source column), as given. */
  @Column('text', { nullable: true }) declaredSource!: string | null;
  /** The wording exactly as the prospect saw it (with the partner's values). */
  @Column('text', { nullable: true }) wording!: string | null;
  /** `<campaign version id>:<asset id>`: the wording is versioned with the campaign version. */
  @Column('text', { nullable: true }) wordingVersion!: string | null;
  @Column('uuid', { nullable: true }) campaignId!: string | null;
  /** The page's path, for a form. */
  @Column('text', { nullable: true }) page!: string | null;
  @Column('text', { nullable: true }) ip!: string | null;
  @Column('text', { nullable: true }) userAgent!: string | null;
  @Column('timestamptz') occurredAt!: Date;
}
