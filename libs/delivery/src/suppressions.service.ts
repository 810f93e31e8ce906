import { Injectable } from '@nestjs/common';
import { normalizeSlotValue } from '@tcma/cobrand';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { SuppressionEntity, SuppressionReason } from '@tcma/persistence';
import { Actor, partnerScope, PartnersService } from '@tcma/tenancy';
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
  ) {}

  async add(actor: Actor, input: AddSuppressionInput): Promise<void> {
    const email = normalizeSlotValue({ type: 'email' }, input.email);
    if (!email.ok) throw new InvalidError('The email is invalid', [{ path: 'email', message: email.message }]);
    const partnerId = partnerScope(actor, input.partnerId);
    if (partnerId) await this.partners.get(actor, partnerId);
    await this.suppressions.add({ vendorId: actor.vendorId, partnerId, campaignId: input.campaignId ?? null }, email.value, input.reason ?? 'manual', null);
  }

  list(actor: Actor, filter: { partnerId?: string; email?: string; limit: number; offset: number }): Promise<SuppressionEntity[]> {
    const partnerId = partnerScope(actor, filter.partnerId);
    return this.suppressions.page(actor.vendorId, partnerId, filter.email, filter.limit, filter.offset);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const found = await this.suppressions.find(actor.vendorId, id);
    if (!found || (actor.role === 'partner_user' && found.partnerId !== actor.partnerId)) throw new NotFoundError('Suppression');
    if (found.reason === 'unsubscribed' || found.reason === 'bounced') {
      throw new ConflictError(`A suppression for ${found.reason === 'unsubscribed' ? 'an unsubscribe' : 'a bounce'} cannot be lifted through the API`);
    }
    await this.suppressions.remove(found);
  }
}
