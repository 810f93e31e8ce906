import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { PartnerScope, SocialConnectionRow } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { SocialConnectionNotices } from './social-connection-notices';
import { SocialConnectionsRepository } from './social-connections.repository';
import { SocialConnectionsService } from './social-connections.service';
import { SocialRejected, SocialUnauthorized } from './social-network';
import { SocialNetworks } from './social-networks';

/** The most connections one sweep looks at (the next sweep takes the rest). */
const SWEEP_BATCH = 200;

export interface SocialSweepReport {
  refreshed: number;
  broken: number;
  expiring: number;
  notified: number;
}

/**
 * Keeps connections working ahead of time (the sweep role, on the injected clock): a token
 * with less than SOCIAL_REFRESH_AHEAD_HOURS of life left is refreshed; a refresh the network
 * refuses (401, invalid_grant) breaks the connection; a token that cannot be refreshed and ends
 * within SOCIAL_EXPIRY_NOTICE_DAYS makes it `expiring`, and one past its end `broken`. The
 * partner's users are told once per trouble.
 */
@Injectable()
export class SocialConnectionsSweep {
  private readonly logger = new Logger(SocialConnectionsSweep.name);

  constructor(
    private readonly connections: SocialConnectionsRepository,
    private readonly service: SocialConnectionsService,
    private readonly networks: SocialNetworks,
    private readonly notices: SocialConnectionNotices,
    private readonly signer: Signer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<SocialSweepReport> {
    const now = this.clock.now();
    const report: SocialSweepReport = { refreshed: 0, broken: 0, expiring: 0, notified: 0 };
    const horizon = new Date(
      now.getTime() + Math.max(this.config.social.refreshAheadMs, this.config.social.expiryNoticeMs),
    );
    for (const connection of await this.connections.expiringBeforeForSystem(horizon, SWEEP_BATCH)) {
      const outcome = await this.keep(connection, now);
      if (outcome) report[outcome] += 1;
    }
    await this.connections.deleteExpiredAuthorizationsForSystem(now);
    // Troubles not told yet: the ones just found, and notices that failed before.
    for (const connection of await this.connections.unnotifiedTroubleForSystem(SWEEP_BATCH))
      report.notified += (await this.notices.tell(connection)) > 0 ? 1 : 0;
    return report;
  }

  private async keep(connection: SocialConnectionRow, now: Date): Promise<'refreshed' | 'broken' | 'expiring' | null> {
    const scope = new PartnerScope(connection.vendorId, connection.partnerId);
    const expiresAt = new Date(connection.expiresAt!).getTime();
    const adapter = this.networks.get(connection.network);
    const refreshUsable =
      adapter.refreshable &&
      connection.refreshTokenSealed !== null &&
      (connection.refreshExpiresAt === null || new Date(connection.refreshExpiresAt).getTime() > now.getTime());
    // Short-lived tokens (X: two hours) are refreshed at half their life, not at every sweep.
    const issuedAt = connection.refreshedAt ? new Date(connection.refreshedAt).getTime() : null;
    const ahead =
      issuedAt !== null && expiresAt > issuedAt
        ? Math.min(this.config.social.refreshAheadMs, (expiresAt - issuedAt) / 2)
        : this.config.social.refreshAheadMs;
    if (refreshUsable && expiresAt - now.getTime() < ahead) {
      // Another sweeper is refreshing it: leave it to that one.
      if (
        !(await this.connections.claimRefresh(
          scope,
          connection.id,
          now,
          new Date(now.getTime() + 2 * this.config.social.timeoutMs),
        ))
      )
        return null;
      try {
        const tokens = await adapter.refresh({ refreshToken: this.signer.unseal(connection.refreshTokenSealed!) });
        await this.connections.saveTokens(
          scope,
          connection.id,
          {
            accessTokenSealed: this.signer.seal(tokens.accessToken),
            // A network that does not send a new refresh token keeps the old one working.
            refreshTokenSealed: tokens.refreshToken
              ? this.signer.seal(tokens.refreshToken)
              : connection.refreshTokenSealed,
            expiresAt: tokens.expiresAt,
            refreshExpiresAt: tokens.refreshExpiresAt ?? (tokens.refreshToken ? null : connection.refreshExpiresAt),
          },
          now,
        );
        return 'refreshed';
      } catch (e) {
        if (e instanceof SocialUnauthorized || e instanceof SocialRejected) {
          await this.service.markBroken(scope, connection.id, `The refresh was refused: ${e.message}`);
          return 'broken';
        }
        // Unreachable or rate limited: the next sweep tries again while the token still works.
        this.logger.warn(`Refreshing social connection ${connection.id} failed, will retry: ${(e as Error).message}`);
        await this.connections.noteError(scope, connection.id, (e as Error).message);
        if (expiresAt > now.getTime()) return null;
      }
    }
    if (refreshUsable && expiresAt > now.getTime()) return null;
    if (expiresAt <= now.getTime()) {
      await this.service.markBroken(scope, connection.id, `The access expired on ${new Date(expiresAt).toISOString()}`);
      return 'broken';
    }
    if (connection.status === 'expiring' || expiresAt - now.getTime() >= this.config.social.expiryNoticeMs) return null;
    const row = await this.connections.setTrouble(
      scope,
      connection.id,
      'expiring',
      `The access ends on ${new Date(expiresAt).toISOString()} and cannot be renewed without the partner`,
      now,
    );
    if (row) await this.notices.tell(row);
    return 'expiring';
  }
}
