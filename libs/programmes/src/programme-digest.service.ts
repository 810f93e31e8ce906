import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { PartnerScope } from '@tcma/persistence';
import { RedisClient } from '@tcma/queue';
import { PendingLaunchesRepository } from './pending-launches.repository';
import { PendingLaunchNotifier } from './pending-launch-notifier.service';

/** A partner that has started no launch for this long gets the weekly digest of what waits for it. */
export const DIGEST_QUIET_MS = 7 * 86_400_000;
/** Partners one digest run writes to, at most. */
const DIGEST_PARTNERS = 5000;

/** The weekly digest ("3 new campaigns are ready for you") to partners that have not launched in a while. */
@Injectable()
export class ProgrammeDigestService {
  private readonly logger = new Logger(ProgrammeDigestService.name);

  constructor(
    private readonly pending: PendingLaunchesRepository,
    private readonly notifier: PendingLaunchNotifier,
    private readonly clock: Clock,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /**
   * Every sweep-role worker runs the cron: the first to claim the day (a Redis key kept six
   * days) sends, the others send nothing.
   */
  async sendDigests(): Promise<{ partners: number; emails: number }> {
    const now = this.clock.now();
    const claimed = await this.redis.redis.set(
      `${this.config.queuePrefix}:programme-digest:${now.toISOString().slice(0, 10)}`,
      String(process.pid),
      'EX',
      6 * 86_400,
      'NX',
    );
    if (claimed !== 'OK') return { partners: 0, emails: 0 };
    const quiet = await this.pending.quietPartnersForSystem(now, DIGEST_QUIET_MS, DIGEST_PARTNERS);
    let emails = 0;
    for (const p of quiet) {
      emails += (
        await this.notifier.digest(new PartnerScope(p.vendorId, p.partnerId)).catch((e: Error) => {
          this.logger.error(`Digest for partner ${p.partnerId} failed: ${e.message}`);
          return { sent: 0 };
        })
      ).sent;
    }
    if (quiet.length) this.logger.log(`Weekly digest: ${emails} emails to ${quiet.length} partners`);
    return { partners: quiet.length, emails };
  }
}
