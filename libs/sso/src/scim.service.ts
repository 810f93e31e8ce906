import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { ForbiddenError } from '@tcma/errors';
import { Role, UserRow, VendorScope } from '@tcma/persistence';
import { Actor, isPartnerRole } from '@tcma/tenancy';
import { createHash, randomBytes } from 'node:crypto';
import { ScimPatchChanges, ScimError, ScimUserInput, SCIM_MAX_COUNT } from './scim-user';
import { ScimRepository, ScimUserRow } from './scim.repository';
import { SsoAccountsRepository } from './sso-accounts.repository';
import { rolesOf } from './sso-claims';

const hashOf = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();
/** SCIM tokens: `scim_` and 32 random bytes, base64url. */
const looksLikeToken = (value: string) => /^scim_[A-Za-z0-9_-]{43}$/.test(value);

/**
 * Users provisioned and deprovisioned by a vendor's identity provider over SCIM 2.0: one bearer
 * token per vendor (shown once, only its SHA-256 kept). A user names its partner by the
 * partner's external id (the engine's extension) and is then that partner's, else the vendor's
 * own; deactivating a user ends its sessions and API tokens at once.
 */
@Injectable()
export class ScimService {
  private readonly logger = new Logger(ScimService.name);

  constructor(
    private readonly scim: ScimRepository,
    private readonly accounts: SsoAccountsRepository,
    private readonly clock: Clock,
  ) {}

  /** A new token for the actor's vendor (the old one stops working); shown this once. */
  async issueToken(actor: Actor): Promise<string> {
    const token = `scim_${randomBytes(32).toString('base64url')}`;
    await this.scim.setToken(this.scopeOf(actor), hashOf(token));
    return token;
  }

  async revokeToken(actor: Actor): Promise<void> {
    await this.scim.setToken(this.scopeOf(actor), null);
  }

  tokenSet(actor: Actor): Promise<boolean> {
    return this.scim.tokenSet(this.scopeOf(actor));
  }

  /** The vendor an `Authorization: Bearer scim_…` header is for; a 401 otherwise. */
  async vendorOf(authorization: string | undefined): Promise<VendorScope> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    const vendorId = looksLikeToken(token) ? await this.scim.vendorOfTokenForSystem(hashOf(token)) : null;
    if (!vendorId) throw new ScimError(401, 'A valid SCIM bearer token is required');
    return new VendorScope(vendorId);
  }

  list(scope: VendorScope, email: string | null, startIndex: number, count: number) {
    return this.scim.list(scope, email, {
      offset: Math.max(0, startIndex - 1),
      limit: Math.min(Math.max(0, count), SCIM_MAX_COUNT),
    });
  }

  async get(scope: VendorScope, id: string): Promise<ScimUserRow> {
    const user = /^[0-9a-f-]{36}$/i.test(id) ? await this.scim.find(scope, id) : null;
    if (!user) throw new ScimError(404, `User ${id} not found`);
    return user;
  }

  async create(scope: VendorScope, input: ScimUserInput): Promise<ScimUserRow> {
    const partnerId = await this.partnerOf(scope, input.partnerExternalId);
    const made = await this.scim.create(scope, {
      email: input.email,
      name: input.name,
      role: this.roleOf(input.role, partnerId),
      partnerId,
      disabledAt: input.active ? null : this.clock.now(),
    });
    if (!made) throw new ScimError(409, `A user with userName ${input.email} exists`, 'uniqueness');
    this.logger.log(`SCIM: user ${made.id} provisioned`);
    return this.get(scope, made.id);
  }

  /** PUT: the resource as given. A user stays of its kind: another partner's, or the vendor's, is a 400. */
  async replace(scope: VendorScope, id: string, input: ScimUserInput): Promise<ScimUserRow> {
    const user = await this.get(scope, id);
    const partnerId = await this.partnerOf(scope, input.partnerExternalId);
    if (partnerId !== user.partnerId)
      throw new ScimError(
        400,
        'A user cannot move to another partner, or between a partner and the vendor',
        'mutability',
      );
    if (input.email !== user.email && (await this.scim.list(scope, input.email, { offset: 0, limit: 1 })).total > 0)
      throw new ScimError(409, `A user with userName ${input.email} exists`, 'uniqueness');
    await this.change(scope, user, {
      email: input.email,
      name: input.name,
      role: this.roleOf(input.role ?? user.role, partnerId),
      active: input.active,
    });
    return this.get(scope, id);
  }

  async patch(scope: VendorScope, id: string, changes: ScimPatchChanges): Promise<ScimUserRow> {
    const user = await this.get(scope, id);
    await this.change(scope, user, changes);
    return this.get(scope, id);
  }

  /** DELETE: deactivated, not erased (its launches, reviews and audit keep their author). */
  async deactivate(scope: VendorScope, id: string): Promise<void> {
    await this.change(scope, await this.get(scope, id), { active: false });
  }

  private async change(
    scope: VendorScope,
    user: UserRow,
    changes: ScimPatchChanges & { email?: string; role?: Role },
  ): Promise<void> {
    const disabledAt =
      changes.active === undefined ? undefined : changes.active ? null : (user.disabledAt ?? this.clock.now());
    await this.scim.update(
      scope,
      user.id,
      {
        ...(changes.email ? { email: changes.email } : {}),
        ...(changes.name ? { name: changes.name } : {}),
        ...(changes.role ? { role: changes.role } : {}),
        ...(disabledAt !== undefined ? { disabledAt } : {}),
      },
      this.clock.now(),
    );
    if (changes.active === false && user.disabledAt === null) this.logger.log(`SCIM: user ${user.id} deactivated`);
  }

  private async partnerOf(scope: VendorScope, externalId: string | null): Promise<string | null> {
    if (externalId === null) return null;
    const partner = await this.accounts.partnerByExternalId(scope, externalId);
    if (!partner) throw new ScimError(400, `No partner has the external id ${externalId}`, 'invalidValue');
    return partner.id;
  }

  /** The role asked for when it fits the kind of user, else the least one of that kind. */
  private roleOf(asked: Role | null, partnerId: string | null): Role {
    const roles = rolesOf(partnerId === null ? 'vendor_users' : 'partner_users');
    if (asked === null) return partnerId === null ? 'vendor_marketer' : 'partner_user';
    if (!roles.includes(asked)) throw new ScimError(400, `role must be one of ${roles.join(', ')}`, 'invalidValue');
    return asked;
  }

  private scopeOf(actor: Actor): VendorScope {
    if (isPartnerRole(actor.role)) throw new ForbiddenError("Provisioning is the vendor's");
    return new VendorScope(actor.vendorId);
  }
}
