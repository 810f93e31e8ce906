import { Injectable, Logger } from '@nestjs/common';
import { SsoConnectionRow, SsoProtocol, UserRow, VendorScope } from '@tcma/persistence';
import { SsoAccountsRepository } from './sso-accounts.repository';
import { SignInClaims, SsoRefusedError } from './sso-claims';
import { SsoConnectionsRepository } from './sso-connections.repository';

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
  ) {}

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
      throw this.refused(
        connectionId,
        new SsoRefusedError('connection', 'unknown, off, of the other protocol, or another vendor’s'),
      );
    return connection;
  }

  /**
   * The user the claims name in the connection's vendor: found by email, of the connection's
   * kind (and partner) only, or provisioned. Existing users keep their role.
   */
  async account(scope: VendorScope, claims: SignInClaims): Promise<UserRow> {
    let partnerId: string | null = null;
    if (claims.partnerExternalId !== null) {
      const partner = await this.accounts.partnerByExternalId(scope, claims.partnerExternalId);
      if (!partner) throw new SsoRefusedError('partner', `no partner with external id ${claims.partnerExternalId}`);
      if (partner.status !== 'active')
        throw new SsoRefusedError('disabled', `partner ${partner.id} is ${partner.status}`);
      partnerId = partner.id;
    }
    const existing = await this.accounts.userByEmail(scope, claims.email);
    const user =
      existing ??
      (await this.accounts.provision(scope, { email: claims.email, name: claims.name, role: claims.role, partnerId }));
    if (user.partnerId !== partnerId)
      throw new SsoRefusedError(
        'account',
        `user ${user.id} belongs to ${user.partnerId ?? 'the vendor'}, not ${partnerId ?? 'the vendor'}`,
      );
    if (user.disabledAt !== null) throw new SsoRefusedError('disabled', `user ${user.id} is disabled`);
    return user;
  }

  /** Logs a refusal with its reason and detail; gives the error back to be thrown. */
  refused(connectionId: string | null, e: unknown): unknown {
    if (e instanceof SsoRefusedError)
      this.logger.warn(
        `Single sign-on refused (${e.reason}) through connection ${connectionId ?? 'unknown'}: ${e.detail}`,
      );
    return e;
  }
}
