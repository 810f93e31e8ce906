import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { headerSafeName } from '@tcma/email-address';
import { AppConfig } from '@tcma/config';
import { OutboxTags, TransportRegistry, vendorSendingDomain } from '@tcma/delivery';
import { VendorScope } from '@tcma/persistence';
import { VendorsRepository } from '@tcma/tenancy';
import { EmailBrand, VendorBrandsService } from '@tcma/vendor-brands';
import { randomBytes } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import { checkedNotice, Notice } from './notice';

export interface SentNotice {
  messageId: string;
  /** Where it went: an SMTP host or "the local outbox". */
  via: string;
}

/** The local part of a notice's From address, at the vendor's sending domain. */
export const NOTICE_LOCAL_PART = 'notices';

/**
 * Sends the engine's own transactional email on a vendor's behalf, through the vendor's
 * delivery: its sending configuration (SMTP, DKIM) when it has one, else SMTP_URL, else the
 * local outbox. From is "<vendor's display name>" <notices@<vendor's sending domain>>: the
 * vendor's brand (else its name) is who the reader knows, never the engine's. Notices are sent at once (no queue, no rate bucket): they are few
 * and a person is waiting for each.
 */
@Injectable()
export class NoticeMailer {
  private readonly logger = new Logger(NoticeMailer.name);

  constructor(
    private readonly transports: TransportRegistry,
    private readonly vendors: VendorsRepository,
    private readonly brands: VendorBrandsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The vendor's brand as its notices carry it: the name to sign with, the logo and colour of an HTML body. */
  brandOf(scope: VendorScope): Promise<EmailBrand> {
    return this.brands.emailBrand(scope);
  }

  /**
   * `about.partnerId`: the partner whose contacts the notice concerns (a lead notice names its
   * prospect): the outbox copy is then that partner's, hidden from the vendor when the partner
   * keeps its contacts private.
   */
  async send(
    scope: VendorScope,
    notice: Notice,
    about: { partnerId: string | null } = { partnerId: null },
  ): Promise<SentNotice> {
    const checked = checkedNotice(notice);
    if (!checked.ok) throw new Error(checked.message);
    const vendor = await this.vendors.find(scope);
    if (!vendor) throw new Error(`Vendor ${scope.vendorId} not found`);
    const domain = vendorSendingDomain(vendor, this.config);
    const { displayName } = await this.brands.emailBrand(scope);
    const transport = await this.transports.forVendor(scope);
    const messageId = `<notice.${randomBytes(12).toString('base64url')}@${domain}>`;
    const { to, subject, text, html } = checked.notice;
    const message: Mail.Options & { tcma: OutboxTags } = {
      from: { name: headerSafeName(displayName), address: `${NOTICE_LOCAL_PART}@${domain}` },
      to,
      subject,
      text,
      ...(html !== undefined ? { html } : {}),
      date: this.clock.now(),
      messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
      ...(transport.dkim ? { dkim: transport.dkim } : {}),
      tcma: { vendorId: scope.vendorId, partnerId: about.partnerId, sendId: null },
    };
    await transport.transporter.sendMail(message);
    this.logger.log(`Notice "${subject}" for vendor ${scope.vendorId} sent through ${transport.label}`);
    return { messageId, via: transport.label };
  }
}
