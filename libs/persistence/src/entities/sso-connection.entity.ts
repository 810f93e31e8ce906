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
import { VendorEntity } from './vendor.entity';

/**
 * A vendor's identity provider (its PRM, its Entra ID, its Okta), over OpenID Connect or SAML 2.0:
 * users sign in there instead of with a password here. It signs in either the vendor's own users or its
 * partners' users; for partner users the ID token names the partner by its external id in
 * `partnerClaim`, and a user is provisioned into that partner on first sign-in (issue 26).
 */
@Entity('sso_connections')
@Index('sso_connections_vendor_id_name_key', ['vendorId', 'name'], { unique: true })
export class SsoConnectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sso_connections_pkey' }) id!: string;
  @Column('uuid') vendorId!: string;

  @ManyToOne(() => VendorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'sso_connections_vendor_id_fkey' })
  vendor?: VendorEntity;

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
