import { Injectable, Logger } from '@nestjs/common';
import { SuppressionsRepository, UnsubscribeLinks } from '@tcma/delivery';
import { Clock } from '@tcma/clock';
import { EventsRepository } from '@tcma/tracking';
import { DataSource } from 'typeorm';
import { EnrollmentsRepository } from './enrollments.repository';

export interface UnsubscribeResult {
  email: string;
  alreadyUnsubscribed: boolean;
}

/**
 * One-click unsubscribe: the address is suppressed for the partner that sent the email,
 * at once, and leaves every sequence of that partner. Idempotent.
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
    private readonly dataSource: DataSource,
  ) {}

  async unsubscribe(token: string): Promise<UnsubscribeResult | null> {
    const sendId = this.links.verify(token);
    if (!sendId) return null;
    const rows: Array<{ vendor_id: string; partner_id: string; email: string; email_lower: string }> = await this.dataSource.query(
      'SELECT s.vendor_id, s.partner_id, p.email, p.email_lower FROM sends s JOIN prospects p ON p.id = s.prospect_id WHERE s.id = $1',
      [sendId],
    );
    const send = rows[0];
    if (!send) return null;
    const scope = { vendorId: send.vendor_id, partnerId: send.partner_id, campaignId: null };
    const added = await this.suppressions.add(scope, send.email_lower, 'unsubscribed', sendId);
    if (added) await this.events.recordForSend({ sendId, type: 'unsubscribed', at: this.clock.now() });
    const exited = await this.enrollments.exitForAddress(send.vendor_id, send.partner_id, send.email_lower, 'unsubscribed');
    this.logger.log(`Send ${sendId}: unsubscribed from partner ${send.partner_id}; ${exited} sequences left`);
    return { email: send.email, alreadyUnsubscribed: !added };
  }
}
