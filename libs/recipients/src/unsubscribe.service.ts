import { Injectable, Logger } from '@nestjs/common';
import { ConsentRepository } from '@tcma/audience';
import { PreferenceLinks, SuppressionsRepository, UnsubscribeLinks } from '@tcma/delivery';
import { Clock } from '@tcma/clock';
import { EventsRepository } from '@tcma/tracking';
import { ConsentSource, PartnerScope, VendorScope } from '@tcma/persistence';
import { EnrollmentExits, SendRecipient, SentEmails } from '@tcma/nurture';
import { WebhookDispatcher } from '@tcma/webhooks';

/**
 * What a recipient can leave, each one of the suppression levels: the campaign of the email
 * (a campaign suppression at its partner), the partner's mail (a partner suppression: what an
 * unsubscribe link does) or all mail of the vendor's network (a vendor-wide suppression).
 */
export const UNSUBSCRIBE_LEVELS = ['campaign', 'partner', 'network'] as const;
export type UnsubscribeLevel = (typeof UNSUBSCRIBE_LEVELS)[number];

export interface UnsubscribeResult {
  email: string;
  alreadyUnsubscribed: boolean;
  /** The language the email was sent in: its pages answer in it (null: the campaign's, unknown here). */
  language: string | null;
}

/** What an unsubscribe link is about, without acting on it. */
export interface UnsubscribeLinkState {
  email: string;
  unsubscribed: boolean;
  language: string | null;
}

/** What a preference page shows, without acting on it: who, from whom, and what is already left. */
export interface PreferencePageState {
  email: string;
  campaignName: string;
  partnerName: string;
  vendorName: string;
  /** Whether a suppression already covers mail of this level (the campaign's: any level covering it). */
  left: Record<UnsubscribeLevel, boolean>;
  language: string | null;
}

/**
 * Unsubscribing from a link in an email. Only an explicit request acts (RFC 8058's one-click
 * POST, the confirmation page's own button, the preference page's form): mail gateways and
 * scanners fetch every link of a message, so reading a link (GET, HEAD) must never unsubscribe
 * anyone. An unsubscribe link suppresses the address for the partner that sent the email; the
 * preference page lets the recipient choose the level. Either way, at once, with the same
 * effects: the suppression, the `unsubscribed` event (once per send), a consent withdrawal,
 * the `unsubscribed` webhook, and the sequences left. Idempotent.
 */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger(UnsubscribeService.name);

  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly preferenceLinks: PreferenceLinks,
    private readonly suppressions: SuppressionsRepository,
    private readonly exits: EnrollmentExits,
    private readonly events: EventsRepository,
    private readonly clock: Clock,
    private readonly sentEmails: SentEmails,
    private readonly consent: ConsentRepository,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  /** The address of a genuine link and whether it is unsubscribed already; changes nothing. */
  async describe(token: string): Promise<UnsubscribeLinkState | null> {
    const sendId = this.links.verify(token);
    const send = sendId ? await this.sentEmails.recipientForSystem(sendId) : null;
    if (!send) return null;
    const unsubscribed = await this.suppressions.covers(
      new PartnerScope(send.vendorId, send.partnerId),
      send.emailLower,
    );
    return { email: send.email, unsubscribed, language: send.language };
  }

  /** An unsubscribe link (its page's button, a one-click POST, a mailto): leaves the partner's mail. */
  async unsubscribe(token: string): Promise<UnsubscribeResult | null> {
    const sendId = this.links.verify(token);
    return sendId ? this.leave(sendId, 'partner', 'unsubscribe') : null;
  }

  /** What a preference link's page shows; changes nothing. */
  async describePreferences(token: string): Promise<PreferencePageState | null> {
    const sendId = this.preferenceLinks.verify(token);
    const send = sendId ? await this.sentEmails.recipientForSystem(sendId) : null;
    if (!send) return null;
    const partner = new PartnerScope(send.vendorId, send.partnerId);
    const [campaign, partnerMail, network] = await Promise.all([
      this.suppressions.covers(partner, send.emailLower, send.campaignId),
      this.suppressions.covers(partner, send.emailLower),
      this.suppressions.findAtLevel(new VendorScope(send.vendorId), null, send.emailLower),
    ]);
    return {
      email: send.email,
      campaignName: send.campaignName,
      partnerName: send.partnerName,
      vendorName: send.vendorName,
      left: { campaign, partner: partnerMail, network: network !== null },
      language: send.language,
    };
  }

  /** The preference page's choice. */
  async choosePreference(
    token: string,
    level: UnsubscribeLevel,
  ): Promise<(UnsubscribeResult & { state: PreferencePageState }) | null> {
    const sendId = this.preferenceLinks.verify(token);
    const result = sendId ? await this.leave(sendId, level, 'preferences') : null;
    const state = result ? await this.describePreferences(token) : null;
    return result && state ? { ...result, state } : null;
  }

  /** The one unsubscribe path: every way of leaving ends here. */
  private async leave(
    sendId: string,
    level: UnsubscribeLevel,
    source: ConsentSource,
  ): Promise<UnsubscribeResult | null> {
    const send = await this.sentEmails.recipientForSystem(sendId);
    if (!send) return null;
    // The signed send names the tenant: everything below is that partner's (or, leaving the
    // network, that vendor's).
    const partner = new PartnerScope(send.vendorId, send.partnerId);
    const scope = level === 'network' ? new VendorScope(send.vendorId) : partner;
    const campaignId = level === 'campaign' ? send.campaignId : null;
    // The send's `unsubscribed` event counts a person leaving its mail once, whichever level
    // they leave first and however many they leave after.
    const coveredBefore = await this.suppressions.covers(partner, send.emailLower, send.campaignId);
    const added = await this.suppressions.add(scope, campaignId, send.emailLower, 'unsubscribed', sendId);
    if (added) {
      const at = this.clock.now();
      if (!coveredBefore) await this.events.recordSendEventForSystem({ sendId, type: 'unsubscribed', at });
      // The consent history says when and how consent was withdrawn; subscribed webhooks hear of it.
      await this.consent.withdrawByAddress(scope, send.emailLower, source, at, campaignId);
      await this.webhooks.dispatch(
        await this.webhooks.record(partner, 'unsubscribed', webhookData(send, level), at, true),
      );
    }
    const exited = await this.exits.forAddress(scope, send.emailLower, 'unsubscribed', campaignId);
    this.logger.log(
      `Send ${sendId}: unsubscribed from ${level === 'network' ? `vendor ${send.vendorId}'s network` : level === 'campaign' ? `campaign ${send.campaignId} of partner ${send.partnerId}` : `partner ${send.partnerId}`}; ${exited} sequences left`,
    );
    return { email: send.email, alreadyUnsubscribed: !added, language: send.language };
  }
}

/** The `unsubscribed` webhook's data: `level` says what was left (the campaign's id with `campaign`). */
function webhookData(send: SendRecipient, level: UnsubscribeLevel): Record<string, unknown> {
  return {
    partnerId: send.partnerId,
    prospect: { email: send.email },
    level,
    ...(level === 'campaign' ? { campaignId: send.campaignId } : {}),
  };
}
