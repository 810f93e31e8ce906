import { Injectable, Logger } from '@nestjs/common';
import { PartnerScope, SsoConnectionRow, SsoProtocol, UserRow, VendorScope } from '@tcma/persistence';
import { EmailDomainsRepository } from './email-domains.repository';
import { SsoAccountsRepository } from './sso-accounts.repository';
import { readClaims, SignInClaims, SsoRefusedError } from './sso-claims';
import { claimList, openTestTicket, refusalOf, type SsoTestResult, type SsoTestTicket } from './sso-test';
import { Clock } from '@tcma/clock';
import { Signer } from '@tcma/signing';
import { SsoConnectionsRepository } from './sso-connections.repository';
import { SsoRefusalsRepository } from './sso-refusals.repository';

/**
 * What every single sign-on does once its provider's answer is checked, whatever the protocol:
 * the connection named, the user found or provisioned, a refusal logged with its reason.
 */
@Injectable()
export class SsoProvisioning {
  private readonly logger = new Logger(SsoProvisioning.name);

  constructor(
    private readonly connections: SsoConnectionsRepository,
    private readonly accounts: SsoAccountsRepository,
    private readonly refusals: SsoRefusalsRepository,
    private readonly emailDomains: EmailDomainsRepository,
    private readonly signer: Signer,
    private readonly clock: Clock,
  ) {}

  /**
   * The test ticket a start address carries (the console's "Test sign-in"), or null for a real
   * sign-in; one that is given and not valid (another connection's, tampered, expired) is refused.
   */
  async testTicket(connectionId: string, raw: unknown): Promise<SsoTestTicket | null> {
    if (raw === undefined) return null;
    const ticket = openTestTicket(this.signer, raw, connectionId, this.clock.now());
    if (!ticket)
      throw await this.refused(
        connectionId,
        new SsoRefusedError('expired', 'a test ticket not valid for this connection'),
      );
    return ticket;
  }

  /** The enabled connection of this protocol; `onlyVendorId`: the vendor whose host name the request came to. */
  async usable(connectionId: string, protocol: SsoProtocol, onlyVendorId: string | null): Promise<SsoConnectionRow> {
    const connection = /^[0-9a-f-]{36}$/i.test(connectionId)
      ? await this.connections.findEnabledForSystem(connectionId)
      : null;
    if (
      !connection ||
      connection.protocol !== protocol ||
      (onlyVendorId !== null && connection.vendorId !== onlyVendorId)
    )
      throw await this.refused(
        connectionId,
        new SsoRefusedError('connection', 'unknown, off, of the other protocol, or another vendor’s'),
      );
    return connection;
  }

  /**
   * The user the claims name in the connection's vendor: found by email, of the connection's
   * kind (and partner) only, or provisioned. Existing users keep their role.
   */
  async account(connection: SsoConnectionRow, claims: SignInClaims): Promise<UserRow> {
    const scope = new VendorScope(connection.vendorId);
    const judged = await this.judge(connection, claims);
    const user =
      judged.existing ??
      (await this.accounts.provision(scope, {
        email: claims.email,
        name: claims.name,
        role: claims.role,
        partnerId: judged.partner?.id ?? null,
      }));
    this.admit(user, judged.partner?.id ?? null);
    return user;
  }

  /**
   * A test sign-in: what the provider's claims say and what signing in would do, nothing
   * written (no account provisioned, no session). Refusals are shown, not thrown.
   */
  async test(connection: SsoConnectionRow, claims: Record<string, unknown>, at: Date): Promise<SsoTestResult> {
    const result: SsoTestResult = {
      connectionId: connection.id,
      testedAt: at.toISOString(),
      claims: claimList(claims),
      reading: null,
      partner: null,
      existingUser: null,
      refusal: null,
    };
    try {
      result.reading = readClaims(claims, connection);
      const scope = new VendorScope(connection.vendorId);
      const found = connection.partnerId
        ? await this.accounts.partner(scope, connection.partnerId)
        : result.reading.partnerExternalId
          ? await this.accounts.partnerByExternalId(scope, result.reading.partnerExternalId)
          : null;
      if (found) result.partner = { id: found.id, companyName: found.companyName, status: found.status };
      const existing = await this.accounts.userByEmail(scope, result.reading.email);
      if (existing) result.existingUser = { id: existing.id, role: existing.role, partnerId: existing.partnerId };
      const judged = await this.judge(connection, result.reading);
      if (judged.existing) this.admit(judged.existing, judged.partner?.id ?? null);
    } catch (e) {
      result.refusal = refusalOf(e);
    }
    return result;
  }

  /**
   * The partner the claims name, or a partner's own connection's partner (refused when unknown or
   * not active), and the account their email has, if any. A partner's own connection signs in
   * only emails of the domains that partner has proven: its provider cannot claim (nor squat)
   * an address of another company.
   */
  private async judge(
    connection: SsoConnectionRow,
    claims: SignInClaims,
  ): Promise<{ partner: { id: string } | null; existing: UserRow | null }> {
    const scope = new VendorScope(connection.vendorId);
    let partner: { id: string } | null = null;
    if (connection.partnerId !== null) {
      const found = await this.accounts.partner(scope, connection.partnerId);
      if (!found) throw new SsoRefusedError('partner', `partner ${connection.partnerId} is gone`);
      if (found.status !== 'active') throw new SsoRefusedError('disabled', `partner ${found.id} is ${found.status}`);
      const domain = claims.email.slice(claims.email.lastIndexOf('@') + 1);
      if (!(await this.emailDomains.isVerified(new PartnerScope(connection.vendorId, found.id), domain)))
        throw new SsoRefusedError('domain', `${domain} is not an email domain partner ${found.id} has proven`);
      partner = found;
    } else if (claims.partnerExternalId !== null) {
      const found = await this.accounts.partnerByExternalId(scope, claims.partnerExternalId);
      if (!found) throw new SsoRefusedError('partner', `no partner with external id ${claims.partnerExternalId}`);
      if (found.status !== 'active') throw new SsoRefusedError('disabled', `partner ${found.id} is ${found.status}`);
      partner = found;
    }
    return { partner, existing: (await this.accounts.userByEmail(scope, claims.email)) ?? null };
  }

  /** An account signs in only as what it is: of that partner (or the vendor), and enabled. */
  private admit(user: UserRow, partnerId: string | null): void {
    if (user.partnerId !== partnerId)
      throw new SsoRefusedError(
        'account',
        `user ${user.id} belongs to ${user.partnerId ?? 'the vendor'}, not ${partnerId ?? 'the vendor'}`,
      );
    if (user.disabledAt !== null) throw new SsoRefusedError('disabled', `user ${user.id} is disabled`);
  }

  /**
   * Logs a refusal with its reason and detail, and records it for the connection's admins (a
   * test's refusal is shown to its admin instead); gives the error back to be thrown.
   */
  async refused(connectionId: string | null, e: unknown): Promise<unknown> {
    if (e instanceof SsoRefusedError) {
      this.logger.warn(
        `Single sign-on refused (${e.reason}) through connection ${connectionId ?? 'unknown'}: ${e.detail}`,
      );
      if (connectionId) await this.refusals.recordForSystem(connectionId, e.reason, e.detail);
    }
    return e;
  }
}
