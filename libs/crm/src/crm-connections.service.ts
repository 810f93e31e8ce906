import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { InvalidError, NotFoundError, UnavailableError } from '@tcma/errors';
import {
  CRM_PROVIDERS,
  CrmConnectionRow,
  CrmProvider,
  Found,
  PageWindow,
  PartnerScope,
  TenantScope,
  VendorScope,
} from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { Actor, PartnersService, scopeOf } from '@tcma/tenancy';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CrmAccess } from './crm-access';
import { CrmActivitiesRepository } from './crm-activities.repository';
import { CrmAdapters } from './crm-adapters';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { CrmError } from './crm-errors';
import { effectiveMapping, mappingProblems } from './crm-fields';
import type { CrmField } from './crm-provider';
import { CrmQueue } from './crm-queue';
import { CrmRecordFilter, CrmRecordsRepository, CrmRecordView } from './crm-records.repository';
import { CRM_STATE_TTL_MS, openCrmState, sealCrmState } from './crm-state';

/** Where the CRM's redirect comes back to the engine. */
export const crmCallbackPath = (provider: CrmProvider) => `/crm/callback/${provider}`;

export interface CrmConnectionView extends Omit<CrmConnectionRow, 'accessTokenSealed' | 'refreshTokenSealed'> {
  /** The mapping in force (the defaults with the connection's own choices). */
  effectiveMapping: Record<string, string>;
}

const same = (a: string, b: string) => {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
};

/**
 * Connecting a partner's CRM (partner users, or a vendor user acting for the partner) or the
 * vendor's own (vendor admins): OAuth with its state and PKCE verifier sealed in the starting
 * browser's cookie for 10 minutes; the field mapping; the ledger's records and their retry.
 */
@Injectable()
export class CrmConnectionsService {
  private readonly logger = new Logger(CrmConnectionsService.name);

  constructor(
    private readonly connections: CrmConnectionsRepository,
    private readonly records: CrmRecordsRepository,
    private readonly activities: CrmActivitiesRepository,
    private readonly partners: PartnersService,
    private readonly adapters: CrmAdapters,
    private readonly access: CrmAccess,
    private readonly queue: CrmQueue,
    private readonly signer: Signer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The CRM's authorization address and the sealed state for the browser's cookie. */
  start(actor: Actor, provider: string): { authorizationUrl: string; stateCookie: string } {
    if (!(CRM_PROVIDERS as readonly string[]).includes(provider)) throw new NotFoundError('CRM');
    const adapter = this.adapters.get(provider as CrmProvider);
    if (!adapter.configured) {
      this.logger.warn(
        `A ${provider} connection was asked for, but ${provider.toUpperCase()}_CLIENT_ID and ${provider.toUpperCase()}_CLIENT_SECRET are not set`,
      );
      throw new InvalidError('This CRM is not set up on this installation', [
        {
          path: 'provider',
          // The setting names are the operator's (logged); whoever asked is told who can fix it.
          message: `${provider} is not set up on this installation: its operator sets its app's client id and secret`,
        },
      ]);
    }
    const scope = scopeOf(actor);
    const state = randomBytes(32).toString('base64url');
    const codeVerifier = randomBytes(32).toString('base64url');
    const stateCookie = sealCrmState(this.signer, {
      provider,
      vendorId: scope.vendorId,
      partnerId: scope.partnerId,
      userId: actor.concierge ? null : actor.userId,
      state,
      codeVerifier,
      expiresAt: this.clock.now().getTime() + CRM_STATE_TTL_MS,
    });
    return {
      authorizationUrl: adapter.authorizationUrl({
        state,
        codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url'),
        redirectUri: this.redirectUri(provider as CrmProvider),
      }),
      stateCookie,
    };
  }

  /** The CRM's redirect back: where to send the browser (the portal's or console's CRM page, with `connected` or `error`). */
  async callback(
    provider: string,
    query: { code?: unknown; state?: unknown; error?: unknown },
    cookie: string | undefined,
  ): Promise<string> {
    const taken = openCrmState(this.signer, cookie, this.clock.now());
    const page = (partnerId: string | null) =>
      `${this.config.publicBaseUrl}${partnerId ? '/portal/crm' : '/console/crm'}`;
    const back = (partnerId: string | null, params: Record<string, string>) =>
      `${page(partnerId)}?${new URLSearchParams(params).toString()}`;
    if (
      !taken ||
      taken.provider !== provider ||
      typeof query.state !== 'string' ||
      query.state.length > 200 ||
      !same(query.state, taken.state)
    )
      return back(taken?.partnerId ?? null, { error: 'invalid_state', provider });
    if (query.error || typeof query.code !== 'string' || !query.code)
      return back(taken.partnerId, { error: 'denied', provider });
    const scope = taken.partnerId ? new PartnerScope(taken.vendorId, taken.partnerId) : new VendorScope(taken.vendorId);
    try {
      const grant = await this.adapters.get(provider as CrmProvider).exchangeCode({
        code: query.code,
        codeVerifier: taken.codeVerifier,
        redirectUri: this.redirectUri(provider as CrmProvider),
      });
      const now = this.clock.now();
      const connection = await this.connections.upsert(
        scope,
        {
          provider: provider as CrmProvider,
          accountId: grant.accountId,
          accountName: grant.accountName.slice(0, 300),
          instanceUrl: grant.instanceUrl,
          accessTokenSealed: this.signer.seal(grant.accessToken),
          refreshTokenSealed: grant.refreshToken ? this.signer.seal(grant.refreshToken) : null,
          expiresAt: grant.expiresAt,
          connectedBy: taken.userId,
        },
        now,
      );
      // Leads that waited while it was broken are written now.
      for (const claims of [this.records.claims, this.activities.claims])
        await claims.resumeConnection(scope, connection.id, now);
      return back(taken.partnerId, { connected: provider });
    } catch (e) {
      if (!(e instanceof CrmError)) throw e;
      this.logger.warn(
        `Connecting ${provider} for ${taken.partnerId ?? `vendor ${taken.vendorId}`} failed: ${e.message}`,
      );
      return back(taken.partnerId, { error: 'exchange_failed', provider });
    }
  }

  async list(actor: Actor): Promise<CrmConnectionView[]> {
    return (await this.connections.listOwn(scopeOf(actor))).map(view);
  }

  /** The CRM's writable contact fields, read from its API (the mapping's choices). */
  async fields(actor: Actor, id: string): Promise<CrmField[]> {
    const connection = await this.own(scopeOf(actor), id);
    try {
      return await this.access.withCall(connection, (call) => this.adapters.get(connection.provider).fields(call));
    } catch (e) {
      if (!(e instanceof CrmError)) throw e;
      throw new UnavailableError(`The CRM's fields could not be read: ${e.message}`);
    }
  }

  async setMapping(actor: Actor, id: string, mapping: Record<string, unknown>): Promise<CrmConnectionView> {
    const scope = scopeOf(actor);
    const connection = await this.own(scope, id);
    const syntax = mappingProblems(mapping, null);
    if (syntax.length) throw new InvalidError('The field mapping cannot be kept', syntax);
    const targets = new Set((await this.fields(actor, id)).map((f) => f.name));
    const problems = mappingProblems(mapping, targets);
    if (problems.length) throw new InvalidError('The field mapping cannot be kept', problems);
    await this.connections.setMapping(scope, connection.id, mapping as Record<string, string>, this.clock.now());
    return view(await this.own(scope, id));
  }

  /** Disconnects: the connection, its ledger and its revenue records are removed (nothing more is written there). */
  async disconnect(actor: Actor, id: string): Promise<void> {
    if (!(await this.connections.delete(scopeOf(actor), id))) throw new NotFoundError('CRM connection');
  }

  /** A connection's records; a partner named in `filter` must be one the actor may see (404 otherwise, as any other tenant's id). */
  async recordsOf(actor: Actor, id: string, filter: CrmRecordFilter, page: PageWindow): Promise<Found<CrmRecordView>> {
    const scope = scopeOf(actor);
    const connection = await this.own(scope, id);
    if (filter.partnerId !== undefined) await this.partners.get(actor, filter.partnerId);
    const found = await this.records.list(scope, connection.id, filter, page);
    const counts = await this.activities.countsOf(
      scope,
      found.items.map((r) => r.id),
    );
    return { ...found, items: found.items.map((r) => ({ ...r, activities: counts.get(r.id)! })) };
  }

  /** A failed record, or its failed milestones (a written record's too), tried again now. */
  async retry(actor: Actor, recordId: string): Promise<void> {
    const scope = scopeOf(actor);
    const now = this.clock.now();
    const row = await this.records.retry(scope, recordId, now);
    const activities = await this.activities.retryOfRecord(scope, recordId, now);
    if (!row && !activities.length) throw new NotFoundError('Failed CRM record');
    if (row) await this.queue.dispatch([row.id]);
    // A milestone whose record is to be written again waits for it (the written record releases it).
    await this.queue.dispatch(
      activities.map((a) => a.id),
      'crmActivities',
    );
  }

  private async own(scope: TenantScope, id: string): Promise<CrmConnectionRow> {
    const connection = await this.connections.findOwn(scope, id);
    if (!connection) throw new NotFoundError('CRM connection');
    return connection;
  }

  private redirectUri(provider: CrmProvider): string {
    return `${this.config.publicBaseUrl}${crmCallbackPath(provider)}`;
  }
}

function view(row: CrmConnectionRow): CrmConnectionView {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { accessTokenSealed, refreshTokenSealed, ...rest } = row;
  return { ...rest, effectiveMapping: effectiveMapping(row.provider, row.fieldMapping) };
}
