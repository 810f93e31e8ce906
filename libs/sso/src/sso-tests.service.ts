import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '@tcma/errors';
import { SsoRefusalRow, VendorScope } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { Actor, scopeOf } from '@tcma/tenancy';
import { SsoConnectionsRepository } from './sso-connections.repository';
import { SSO_REFUSALS_SHOWN, SsoRefusalsRepository } from './sso-refusals.repository';
import { sealTestTicket, SSO_TEST_TTL_MS, type SsoTestResult } from './sso-test';
import { SsoTestResults } from './sso-test-results';

/**
 * What an admin (the vendor's, or a partner's for its own connections) reads to find out why a connection does not sign someone in: its recent
 * refusals, and "Test sign-in" from the console: a vendor admin goes through a connection's provider as a
 * user would, and sees the claims it sends and what the engine would do with them, with
 * nobody signed in and nothing provisioned. The start address carries a sealed ticket naming
 * the admin and the connection for SSO_TEST_TTL_MS; the result is kept for the admin alone.
 */
@Injectable()
export class SsoTestsService {
  constructor(
    private readonly connections: SsoConnectionsRepository,
    private readonly results: SsoTestResults,
    private readonly refusals: SsoRefusalsRepository,
    private readonly signer: Signer,
    private readonly clock: Clock,
  ) {}

  /** The address the admin's browser goes to: the connection's start, with the test's ticket. */
  async start(actor: Actor, id: string): Promise<{ startUrl: string }> {
    if (actor.concierge) throw new ForbiddenError('Connections are tested and read by their own admins');
    const connection = await this.connections.find(scopeOf(actor), id);
    if (!connection) throw new NotFoundError('Connection');
    // A connection that is off refuses every sign-in, a test's too: say so here, not at the provider's return.
    if (!connection.enabled) throw new ConflictError('Turn the connection on to test it');
    const ticket = sealTestTicket(this.signer, {
      connectionId: connection.id,
      userId: actor.userId,
      expiresAt: this.clock.now().getTime() + SSO_TEST_TTL_MS,
    });
    const base =
      connection.protocol === 'saml' ? `/auth/saml/${connection.id}/start` : `/auth/sso/${connection.id}/start`;
    return { startUrl: `${base}?${new URLSearchParams({ test: ticket }).toString()}` };
  }

  async result(actor: Actor, id: string, resultId: string): Promise<SsoTestResult> {
    if (actor.concierge) throw new ForbiddenError('Connections are tested and read by their own admins');
    const connection = await this.connections.find(scopeOf(actor), id);
    const result = connection ? await this.results.read(actor.userId, connection.id, resultId) : null;
    if (!result) throw new NotFoundError('Test sign-in result');
    return result;
  }

  /** The connection's refusals of the last SSO_REFUSAL_RETENTION_DAYS, newest first (SSO_REFUSALS_SHOWN at most). */
  async recentRefusals(actor: Actor, id: string): Promise<SsoRefusalRow[]> {
    if (actor.concierge) throw new ForbiddenError('Connections are tested and read by their own admins');
    if (!(await this.connections.find(scopeOf(actor), id))) throw new NotFoundError('Connection');
    return this.refusals.recent(new VendorScope(actor.vendorId), id, SSO_REFUSALS_SHOWN);
  }
}
