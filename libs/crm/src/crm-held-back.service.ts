import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@tcma/errors';
import { VendorScope } from '@tcma/persistence';
import { Actor, isVendorUser } from '@tcma/tenancy';
import { CrmHeldBackRepository } from './crm-held-back.repository';

/** The most partners answered: the ones with the most leads held back. */
export const MAX_HELD_BACK_PARTNERS = 100;

export interface HeldBackPartner {
  partnerId: string;
  partnerName: string;
  leads: number;
  campaigns: Array<{ campaignId: string; campaignName: string; leads: number }>;
}

export interface HeldBack {
  /** All the leads held back, of every private partner (also those past the list's end). */
  leads: number;
  /** How many private partners had any. */
  partnersTotal: number;
  /** Most leads first (then by name), at most MAX_HELD_BACK_PARTNERS. */
  partners: HeldBackPartner[];
}

/**
 * "Counts alone" for partners keeping their contacts private (#26): their leads never reach the
 * vendor's own CRM (CrmRecordsRepository.recordLeads leaves them out), so the vendor is told how
 * many there were, per partner and campaign, and never who.
 */
@Injectable()
export class CrmHeldBackService {
  constructor(private readonly heldBack: CrmHeldBackRepository) {}

  /** Leads held back since `since`: the vendor's users only (they cross partners; the route's roles say so too). */
  async countSince(actor: Actor, since: Date): Promise<HeldBack> {
    if (!isVendorUser(actor)) throw new ForbiddenError("Only the vendor's users see what its CRM was not handed");
    const byPartner = new Map<string, HeldBackPartner>();
    for (const row of await this.heldBack.privatePartnersLeads(new VendorScope(actor.vendorId), since)) {
      const partner = byPartner.get(row.partnerId) ?? {
        partnerId: row.partnerId,
        partnerName: row.partnerName,
        leads: 0,
        campaigns: [],
      };
      partner.leads += row.leads;
      partner.campaigns.push({ campaignId: row.campaignId, campaignName: row.campaignName, leads: row.leads });
      byPartner.set(row.partnerId, partner);
    }
    // The rows come by name; a stable sort keeps that order among equal counts.
    const partners = [...byPartner.values()].sort((a, b) => b.leads - a.leads);
    return {
      leads: partners.reduce((sum, p) => sum + p.leads, 0),
      partnersTotal: partners.length,
      partners: partners.slice(0, MAX_HELD_BACK_PARTNERS),
    };
  }
}
