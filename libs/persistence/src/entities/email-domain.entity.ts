import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EmailDomainStatus } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';
import { VendorEntity } from './vendor.entity';

/**
 * An email domain a vendor or one of its partners has claimed (`acme.example`), proven by a DNS
 * TXT record with its verification token as host names are. At sign-in, an email of a verified
 * domain offers its owner's own single sign-on connections (issue 26). A domain is claimed once
 * per owner; verified, it is one owner's only within the vendor: the partial unique index on
 * (vendor, domain) where verified, created by the migration, refuses a second.
 */
@Entity('email_domains')
@Index('email_domains_owner_domain_key', { synchronize: false })
@Index('email_domains_verified_domain_key', { synchronize: false })
@Index('email_domains_domain_idx', { synchronize: false })
export class EmailDomainEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'email_domains_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'email_domains_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** Null: the vendor's own domain; else the partner's. */
  @Column('uuid', { nullable: true }) partnerId!: string | null;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'email_domains_partner_id_fkey' })
  partner?: PartnerEntity;

  /** Lower case ASCII, no trailing dot: as the part of an email address after its @ is compared with it. */
  @Column('text') domain!: string;
  /** Random; published as `tcma-verify=<token>` at `_tcma-challenge.<domain>`. Not a secret. */
  @Column('text') verificationToken!: string;
  @Column('text', { default: 'pending' }) status!: EmailDomainStatus;
  @Column('timestamptz', { nullable: true }) checkedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) verifiedAt!: Date | null;
  /** Why the last check did not verify it (null after one that did). */
  @Column('text', { nullable: true }) lastError!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
