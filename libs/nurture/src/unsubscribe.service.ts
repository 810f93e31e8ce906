import { Injectable, Logger } from '@nestjs/common';
import { ConsentRepository } from '@tcma/audience';
import { SuppressionsRepository, UnsubscribeLinks } from '@tcma/delivery';
import { Clock } from '@tcma/clock';
import { EventsRepository } from '@tcma/tracking';
import { PartnerScope } from '@tcma/persistence';
import { WebhookDispatcher } from '@tcma/webhooks';
import { EnrollmentsRepository } from './enrollments.repository';
import { SendLedgerRepository } from './send-ledger.repository';

export interface UnsubscribeResult {
  email: string;
  alreadyUnsubscribed: boolean;
}

/** What an unsubscribe link is about, without acting on it. */
export interface UnsubscribeLinkState {
  email: string;
  unsubscribed: boolean;
}

/**
 * Unsubscribing from a link in an email. Only an explicit request acts (RFC 8058's one-click
 * POST, or the confirmation page's own button): mail gateways and scanners fetch every link
 * of a message, so reading the link (GET, HEAD) must never unsubscribe anyone. Unsubscribing
 * suppresses the address for the partner that sent the email, at once, and takes it out of
 * every sequence of that partner. Idempotent.
 */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger(UnsubscribeService.name);

  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly suppressions: SuppressionsRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly events: EventsRepository,
    private readonly clock: Clock,
    private readonly ledger: SendLedgerRepository,
    private readonly consent: ConsentRepository,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  /** The address of a genuine link and whether it is unsubscribed already; changes nothing. */
  async describe(token: string): Promise<UnsubscribeLinkState | null> {
    const sendId = this.links.verify(token);
    const send = sendId ? await this.ledger.recipientForSystem(sendId) : null;
    if (!send) return null;
    const unsubscribed = await this.suppressions.covers(new PartnerScope(send.vendorId, send.partnerId), send.emailLower);
    return { email: send.email, unsubscribed };
  }

  async unsubscribe(token: string): Promise<UnsubscribeResult | null> {
    const sendId = this.links.verify(token);
    if (!sendId) return null;
    const send = await this.ledger.recipientForSystem(sendId);
    if (!send) return null;
    // The signed send names the tenant: everything below is that partner's.
    const scope = new PartnerScope(send.vendorId, send.partnerId);
    const added = await this.suppressions.add(scope, null, send.emailLower, 'unsubscribed', sendId);
    if (added) {
      const at = this.clock.now();
      await this.events.recordSendEventForSystem({ sendId, type: 'unsubscribed', at });
      // The consent history says when and how consent was withdrawn; subscribed webhooks hear of it.
      await this.consent.withdrawByAddress(scope, send.emailLower, 'unsubscribe', at);
      await this.webhooks.dispatch(await this.webhooks.record(scope, 'unsubscribed', { partnerId: send.partnerId, prospect: { email: send.email } }, at, true));
    }
    const exited = await this.enrollments.exitForAddress(scope, send.emailLower, 'unsubscribed');
    this.logger.log(`Send ${sendId}: unsubscribed from partner ${send.partnerId}; ${exited} sequences left`);
    return { email: send.email, alreadyUnsubscribed: !added };
  }
}
