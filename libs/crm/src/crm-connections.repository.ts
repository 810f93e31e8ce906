import { Injectable } from '@nestjs/common';
import { CrmConnectionRow, CrmProvider, Database, TenantScope } from '@tcma/persistence';
import { sql } from 'kysely';
import type { RevenueMark } from './crm-provider';

export interface ConnectionGrant {
  provider: CrmProvider;
  accountId: string;
  accountName: string;
  instanceUrl: string | null;
  accessTokenSealed: string;
  refreshTokenSealed: string | null;
  expiresAt: Date | null;
  connectedBy: string | null;
}

export interface SealedTokens {
  accessTokenSealed: string;
  refreshTokenSealed: string | null;
  expiresAt: Date | null;
  /** Given when a refresh names the account's API host anew; else the kept one stays. */
  instanceUrl?: string;
}

/**
 * CRM connections. The owner is the scope: a partner scope's own partner, a vendor scope's
 * vendor (partner null). The …ForSystem methods serve the worker and the CRM's own webhooks,
 * which come with no one signed in.
 */
@Injectable()
export class CrmConnectionsRepository {
  constructor(private readonly db: Database) {}

  listOwn(scope: TenantScope): Promise<CrmConnectionRow[]> {
    return this.db
      .selectFrom('crmConnections')
      .selectAll()
      .where('vendorId', '=', scope.vendorId)
      .where((eb) => (scope.partnerId === null ? eb('partnerId', 'is', null) : eb('partnerId', '=', scope.partnerId)))
      .orderBy('createdAt')
      .execute();
  }

  findOwn(scope: TenantScope, id: string): Promise<CrmConnectionRow | undefined> {
    return this.db
      .selectFrom('crmConnections')
      .selectAll()
      .where('id', '=', id)
      .where('vendorId', '=', scope.vendorId)
      .where((eb) => (scope.partnerId === null ? eb('partnerId', 'is', null) : eb('partnerId', '=', scope.partnerId)))
      .executeTakeFirst();
  }

  /** A new grant for the owner's connection to that CRM: made, or its tokens and account replaced (and working again). */
  async upsert(scope: TenantScope, grant: ConnectionGrant, now: Date): Promise<CrmConnectionRow> {
    return (
      this.db
        .insertInto('crmConnections')
        // Polled revenue starts at the first connection (connecting again keeps the mark: nothing is read twice or missed).
        .values({ ...grant, vendorId: scope.vendorId, partnerId: scope.partnerId, status: 'active', revenueMark: now })
        .onConflict((oc) =>
          oc.columns(['vendorId', 'partnerId', 'provider']).doUpdateSet({
            accountId: grant.accountId,
            accountName: grant.accountName,
            instanceUrl: grant.instanceUrl,
            accessTokenSealed: grant.accessTokenSealed,
            refreshTokenSealed: grant.refreshTokenSealed,
            expiresAt: grant.expiresAt,
            connectedBy: grant.connectedBy,
            status: 'active',
            trouble: null,
            notifiedAt: null,
            refreshingUntil: null,
            updatedAt: now,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow()
    );
  }

  async setMapping(scope: TenantScope, id: string, mapping: Record<string, string>, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('crmConnections')
      .set({ fieldMapping: mapping, updatedAt: now })
      .where('id', '=', id)
      .where('vendorId', '=', scope.vendorId)
      .where((eb) => (scope.partnerId === null ? eb('partnerId', 'is', null) : eb('partnerId', '=', scope.partnerId)))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(scope: TenantScope, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('crmConnections')
      .where('id', '=', id)
      .where('vendorId', '=', scope.vendorId)
      .where((eb) => (scope.partnerId === null ? eb('partnerId', 'is', null) : eb('partnerId', '=', scope.partnerId)))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  findForSystem(id: string): Promise<CrmConnectionRow | undefined> {
    return this.db.selectFrom('crmConnections').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The connections to one CRM account (a webhook names the account, not the owner). */
  byAccountForSystem(provider: CrmProvider, accountId: string): Promise<CrmConnectionRow[]> {
    return this.db
      .selectFrom('crmConnections')
      .selectAll()
      .where('provider', '=', provider)
      .where('accountId', '=', accountId)
      .execute();
  }

  /** Working connections whose token ends before `horizon` (the sweep refreshes them ahead). */
  expiringBeforeForSystem(horizon: Date, limit: number): Promise<CrmConnectionRow[]> {
    return this.db
      .selectFrom('crmConnections')
      .selectAll()
      .where('status', '=', 'active')
      .where('expiresAt', '<', horizon)
      .where('refreshTokenSealed', 'is not', null)
      .orderBy('expiresAt')
      .limit(limit)
      .execute();
  }

  /** Working connections to these CRMs whose won deals were not polled since `dueBefore` (the longest waiting first). */
  duePollForSystem(providers: CrmProvider[], dueBefore: Date, limit: number): Promise<CrmConnectionRow[]> {
    if (!providers.length) return Promise.resolve([]);
    return this.db
      .selectFrom('crmConnections')
      .selectAll()
      .where('status', '=', 'active')
      .where('provider', 'in', providers)
      .where((eb) => eb.or([eb('revenuePolledAt', 'is', null), eb('revenuePolledAt', '<', dueBefore)]))
      .orderBy('revenuePolledAt', (ob) => ob.asc().nullsFirst())
      .limit(limit)
      .execute();
  }

  /** True when this caller polls the connection now (two sweepers never poll one connection at once). */
  async claimPollForSystem(id: string, now: Date, dueBefore: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('crmConnections')
      .set({ revenuePolledAt: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('revenuePolledAt', 'is', null), eb('revenuePolledAt', '<', dueBefore)]))
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Due again at the next sweep (a full page was read: more are waiting). */
  async pollAgainForSystem(id: string): Promise<void> {
    await this.db.updateTable('crmConnections').set({ revenuePolledAt: null }).where('id', '=', id).execute();
  }

  /** The poll's high-water mark moved on (never back: a later time, or the same time and a greater id). */
  async advanceRevenueMarkForSystem(id: string, mark: RevenueMark): Promise<void> {
    await this.db
      .updateTable('crmConnections')
      .set({ revenueMark: mark.at, revenueMarkId: mark.id })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('revenueMark', 'is', null),
          eb('revenueMark', '<', mark.at),
          eb.and([
            eb('revenueMark', '=', mark.at),
            // Byte order ("C"), as Salesforce orders its ids: a collation's would not compare them alike.
            mark.id === null
              ? sql<boolean>`false`
              : eb.or([eb('revenueMarkId', 'is', null), sql<boolean>`revenue_mark_id COLLATE "C" < ${mark.id}`]),
          ]),
        ]),
      )
      .execute();
  }

  /** True when this caller may refresh the token now (no one else is, or the one who was gave up). */
  async claimRefreshForSystem(id: string, now: Date, until: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('crmConnections')
      .set({ refreshingUntil: until })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('refreshingUntil', 'is', null), eb('refreshingUntil', '<', now)]))
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  saveTokensForSystem(id: string, tokens: SealedTokens, now: Date): Promise<CrmConnectionRow | undefined> {
    return this.db
      .updateTable('crmConnections')
      .set({ ...tokens, refreshingUntil: null, updatedAt: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Broken, tokens kept out of use, once: the row when it was working until now (its owner is then told). */
  markBrokenForSystem(id: string, trouble: string, now: Date): Promise<CrmConnectionRow | undefined> {
    return this.db
      .updateTable('crmConnections')
      .set({
        status: 'broken',
        trouble: trouble.slice(0, 500),
        notifiedAt: null,
        refreshingUntil: null,
        updatedAt: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .returningAll()
      .executeTakeFirst();
  }

  /** Takes the right to tell the owner about the trouble (once per trouble). */
  async claimNoticeForSystem(id: string, now: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('crmConnections')
      .set({ notifiedAt: now })
      .where('id', '=', id)
      .where('status', '=', 'broken')
      .where('notifiedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async releaseNoticeForSystem(id: string): Promise<void> {
    await this.db.updateTable('crmConnections').set({ notifiedAt: null }).where('id', '=', id).execute();
  }

  /** Broken connections whose owner was not told yet (a notice that failed is tried again). */
  unnotifiedForSystem(limit: number): Promise<CrmConnectionRow[]> {
    return this.db
      .selectFrom('crmConnections')
      .selectAll()
      .where('status', '=', 'broken')
      .where('notifiedAt', 'is', null)
      .limit(limit)
      .execute();
  }
}
