import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { PartnerScope } from '@tcma/persistence';
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
  ) {}

  async sendDigests(): Promise<{ partners: number; emails: number }> {
    const quiet = await this.pending.quietPartnersForSystem(this.clock.now(), DIGEST_QUIET_MS, DIGEST_PARTNERS);
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
