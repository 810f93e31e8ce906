import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { CrmConnectionRow } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { CrmAdapters } from './crm-adapters';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { CrmNotices } from './crm-notices';
import { CrmError, CrmRejected, CrmUnauthorized, CrmUnavailable } from './crm-errors';
import type { CrmCall } from './crm-provider';

/**
 * A connection's working access token: refreshed once less than CRM_REFRESH_AHEAD_MINUTES of
 * its life is left (one refresher at a time; the others keep using the old token while it lives),
 * or once after a 401 (withCall); a refused refresh, or a 401 again with the new token, breaks the
 * connection and tells its owner once.
 */
@Injectable()
export class CrmAccess {
  private readonly logger = new Logger(CrmAccess.name);

  constructor(
    private readonly connections: CrmConnectionsRepository,
    private readonly adapters: CrmAdapters,
    private readonly notices: CrmNotices,
    private readonly signer: Signer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The call credentials, refreshed ahead of expiry; throws CrmUnauthorized when the connection is broken. */
  async callFor(connection: CrmConnectionRow): Promise<CrmCall> {
    if (connection.status !== 'active' || connection.accessTokenSealed === null)
      throw new CrmUnauthorized(connection.trouble ?? 'The CRM connection is broken: connect it again');
    const now = this.clock.now();
    const expiresAt = connection.expiresAt ? new Date(connection.expiresAt).getTime() : null;
    if (expiresAt !== null && expiresAt - now.getTime() < this.config.crm.refreshAheadMs) {
      const refreshed = await this.refresh(connection, now);
      if (refreshed) return refreshed;
      // Someone else is refreshing: the old token serves while it lives.
      if (expiresAt <= now.getTime()) throw new CrmUnavailable('The access token is being refreshed');
    }
    return { accessToken: this.signer.unseal(connection.accessTokenSealed), instanceUrl: connection.instanceUrl };
  }

  /**
   * `fn` with the connection's credentials; a 401 first tries one refresh and `fn` once more with
   * the new token (Salesforce sessions time out with no expiry told), so only a refused refresh
   * or a second 401 breaks the connection. `fn` may run twice: it keeps its own progress.
   */
  async withCall<T>(connection: CrmConnectionRow, fn: (call: CrmCall) => Promise<T>): Promise<T> {
    const call = await this.callFor(connection);
    try {
      return await fn(call);
    } catch (e) {
      if (!(e instanceof CrmUnauthorized) || connection.refreshTokenSealed === null) throw e;
      this.logger.log(`CRM connection ${connection.id} (${connection.provider}): 401, refreshing once`);
      const refreshed = await this.refresh(connection, this.clock.now());
      if (!refreshed) throw new CrmUnavailable('The access token is being refreshed');
      return fn(refreshed);
    }
  }

  /** The new credentials, or null when another caller holds the refresh. */
  async refresh(connection: CrmConnectionRow, now: Date): Promise<CrmCall | null> {
    if (connection.refreshTokenSealed === null) return null;
    const until = new Date(now.getTime() + 2 * this.config.crm.timeoutMs);
    if (!(await this.connections.claimRefreshForSystem(connection.id, now, until))) return null;
    try {
      const tokens = await this.adapters
        .get(connection.provider)
        .refresh(this.signer.unseal(connection.refreshTokenSealed));
      await this.connections.saveTokensForSystem(
        connection.id,
        {
          accessTokenSealed: this.signer.seal(tokens.accessToken),
          refreshTokenSealed: tokens.refreshToken
            ? this.signer.seal(tokens.refreshToken)
            : connection.refreshTokenSealed,
          expiresAt: tokens.expiresAt,
          ...(tokens.refreshedInstanceUrl ? { instanceUrl: tokens.refreshedInstanceUrl } : {}),
        },
        this.clock.now(),
      );
      return { accessToken: tokens.accessToken, instanceUrl: tokens.refreshedInstanceUrl ?? connection.instanceUrl };
    } catch (e) {
      if (e instanceof CrmUnauthorized || e instanceof CrmRejected) {
        await this.markBroken(connection, `The refresh was refused: ${e.message}`);
        throw new CrmUnauthorized(e.message);
      }
      await this.connections.saveTokensForSystem(
        connection.id,
        {
          accessTokenSealed: connection.accessTokenSealed!,
          refreshTokenSealed: connection.refreshTokenSealed,
          expiresAt: connection.expiresAt,
        },
        this.clock.now(),
      );
      if (e instanceof CrmError) throw e;
      throw new CrmUnavailable((e as Error).message);
    }
  }

  /** Broken (once), and its owner told. */
  async markBroken(connection: CrmConnectionRow, trouble: string): Promise<void> {
    const broken = await this.connections.markBrokenForSystem(connection.id, trouble, this.clock.now());
    if (!broken) return;
    this.logger.warn(`CRM connection ${connection.id} (${connection.provider}) broke: ${trouble}`);
    await this.notices.tell(broken);
  }
}
