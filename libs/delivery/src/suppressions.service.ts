import { Injectable } from '@nestjs/common';
import { CampaignsRepository } from '@tcma/campaigns';
import { normalizeEmailAddress } from '@tcma/email-address';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { Found, PageWindow, SuppressionReason, SuppressionRow } from '@tcma/persistence';
import { Actor, isVendorUser, PartnersService, scopeOf } from '@tcma/tenancy';
import { SuppressionsRepository } from './suppressions.repository';

export interface AddSuppressionInput {
  email: string;
  partnerId?: string | null;
  campaignId?: string | null;
  reason?: Extract<SuppressionReason, 'manual' | 'complaint'>;
}

/**
 * Who must not be emailed. Vendor users manage vendor-wide, partner and campaign scopes;
 * partner users only their own partner's. Unsubscribes and bounces cannot be lifted here.
 */
@Injectable()
export class SuppressionsService {
  constructor(
    private readonly suppressions: SuppressionsRepository,
    private readonly partners: PartnersService,
    private readonly campaigns: CampaignsRepository,
  ) {}

  /** Suppresses an address (idempotent) and answers the suppression. Ids in the body must be the caller's, like ids in a path: else 404. */
  async add(actor: Actor, input: AddSuppressionInput): Promise<{ suppression: SuppressionRow; created: boolean }> {
    const email = normalizeEmailAddress(input.email);
    if (!email.ok) throw new InvalidError('The email is invalid', [{ path: 'email', message: email.message }]);
    // A named partner must be one whose contacts the caller sees (a partner user: only its own;
    // the vendor: not a partner keeping its contacts private), else 404: whether an address is
    // already suppressed there says something about that partner's people.
    if (input.partnerId) await this.partners.withContacts(actor, input.partnerId);
    const scope = scopeOf(actor, input.partnerId);
    const campaignId = input.campaignId ?? null;
    if (campaignId && !(await this.campaigns.find(scope, campaignId))) throw new NotFoundError('Campaign');
    const created = await this.suppressions.add(scope, campaignId, email.value, input.reason ?? 'manual', null);
    const suppression = await this.suppressions.findAtLevel(scope, campaignId, email.value);
    if (!suppression) throw new Error(`The suppression of ${email.value} just added is not found`);
    return { suppression, created };
  }

  /** A vendor user sees every partner's suppressions but those of partners keeping their contacts private. */
  async list(
    actor: Actor,
    filter: { partnerId?: string; email?: string } & PageWindow,
  ): Promise<Found<SuppressionRow>> {
    const scope =
      filter.partnerId && isVendorUser(actor)
        ? await this.partners.contactsScope(actor, filter.partnerId)
        : scopeOf(actor, filter.partnerId);
    return this.suppressions.page(scope, filter.email, filter);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const found = await this.suppressions.find(scopeOf(actor), id);
    if (!found) throw new NotFoundError('Suppression');
    if (found.reason === 'unsubscribed' || found.reason === 'bounced') {
      throw new ConflictError(
        `A suppression for ${found.reason === 'unsubscribed' ? 'an unsubscribe' : 'a bounce'} cannot be lifted through the API`,
      );
    }
    await this.suppressions.remove(scopeOf(actor), found.id);
  }
}
