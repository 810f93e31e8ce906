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
import type { Role, SsoAudience, SsoProtocol } from '../schema/column-types';
import { PartnerEntity } from './partner.entity';
import { VendorEntity } from './vendor.entity';

/**
 * A vendor's identity provider (its PRM, its Entra ID, its Okta), over OpenID Connect or SAML 2.0:
 * users sign in there instead of with a password here. It signs in either the vendor's own users or its
 * partners' users; for partner users the ID token names the partner by its external id in
 * `partnerClaim`, and a user is provisioned into that partner on first sign-in (issue 26).
 *
 * A connection may instead belong to one partner company (`partnerId`): the partner's own identity
 * provider, set up by its admin and offered at sign-in for the email domains it has proven; it
 * signs in that partner's users only, whatever the claims say. Names are unique per owner (the
 * migration's index treats the vendor's null partner as one owner: NULLS NOT DISTINCT).
 */
@Entity('sso_connections')
@Index('sso_connections_owner_name_key', { synchronize: false })
export class SsoConnectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sso_connections_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'sso_connections_vendor_id_fkey' })
  vendor?: VendorEntity;

  /** Null: the vendor's own connection; else the one partner whose identity provider it is. */
  @Column('uuid', { nullable: true }) partnerId!: string | null;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'sso_connections_partner_id_fkey' })
  partner?: PartnerEntity;

  /** What the sign-in page's button says: "Sign in with <name>". */
  @Column('text') name!: string;
  @Column('text') audience!: SsoAudience;
  @Column('text', { default: 'oidc' }) protocol!: SsoProtocol;
  /** OpenID Connect: the issuer's URL (its discovery document is at `<issuer>/.well-known/openid-configuration`). */
  @Column('text', { nullable: true }) issuer!: string | null;
  /** OpenID Connect only. */
  @Column('text', { nullable: true }) clientId!: string | null;
  /** OpenID Connect only. Sealed like SMTP passwords (libs/signing); never shown again. */
  @Column('text', { nullable: true }) clientSecretSealed!: string | null;
  /** SAML: where the IdP's metadata was read from (read again when the connection changes); null when pasted. */
  @Column('text', { nullable: true }) samlMetadataUrl!: string | null;
  /** SAML: the IdP's entity id, which its assertions name as their issuer. */
  @Column('text', { nullable: true }) samlIdpEntityId!: string | null;
  /** SAML: the IdP's single sign-on service for the HTTP-Redirect binding. */
  @Column('text', { nullable: true }) samlIdpSsoUrl!: string | null;
  /** SAML: the IdP's signing certificates (PEM); a response or its assertion must be signed by one. */
  @Column('text', { array: true, nullable: true }) samlIdpCertificates!: string[] | null;
  /** The ID token claim (SAML: the attribute) holding the partner's external id (partner users only). */
  @Column('text', { nullable: true }) partnerClaim!: string | null;
  /** The claim holding the user's role; a value that is not a role of the audience gives `defaultRole`. */
  @Column('text', { nullable: true }) roleClaim!: string | null;
  /** The role of a user provisioned without a usable role claim. */
  @Column('text') defaultRole!: Role;
  /** Off: its button is gone and its sign-ins are refused; its settings are kept. */
  @Column('boolean', { default: true }) enabled!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
