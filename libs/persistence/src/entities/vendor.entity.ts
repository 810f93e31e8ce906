import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('vendors')
@Index('vendors_slug_key', ['slug'], { unique: true })
export class VendorEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'vendors_pkey' })
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  slug!: string;

  /** Domain of From addresses when a partner has no sender identity of its own. */
  @Column('text', { nullable: true })
  sendingDomain!: string | null;

  /** The vendor's own monthly token budget for the assistant; null: the installation's (AI_MONTHLY_TOKENS_PER_VENDOR), never above it. */
  @Column('integer', { nullable: true })
  assistantMonthlyTokens!: number | null;

  /** Campaigns are published only through an approver's review (issue 27); vendor admins and approvers approve. */
  @Column('boolean', { default: false })
  publishApproval!: boolean;

  /** Its users (vendor admins excepted: the way back in when the provider fails) sign in only through single sign-on (issue 26). */
  @Column('boolean', { default: false })
  ssoRequiredVendorUsers!: boolean;

  /** Its partners' users sign in only through single sign-on. */
  @Column('boolean', { default: false })
  ssoRequiredPartnerUsers!: boolean;

  /** SHA-256 of the bearer token its identity provider provisions users with over SCIM; null: SCIM is off. */
  @Column('bytea', { nullable: true })
  scimTokenHash!: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
