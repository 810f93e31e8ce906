import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { DnsCheckReport, SendingConfigsService, SendingDnsCheckService } from '@tcma/delivery';
import { InvalidError, NotFoundError } from '@tcma/errors';
import { VendorScope } from '@tcma/persistence';
import { Actor, isPartnerRole } from '@tcma/tenancy';
import { remindAgainAt } from './remind-again';
import { IdlePartner, NetworkCounts, ResultCounts, TopCampaign, VendorHomeRepository } from './vendor-home.repository';

/** The period the vendor home looks back over. */
export const VENDOR_HOME_DAYS = 30;
/** A partner with no launch for this many days (or none ever) is idle, and may be reminded. */
export const VENDOR_HOME_IDLE_DAYS = 60;
/** Campaigns listed in each top list. */
export const VENDOR_HOME_TOP_CAMPAIGNS = 5;
/** Idle partners listed (the total says how many there are). */
export const VENDOR_HOME_IDLE_PARTNERS = 10;

export interface SendingHealth {
  /** The vendor's own SMTP server is set (else nothing is sent). */
  smtp: boolean;
  sendingDomain: string | null;
  /** A DKIM key signs the vendor's mail. */
  dkim: boolean;
  /** The DNS records of the sending domain, looked up now; null when there is no domain to check. */
  dns: DnsCheckReport | null;
  /** Bounces and complaints in the period, and their share of what was sent. */
  bounced: number;
  complaints: number;
  bounceRate: number | null;
  complaintRate: number | null;
}

export interface VendorHome {
  since: Date;
  days: number;
  network: NetworkCounts;
  results: Omit<ResultCounts, 'sent' | 'bounced' | 'complaints'>;
  topCampaigns: { byLaunches: TopCampaign[]; byClicks: TopCampaign[] };
  idlePartners: { items: Array<IdlePartner & { remindAgainAt: Date | null }>; total: number; idleDays: number };
  sending: SendingHealth;
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

/**
 * The vendor home: the network at a glance over the last 30 days, the campaigns that work, the
 * partners to nudge, and whether the vendor's mail gets through. Vendor users only: a partner's
 * user gets 404, as for any page that is not theirs.
 */
@Injectable()
export class VendorHomeService {
  constructor(
    private readonly home: VendorHomeRepository,
    private readonly sendingConfigs: SendingConfigsService,
    private readonly dnsCheck: SendingDnsCheckService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor): Promise<VendorHome> {
    if (isPartnerRole(actor.role)) throw new NotFoundError('Vendor home');
    const scope = new VendorScope(actor.vendorId);
    const now = this.clock.now().getTime();
    const since = new Date(now - VENDOR_HOME_DAYS * 86_400_000);
    const sinceDay = since.toISOString().slice(0, 10);
    const idleSince = new Date(now - VENDOR_HOME_IDLE_DAYS * 86_400_000);
    const [network, results, byLaunches, byClicks, idle, sending] = await Promise.all([
      this.home.network(scope, since),
      this.home.results(scope, since, sinceDay),
      this.home.topByLaunches(scope, since, VENDOR_HOME_TOP_CAMPAIGNS),
      this.home.topByClicks(scope, sinceDay, VENDOR_HOME_TOP_CAMPAIGNS),
      this.home.idlePartners(scope, idleSince, VENDOR_HOME_IDLE_PARTNERS),
      this.sending(actor),
    ]);
    const { sent, bounced, complaints, ...shown } = results;
    return {
      since,
      days: VENDOR_HOME_DAYS,
      network,
      results: shown,
      topCampaigns: { byLaunches, byClicks },
      idlePartners: {
        ...idle,
        items: idle.items.map((p) => ({ ...p, remindAgainAt: remindAgainAt(p.lastRemindedAt, new Date(now)) })),
        idleDays: VENDOR_HOME_IDLE_DAYS,
      },
      sending: {
        ...sending,
        bounced,
        complaints,
        bounceRate: rate(bounced, sent),
        complaintRate: rate(complaints, sent),
      },
    };
  }

  private async sending(actor: Actor): Promise<Pick<SendingHealth, 'smtp' | 'sendingDomain' | 'dkim' | 'dns'>> {
    const config = await this.sendingConfigs.get(actor, null);
    let dns: DnsCheckReport | null = null;
    try {
      dns = await this.dnsCheck.checkVendor(actor);
    } catch (e) {
      // No sending domain yet: nothing to look up, and the home says so.
      if (!(e instanceof InvalidError)) throw e;
    }
    return { smtp: config.smtp !== null, sendingDomain: config.sendingDomain ?? null, dkim: config.dkim !== null, dns };
  }
}
