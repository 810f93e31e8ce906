import { Injectable, Logger } from '@nestjs/common';
import { ConflictError } from '@tcma/errors';
import { BrandKitInput, BrandKitsService, BrandKitView, BrandState, StoredSender } from '@tcma/brand-kits';
import { AppConfig } from '@tcma/config';
import { PartnerRow, VendorRow } from '@tcma/persistence';
import { Actor, PartnersService, scopeOf, scopeOfPartner, VendorsRepository } from '@tcma/tenancy';
import { ownSenderWarning, senderIdentity, SendingConfigsService, vendorSendingDomain } from '@tcma/delivery';
import { SenderConfirmationsService } from './sender-confirmations.service';

/** How a partner's emails go out, and why not as itself when it has an identity it cannot use yet. */
export interface SendingAs {
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  /** Set while the partner's own From address is not used (unconfirmed, or no DKIM key of its domain). */
  warning: string | null;
}

/** The sender rule of libs/delivery/src/sender-identity.ts answered for people: brand kit and launch readiness. */
@Injectable()
export class PartnerSendersService {
  private readonly logger = new Logger(PartnerSendersService.name);

  constructor(
    private readonly configs: SendingConfigsService,
    private readonly partners: PartnersService,
    private readonly vendors: VendorsRepository,
    private readonly config: AppConfig,
    private readonly brandKits: BrandKitsService,
    private readonly confirmations: SenderConfirmationsService,
  ) {}

  /**
   * Saves the brand kit; a From address that is new and not yet confirmed gets its
   * confirmation link by email. The kit is saved even when that mail fails (logged): the
   * warning stays, and resendConfirmation sends it again.
   */
  async updateBrandKit(actor: Actor, partnerId: string, input: BrandKitInput): Promise<BrandKitView> {
    const before = await this.brandKits.get(actor, partnerId);
    const after = await this.brandKits.update(actor, partnerId, input);
    const sender = after.sender;
    if (sender && !sender.confirmed && sender.fromEmail.toLowerCase() !== before.sender?.fromEmail.toLowerCase()) {
      const partner = await this.partners.get(actor, partnerId);
      await this.confirmations
        .request(scopeOfPartner(partner), sender.fromEmail, after.companyName)
        .catch((e: Error) =>
          this.logger.warn(`The sender confirmation for partner ${partnerId} was not sent: ${e.message}`),
        );
    }
    return after;
  }

  /** Mails the confirmation link of the partner's From address again; 409 when there is nothing to confirm. */
  async resendConfirmation(actor: Actor, partnerId: string): Promise<{ sentTo: string }> {
    const kit = await this.brandKits.get(actor, partnerId);
    if (!kit.sender) throw new ConflictError('The brand kit has no sender identity to confirm');
    if (kit.sender.confirmed) throw new ConflictError(`${kit.sender.fromEmail} is already confirmed`);
    const partner = await this.partners.get(actor, partnerId);
    await this.confirmations.request(scopeOfPartner(partner), kit.sender.fromEmail, kit.companyName);
    return { sentTo: kit.sender.fromEmail };
  }

  /** Why the partner's own From address is not used for its sends now (null when it is, or when it has none): launch readiness says it. */
  async warningFor(partner: PartnerRow, brand: BrandState): Promise<string | null> {
    if (!brand.sender) return null;
    const vendor = await this.vendors.find(scopeOfPartner(partner));
    if (!vendor) return null;
    return (
      await this.sendingAs(partner, vendor, {
        companyName: brand.brand.companyName,
        email: brand.brand.email,
        sender: brand.sender,
      })
    ).warning;
  }

  /** A brand kit as the API answers it: with how its emails go out now, and any warning. */
  async withSendingAs<K extends { companyName: string; email: string | null; sender: StoredSender | null }>(
    actor: Actor,
    partnerId: string,
    kit: K,
  ): Promise<K & { sendingAs: SendingAs }> {
    const [partner, vendor] = await Promise.all([
      this.partners.get(actor, partnerId),
      this.vendors.find(scopeOf(actor)),
    ]);
    if (!vendor) throw new Error(`The actor's vendor ${actor.vendorId} is missing`);
    return { ...kit, sendingAs: await this.sendingAs(partner, vendor, kit) };
  }

  async sendingAs(
    partner: PartnerRow,
    vendor: VendorRow,
    brand: { companyName: string | null; email: string | null; sender: StoredSender | null },
  ): Promise<SendingAs> {
    const dkimDomain = await this.configs.dkimDomainOf(scopeOfPartner(partner));
    const own = brand.sender;
    const identity = senderIdentity({
      partnerSender: own
        ? { fromName: own.fromName, fromEmail: own.fromEmail, replyTo: own.replyTo, verified: own.confirmed }
        : null,
      partnerCompany: brand.companyName ?? partner.companyName,
      partnerEmail: brand.email,
      vendorName: vendor.name,
      vendorDomain: vendorSendingDomain(vendor, this.config),
      dkimDomain,
    });
    return {
      fromName: identity.from.name,
      fromAddress: identity.from.address,
      replyTo: identity.replyTo,
      warning: own ? ownSenderWarning(identity, own.fromEmail, dkimDomain) : null,
    };
  }
}
