import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit log of concierge access: a vendor user acting for one of its partners. One row per
 * request; kept when the user or partner goes (no foreign keys), as an audit log must be.
 */
@Entity('concierge_accesses')
@Index('concierge_accesses_vendor_id_partner_id_at_idx', ['vendorId', 'partnerId', 'at'])
export class ConciergeAccessEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'concierge_accesses_pkey',
  })
  id!: string;

  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;
  /** The vendor user who acted. */
  @Column('uuid') userId!: string;
  /** The request: method and path (no query string, no body). */
  @Column('text') method!: string;
  @Column('text') path!: string;
  @Column('timestamptz') at!: Date;
  /** What the request did, in words, when it matters to the partner (a cancelled post); null for an ordinary request. */
  @Column('text', { nullable: true }) action!: string | null;
}
