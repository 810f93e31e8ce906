import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, Problem } from '@tcma/errors';
import { Role, SsoAudience, SsoConnectionRow, VendorScope } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { Actor, isPartnerRole } from '@tcma/tenancy';
import { OidcClients } from './oidc-clients';
import { rolesOf } from './sso-claims';
import type { SsoRequirement } from '@tcma/accounts';
import { SsoConnectionChanges, SsoConnectionsRepository } from './sso-connections.repository';

/** Identity connections one vendor may hold (a PRM, a workforce directory, room to move between them). */
export const MAX_SSO_CONNECTIONS_PER_VENDOR = 10;

export interface SsoConnectionFields {
  name: string;
  audience: SsoAudience;
  issuer: string;
  clientId: string;
  clientSecret: string;
  partnerClaim: string | null;
  roleClaim: string | null;
  defaultRole: Role | null;
  enabled: boolean;
}

/** The role a connection gives when neither it nor a claim names one: the least a user of the audience may be. */
const LEAST_ROLE: Record<SsoAudience, Role> = { vendor_users: 'vendor_marketer', partner_users: 'partner_user' };

/**
 * A vendor's OpenID Connect connections, managed by its admins. An issuer is accepted only once
 * its discovery document has been read: a typo is a 422 at `issuer`, not a failed sign-in later.
 * The client secret is sealed and never returned.
 */
@Injectable()
export class SsoConnectionsService {
  constructor(
    private readonly connections: SsoConnectionsRepository,
    private readonly clients: OidcClients,
    private readonly signer: Signer,
  ) {}

  list(actor: Actor): Promise<SsoConnectionRow[]> {
    return this.connections.list(this.scopeOf(actor));
  }

  async create(actor: Actor, fields: SsoConnectionFields): Promise<SsoConnectionRow> {
    const scope = this.scopeOf(actor);
    const defaultRole = fields.defaultRole ?? LEAST_ROLE[fields.audience];
    this.check({ ...fields, defaultRole });
    if ((await this.connections.list(scope)).length >= MAX_SSO_CONNECTIONS_PER_VENDOR)
      throw new InvalidError('Too many connections', [
        { path: 'name', message: `at most ${MAX_SSO_CONNECTIONS_PER_VENDOR} connections per vendor: remove one first` },
      ]);
    await this.discoverable(fields.issuer);
    const { clientSecret, ...rest } = fields;
    const made = await this.connections.create(scope, {
      ...rest,
      defaultRole,
      clientSecretSealed: this.signer.seal(clientSecret),
    });
    if (!made) throw nameTaken();
    return made;
  }

  /** Changes what is given; the audience stays (make a new connection for the other kind of user). */
  async update(
    actor: Actor,
    id: string,
    fields: Partial<Omit<SsoConnectionFields, 'audience'>>,
  ): Promise<SsoConnectionRow> {
    const scope = this.scopeOf(actor);
    const row = await this.connections.find(scope, id);
    if (!row) throw new NotFoundError('Connection');
    const merged = {
      name: fields.name ?? row.name,
      audience: row.audience,
      issuer: fields.issuer ?? row.issuer,
      clientId: fields.clientId ?? row.clientId,
      partnerClaim: fields.partnerClaim !== undefined ? fields.partnerClaim : row.partnerClaim,
      roleClaim: fields.roleClaim !== undefined ? fields.roleClaim : row.roleClaim,
      defaultRole: fields.defaultRole ?? row.defaultRole,
    };
    this.check(merged);
    if (merged.issuer !== row.issuer) await this.discoverable(merged.issuer);
    const { audience: _audience, ...kept } = merged;
    const changes: SsoConnectionChanges = { ...kept };
    if (fields.enabled !== undefined) changes.enabled = fields.enabled;
    if (fields.clientSecret !== undefined) changes.clientSecretSealed = this.signer.seal(fields.clientSecret);
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
    const { removed, stranded } = await this.connections.remove(this.scopeOf(actor), id);
    if (stranded) throw strandedBy(stranded, 'id');
    if (!removed) throw new NotFoundError('Connection');
  }

  requirement(actor: Actor): Promise<SsoRequirement> {
    return this.connections.requirement(this.scopeOf(actor));
  }

  /** Requires single sign-on of a kind of user only while an enabled connection signs it in. */
  async require(actor: Actor, requirement: SsoRequirement): Promise<SsoRequirement> {
    const scope = this.scopeOf(actor);
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

  private check(c: { audience: SsoAudience; issuer: string; partnerClaim: string | null; defaultRole: Role }): void {
    const problems: Problem[] = [];
    const issuerProblem = issuerUrlProblem(c.issuer);
    if (issuerProblem) problems.push({ path: 'issuer', message: issuerProblem });
    if (c.audience === 'partner_users' && !c.partnerClaim)
      problems.push({ path: 'partnerClaim', message: "is required: the claim that holds the partner's external id" });
    if (!rolesOf(c.audience).includes(c.defaultRole))
      problems.push({ path: 'defaultRole', message: `must be one of ${rolesOf(c.audience).join(', ')}` });
    if (problems.length) throw new InvalidError('The connection cannot be used', problems);
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

  /** Connections are the vendor's own: a partner's user never reaches them (the API's roles say so too). */
  private scopeOf(actor: Actor): VendorScope {
    if (isPartnerRole(actor.role)) throw new ForbiddenError("Sign-in connections are the vendor's");
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

const nameTaken = () =>
  new ConflictError('A connection has that name', [{ path: 'name', message: 'is the name of another connection' }]);

/**
 * An issuer is an https URL without query or fragment; plain http only on the loopback
 * address (a provider on the same machine, as in development and the tests).
 */
export function issuerUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL';
  }
  if (url.search || url.hash) return 'must have no query or fragment';
  if (url.username || url.password) return 'must carry no credentials';
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return 'must be an https URL';
  return null;
}
