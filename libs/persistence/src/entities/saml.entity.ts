import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SsoConnectionEntity } from './sso-connection.entity';

/**
 * A SAML AuthnRequest the engine sent and has not had its answer for: the response's
 * `InResponseTo` must name one (then it is gone). Kept in the database, not a cookie, because
 * the identity provider's answer is a cross-site POST, which carries no SameSite=Lax cookie.
 */
@Entity('saml_requests')
@Index('saml_requests_expires_at_idx', ['expiresAt'])
export class SamlRequestEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'saml_requests_pkey' }) connectionId!: string;
  /** The AuthnRequest's ID attribute. */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'saml_requests_pkey' }) requestId!: string;

  @ManyToOne(() => SsoConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'saml_requests_connection_id_fkey' })
  connection?: SsoConnectionEntity;

  @Column('timestamptz') expiresAt!: Date;
}

/**
 * An assertion already used to sign in, kept until it expires: inserted once, so the same
 * assertion posted again (a replay) finds its id taken and is refused.
 */
@Entity('saml_assertions')
@Index('saml_assertions_expires_at_idx', ['expiresAt'])
export class SamlAssertionEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'saml_assertions_pkey' }) connectionId!: string;
  /** The assertion's ID attribute. */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'saml_assertions_pkey' }) assertionId!: string;

  @ManyToOne(() => SsoConnectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'saml_assertions_connection_id_fkey' })
  connection?: SsoConnectionEntity;

  /** The assertion's own NotOnOrAfter plus the clock skew allowed: no replay of it could pass after. */
  @Column('timestamptz') expiresAt!: Date;
}
