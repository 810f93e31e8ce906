import { Injectable } from '@nestjs/common';
import {
  Database,
  Found,
  PageWindow,
  partnerOwned,
  PartnerScope,
  SocialConnectionRow,
  SocialConnectionStatus,
  SocialNetwork,
  TenantScope,
} from '@tcma/persistence';

export interface NewAuthorization {
  stateHash: string;
  network: SocialNetwork;
  codeVerifierSealed: string;
  userId: string | null;
  expiresAt: Date;
}

export interface ConnectionTokens {
  accessTokenSealed: string;
  refreshTokenSealed: string | null;
  expiresAt: Date | null;
  refreshExpiresAt: Date | null;
}

export interface AuthorizationTaken {
  vendorId: string;
  partnerId: string;
  network: SocialNetwork;
  codeVerifierSealed: string;
  userId: string | null;
  expiresAt: Date;
}

/** Social connections and the authorizations under way; a partner scope sees its partner's only, a vendor scope its partners'. */
@Injectable()
export class SocialConnectionsRepository {
  constructor(private readonly db: Database) {}

  async createAuthorization(scope: PartnerScope, authorization: NewAuthorization): Promise<void> {
    await this.db
      .insertInto('socialAuthorizations')
      .values({ ...authorization, vendorId: scope.vendorId, partnerId: scope.partnerId })
      .execute();
  }

  /**
   * Takes (deletes) the authorization a state names, whoever's it is: the network's redirect
   * carries no credential, the state is what identifies it. Single use: a second take finds nothing.
   */
  async takeAuthorizationForSystem(stateHash: string): Promise<AuthorizationTaken | null> {
    const row = await this.db
      .deleteFrom('socialAuthorizations')
      .where('stateHash', '=', stateHash)
      .returning(['vendorId', 'partnerId', 'network', 'codeVerifierSealed', 'userId', 'expiresAt'])
      .executeTakeFirst();
    return row ? { ...row, expiresAt: new Date(row.expiresAt) } : null;
  }

  /** Authorizations never completed, expired before `before`. */
  async deleteExpiredAuthorizationsForSystem(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('socialAuthorizations').where('expiresAt', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The account connected (again): a connection of the same account is given its new tokens and works again. */
  async upsert(
    scope: PartnerScope,
    connection: ConnectionTokens & {
      network: SocialNetwork;
      accountId: string;
      accountName: string;
      connectedBy: string | null;
    },
    at: Date,
  ): Promise<SocialConnectionRow> {
    const fresh = {
      ...connection,
      status: 'active' as const,
      lastError: null,
      notifiedAt: null,
      refreshedAt: at,
      revokedAt: null,
    };
    return this.db
      .insertInto('socialConnections')
      .values({ ...fresh, vendorId: scope.vendorId, partnerId: scope.partnerId })
      .onConflict((oc) =>
        oc.columns(['partnerId', 'network', 'accountId']).doUpdateSet({ ...fresh, updatedAt: new Date() }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async list(scope: TenantScope, page: PageWindow): Promise<Found<SocialConnectionRow>> {
    const base = this.db.selectFrom('socialConnections').where((eb) => partnerOwned(eb, scope, 'socialConnections'));
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('createdAt').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  async find(scope: TenantScope, id: string): Promise<SocialConnectionRow | null> {
    return (
      (await this.db
        .selectFrom('socialConnections')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
        .executeTakeFirst()) ?? null
    );
  }

  async delete(scope: TenantScope, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('socialConnections')
      .where('id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** New tokens after a refresh; a connection disconnected meanwhile stays disconnected (null). */
  async saveTokens(
    scope: TenantScope,
    id: string,
    tokens: ConnectionTokens,
    at: Date,
  ): Promise<SocialConnectionRow | null> {
    return (
      (await this.db
        .updateTable('socialConnections')
        .set({
          ...tokens,
          status: 'active',
          lastError: null,
          notifiedAt: null,
          refreshedAt: at,
          refreshClaimedUntil: null,
          updatedAt: at,
        })
        .where('id', '=', id)
        .where('status', '!=', 'revoked')
        .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /** Claims the refresh of a connection until `until`: true for one sweeper only, until the claim lapses or the tokens are saved. */
  async claimRefresh(scope: TenantScope, id: string, now: Date, until: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('socialConnections')
      .set({ refreshClaimedUntil: until })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('refreshClaimedUntil', 'is', null), eb('refreshClaimedUntil', '<', now)]))
      .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
      .returning('id')
      .executeTakeFirst();
    return !!row;
  }

  /**
   * Disconnected by the partner: `revoked`, its tokens wiped, a notice of its own to come (when a
   * post due on it fails). The row as it is now, or null when not found.
   */
  async markRevoked(scope: TenantScope, id: string, reason: string, at: Date): Promise<SocialConnectionRow | null> {
    return (
      (await this.db
        .updateTable('socialConnections')
        .set({
          status: 'revoked',
          accessTokenSealed: null,
          refreshTokenSealed: null,
          revokedAt: at,
          lastError: reason.slice(0, 1000),
          notifiedAt: null,
          refreshClaimedUntil: null,
          updatedAt: at,
        })
        .where('id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /** What disconnecting did at the network, once it answered (the reason of a revoked connection). */
  async noteRevocation(scope: TenantScope, id: string, outcome: string): Promise<SocialConnectionRow | null> {
    return (
      (await this.db
        .updateTable('socialConnections')
        .set({ lastError: outcome.slice(0, 1000) })
        .where('id', '=', id)
        .where('status', '=', 'revoked')
        .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /** Records a trouble (broken or expiring) with its reason; the row as it is now, or null when not found or disconnected. */
  async setTrouble(
    scope: TenantScope,
    id: string,
    status: Extract<SocialConnectionStatus, 'broken' | 'expiring'>,
    reason: string,
    at: Date,
  ): Promise<SocialConnectionRow | null> {
    return (
      (await this.db
        .updateTable('socialConnections')
        .set({ status, lastError: reason.slice(0, 1000), updatedAt: at })
        .where('id', '=', id)
        .where('status', '!=', 'revoked')
        .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /** Notes a transient failure (a refresh that could not reach the network) without changing the status. */
  async noteError(scope: TenantScope, id: string, error: string): Promise<void> {
    await this.db
      .updateTable('socialConnections')
      .set({ lastError: error.slice(0, 1000) })
      .where('id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
      .execute();
  }

  /** Claims the notice of the connection's current trouble (revoked: a post failed on it): true once per trouble (notified_at is cleared when it works again). */
  async claimNotice(scope: TenantScope, id: string, at: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('socialConnections')
      .set({ notifiedAt: at })
      .where('id', '=', id)
      .where('notifiedAt', 'is', null)
      .where('status', 'in', ['broken', 'expiring', 'revoked'])
      .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
      .returning('id')
      .executeTakeFirst();
    return !!row;
  }

  /** Working connections (every vendor's) whose access token expires before `before`: to refresh, or to announce. */
  async expiringBeforeForSystem(before: Date, limit: number): Promise<SocialConnectionRow[]> {
    return this.db
      .selectFrom('socialConnections')
      .selectAll()
      .where('status', 'in', ['active', 'expiring'])
      .where('expiresAt', 'is not', null)
      .where('expiresAt', '<', before)
      .orderBy('expiresAt')
      .limit(limit)
      .execute();
  }

  /** Connections in trouble whose partner has not been told yet (a notice that failed is tried again). */
  async unnotifiedTroubleForSystem(limit: number): Promise<SocialConnectionRow[]> {
    return this.db
      .selectFrom('socialConnections')
      .selectAll()
      .where('status', 'in', ['broken', 'expiring'])
      .where('notifiedAt', 'is', null)
      .orderBy('updatedAt')
      .limit(limit)
      .execute();
  }

  /** Gives a claimed notice back (it could not be sent): the next sweep tries again. */
  async releaseNotice(scope: TenantScope, id: string): Promise<void> {
    await this.db
      .updateTable('socialConnections')
      .set({ notifiedAt: null })
      .where('id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'socialConnections'))
      .execute();
  }
}
