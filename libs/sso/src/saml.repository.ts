import { Injectable } from '@nestjs/common';
import { Database } from '@tcma/persistence';

/**
 * SAML's one-time records: the AuthnRequests awaiting their answer (`InResponseTo`) and the
 * assertions already used (replays), keyed by connection, each row with its expiry (the sweep
 * role's housekeeping removes expired ones). Every method is a ForSystem one: a sign-in names
 * its connection by id before anyone is known.
 */
@Injectable()
export class SamlRepository {
  constructor(private readonly db: Database) {}

  async savePendingRequestForSystem(connectionId: string, requestId: string, expiresAt: Date): Promise<void> {
    await this.db
      .insertInto('samlRequests')
      .values({ connectionId, requestId, expiresAt })
      .onConflict((oc) => oc.columns(['connectionId', 'requestId']).doNothing())
      .execute();
  }

  /** When the request expires, if it is still awaited. */
  async pendingRequestForSystem(connectionId: string, requestId: string, now: Date): Promise<Date | null> {
    const row = await this.db
      .selectFrom('samlRequests')
      .select('expiresAt')
      .where('connectionId', '=', connectionId)
      .where('requestId', '=', requestId)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    return row ? new Date(row.expiresAt) : null;
  }

  async removePendingRequestForSystem(connectionId: string, requestId: string): Promise<boolean> {
    const removed = await this.db
      .deleteFrom('samlRequests')
      .where('connectionId', '=', connectionId)
      .where('requestId', '=', requestId)
      .executeTakeFirst();
    return removed.numDeletedRows > 0n;
  }

  /**
   * Records an assertion as used; false when it was already (a replay). The primary key decides,
   * so two posts of the same assertion at the same moment cannot both pass.
   */
  async consumeAssertionForSystem(connectionId: string, assertionId: string, expiresAt: Date): Promise<boolean> {
    const made = await this.db
      .insertInto('samlAssertions')
      .values({ connectionId, assertionId, expiresAt })
      .onConflict((oc) => oc.columns(['connectionId', 'assertionId']).doNothing())
      .returning('assertionId')
      .executeTakeFirst();
    return made !== undefined;
  }
}
