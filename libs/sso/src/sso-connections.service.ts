import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, Problem } from '@tcma/errors';
import { Role, SsoAudience, SsoConnectionRow, SsoProtocol, TenantScope, VendorScope } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { Actor, isPartnerRole, scopeOf } from '@tcma/tenancy';
import { OidcClients } from './oidc-clients';
import { IdpMetadata, MetadataProblem, readIdpMetadata } from './saml-metadata';
import { SamlMetadataSource } from './saml-metadata-source';
import { rolesOf } from './sso-claims';
import type { SsoRequirement } from '@tcma/accounts';
import { SsoConnectionChanges, SsoConnectionsRepository } from './sso-connections.repository';

/** Identity connections one vendor may hold (a PRM, a workforce directory, room to move between them). */
export const MAX_SSO_CONNECTIONS_PER_VENDOR = 10;
/** A partner's own identity connections (its Entra ID or Google Workspace, and room to move). */
export const MAX_SSO_CONNECTIONS_PER_PARTNER = 3;

export interface SsoConnectionFields {
  name: string;
  audience: SsoAudience;
  protocol: SsoProtocol;
  /** OpenID Connect only (required there). */
  issuer: string | null;
  clientId: string | null;
  clientSecret: string | null;
  /** SAML only: where its identity provider's metadata is, or the metadata itself (one of them). */
  metadataUrl: string | null;
  metadataXml: string | null;
  partnerClaim: string | null;
  roleClaim: string | null;
  defaultRole: Role | null;
  enabled: boolean;
}

/** The role a connection gives when neither it nor a claim names one: the least a user of the audience may be. */
const LEAST_ROLE: Record<SsoAudience, Role> = { vendor_users: 'vendor_marketer', partner_users: 'partner_user' };

/**
 * OpenID Connect and SAML connections: a vendor's, managed by its admins, or one partner's own
 * (its company's identity provider), managed by the partner's admins, which signs in that
 * partner's users only and needs no partner claim. An issuer is accepted
 * only once its discovery document has been read, SAML metadata only once it names an identity
 * provider, its HTTP-Redirect sign-in service and a signing certificate: a typo is a 422 at the
 * field, not a failed sign-in later. The client secret is sealed and never returned.
 */
@Injectable()
export class SsoConnectionsService {
  constructor(
    private readonly connections: SsoConnectionsRepository,
    private readonly clients: OidcClients,
    private readonly metadataSource: SamlMetadataSource,
    private readonly signer: Signer,
  ) {}

  list(actor: Actor): Promise<SsoConnectionRow[]> {
    return this.connections.list(scopeOf(actor));
  }

  async create(actor: Actor, fields: SsoConnectionFields): Promise<SsoConnectionRow> {
    const scope = scopeOf(actor);
    const defaultRole = fields.defaultRole ?? LEAST_ROLE[fields.audience];
    this.check({ ...fields, defaultRole }, scope);
    const limit = scope.partnerId === null ? MAX_SSO_CONNECTIONS_PER_VENDOR : MAX_SSO_CONNECTIONS_PER_PARTNER;
    if ((await this.connections.list(scope)).length >= limit)
      throw new InvalidError('Too many connections', [
        { path: 'name', message: `at most ${limit} connections: remove one first` },
      ]);
    const { clientSecret, metadataUrl, metadataXml, ...rest } = fields;
    let protocolColumns: SsoConnectionChanges;
    if (fields.protocol === 'saml') {
      protocolColumns = samlColumns(await this.metadata(metadataUrl, metadataXml), metadataUrl);
    } else {
      await this.discoverable(fields.issuer!);
      protocolColumns = { clientSecretSealed: this.signer.seal(clientSecret!) };
    }
    const made = await this.connections.create(scope, { ...rest, ...protocolColumns, defaultRole });
    if (!made) throw nameTaken();
    return made;
  }

  /**
   * Changes what is given; the audience and the protocol stay (make a new connection for the
   * other kind of user or protocol). A SAML connection given its metadata URL (the same one
   * too) or XML reads it again: a new signing certificate is taken up that way.
   */
  async update(
    actor: Actor,
    id: string,
    fields: Partial<Omit<SsoConnectionFields, 'audience' | 'protocol'>>,
  ): Promise<SsoConnectionRow> {
    const scope = scopeOf(actor);
    const row = await this.connections.find(scope, id);
    if (!row) throw new NotFoundError('Connection');
    const oidc = row.protocol === 'oidc';
    const merged = {
      name: fields.name ?? row.name,
      audience: row.audience,
      protocol: row.protocol,
      issuer: oidc ? (fields.issuer ?? row.issuer) : (fields.issuer ?? null),
      clientId: oidc ? (fields.clientId ?? row.clientId) : (fields.clientId ?? null),
      clientSecret: fields.clientSecret ?? null,
      metadataUrl: fields.metadataUrl ?? null,
      metadataXml: fields.metadataXml ?? null,
      partnerClaim: fields.partnerClaim !== undefined ? fields.partnerClaim : row.partnerClaim,
      roleClaim: fields.roleClaim !== undefined ? fields.roleClaim : row.roleClaim,
      defaultRole: fields.defaultRole ?? row.defaultRole,
    };
    this.check(merged, scope, 'update');
    if (oidc && merged.issuer !== row.issuer) await this.discoverable(merged.issuer!);
    const changes: SsoConnectionChanges = {
      name: merged.name,
      partnerClaim: merged.partnerClaim,
      roleClaim: merged.roleClaim,
      defaultRole: merged.defaultRole,
    };
    if (oidc) Object.assign(changes, { issuer: merged.issuer, clientId: merged.clientId });
    if (!oidc && (merged.metadataUrl || merged.metadataXml))
      Object.assign(
        changes,
        samlColumns(await this.metadata(merged.metadataUrl, merged.metadataXml), merged.metadataUrl),
      );
    if (fields.enabled !== undefined) changes.enabled = fields.enabled;
    if (oidc && fields.clientSecret !== undefined) changes.clientSecretSealed = this.signer.seal(fields.clientSecret!);
    try {
      const { updated, stranded } = await this.connections.update(scope, id, changes);
      if (stranded) throw strandedBy(stranded, 'enabled');
      if (!updated) throw new NotFoundError('Connection');
      return updated;
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw nameTaken();
      throw e;
    }
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const { removed, stranded } = await this.connections.remove(scopeOf(actor), id);
    if (stranded) throw strandedBy(stranded, 'id');
    if (!removed) throw new NotFoundError('Connection');
  }

  requirement(actor: Actor): Promise<SsoRequirement> {
    return this.connections.requirement(this.vendorScopeOf(actor));
  }

  /** Requires single sign-on of a kind of user only while an enabled connection signs it in. */
  async require(actor: Actor, requirement: SsoRequirement): Promise<SsoRequirement> {
    const scope = this.vendorScopeOf(actor);
    const { stranded } = await this.connections.setRequirement(scope, requirement);
    if (stranded)
      throw new InvalidError('No connection signs them in', [
        {
          path: stranded === 'vendor_users' ? 'ssoRequiredVendorUsers' : 'ssoRequiredPartnerUsers',
          message: `needs an enabled connection for ${AUDIENCE_WORDS[stranded]} first: they could not sign in at all`,
        },
      ]);
    return this.connections.requirement(scope);
  }

  /**
   * On `update` the client secret and the metadata are optional (kept). Problems are gathered
   * so one answer names every field to fix.
   */
  private check(
    c: ProtocolFields & { audience: SsoAudience; partnerClaim: string | null; defaultRole: Role },
    scope: TenantScope,
    when: 'create' | 'update' = 'create',
  ): void {
    const problems: Problem[] = protocolProblems(c, when);
    if (scope.partnerId !== null) {
      // A partner's own provider signs in its own users: who they are is the connection's, not a claim's.
      if (c.audience !== 'partner_users')
        problems.push({
          path: 'audience',
          message: "must be partner_users: your connection signs in your company's users",
        });
      if (c.partnerClaim)
        problems.push({
          path: 'partnerClaim',
          message: 'is not a setting of your own connection: everyone it signs in is one of your users',
        });
    } else if (c.audience === 'partner_users' && !c.partnerClaim)
      problems.push({ path: 'partnerClaim', message: "is required: the claim that holds the partner's external id" });
    if (!rolesOf(c.audience).includes(c.defaultRole))
      problems.push({ path: 'defaultRole', message: `must be one of ${rolesOf(c.audience).join(', ')}` });
    if (problems.length) throw new InvalidError('The connection cannot be used', problems);
  }

  /** The identity provider the metadata (read from its URL, or as given) describes; a 422 at its field otherwise. */
  private async metadata(url: string | null, xml: string | null): Promise<IdpMetadata> {
    try {
      return url ? await this.metadataSource.fetch(url) : await readIdpMetadata(xml!);
    } catch (e) {
      if (!(e instanceof MetadataProblem)) throw e;
      throw new InvalidError('The metadata cannot be used', [
        { path: url ? 'metadataUrl' : 'metadataXml', message: `the metadata ${e.message}` },
      ]);
    }
  }

  private async discoverable(issuer: string): Promise<void> {
    try {
      await this.clients.discover(issuer);
    } catch (e) {
      throw new InvalidError('The issuer cannot be reached', [
        { path: 'issuer', message: `its discovery document could not be read (${(e as Error).message})` },
      ]);
    }
  }

  /** Requiring single sign-on is the vendor's: a partner's admin never reaches it (the API's roles say so too). */
  private vendorScopeOf(actor: Actor): VendorScope {
    if (isPartnerRole(actor.role)) throw new ForbiddenError('Requiring single sign-on is for the vendor');
    return new VendorScope(actor.vendorId);
  }
}

const AUDIENCE_WORDS: Record<SsoAudience, string> = {
  vendor_users: 'your users',
  partner_users: "your partners' users",
};

/** A change refused because a required kind of user would have no connection left to sign in through. */
const strandedBy = (audience: SsoAudience, path: string) => {
  const why = `the last enabled connection for ${AUDIENCE_WORDS[audience]}, who must sign in through single sign-on: stop requiring it first`;
  return new ConflictError(`It is ${why}`, [{ path, message: `is ${why}` }]);
};

type ProtocolFields = Pick<
  SsoConnectionFields,
  'protocol' | 'issuer' | 'clientId' | 'clientSecret' | 'metadataUrl' | 'metadataXml'
>;

const OIDC_ONLY = ['issuer', 'clientId', 'clientSecret'] as const;
const SAML_ONLY = ['metadataUrl', 'metadataXml'] as const;

/** Each protocol's own fields present (on creation) and the other's absent. */
function protocolProblems(c: ProtocolFields, when: 'create' | 'update'): Problem[] {
  const problems: Problem[] = [];
  const other = c.protocol === 'saml' ? OIDC_ONLY : SAML_ONLY;
  for (const path of other)
    if (c[path] !== null) problems.push({ path, message: `is not a setting of a ${c.protocol} connection` });
  if (c.protocol === 'oidc') {
    for (const path of OIDC_ONLY)
      if (!c[path] && (path !== 'clientSecret' || when === 'create')) problems.push({ path, message: 'is required' });
    const issuerProblem = c.issuer ? issuerUrlProblem(c.issuer) : null;
    if (issuerProblem) problems.push({ path: 'issuer', message: issuerProblem });
    return problems;
  }
  if (c.metadataUrl && c.metadataXml)
    problems.push({ path: 'metadataXml', message: 'is given with metadataUrl: give one of them' });
  else if (!c.metadataUrl && !c.metadataXml && when === 'create')
    problems.push({ path: 'metadataUrl', message: "is required (or metadataXml): the identity provider's metadata" });
  const urlProblem = c.metadataUrl ? providerUrlProblem(c.metadataUrl, { query: true }) : null;
  if (urlProblem) problems.push({ path: 'metadataUrl', message: urlProblem });
  return problems;
}

/** What a SAML connection keeps of its identity provider's metadata. */
const samlColumns = (m: IdpMetadata, metadataUrl: string | null): SsoConnectionChanges => ({
  samlMetadataUrl: metadataUrl,
  samlIdpEntityId: m.entityId,
  samlIdpSsoUrl: m.ssoUrl,
  samlIdpCertificates: m.certificates,
});

const nameTaken = () =>
  new ConflictError('A connection has that name', [{ path: 'name', message: 'is the name of another connection' }]);

/**
 * An issuer is an https URL without query or fragment; plain http only on the loopback
 * address (a provider on the same machine, as in development and the tests).
 */
export function issuerUrlProblem(value: string): string | null {
  return providerUrlProblem(value, { query: false });
}

/** As an issuer, a query allowed or not: metadata URLs often carry one (Entra ID's `?appid=`). */
function providerUrlProblem(value: string, allow: { query: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL';
  }
  if (url.hash) return allow.query ? 'must have no fragment' : 'must have no query or fragment';
  if (url.search && !allow.query) return 'must have no query or fragment';
  if (url.username || url.password) return 'must carry no credentials';
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return 'must be an https URL';
  return null;
}
