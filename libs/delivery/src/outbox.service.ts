import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@tcma/errors';
import { OutboxMessageEntity } from '@tcma/persistence';
import { Actor, partnerScope } from '@tcma/tenancy';
import { OutboxRepository } from './outbox.repository';

/** Reading the local outbox: vendor users see every partner's messages, partner users their own. */
@Injectable()
export class OutboxService {
  constructor(private readonly outbox: OutboxRepository) {}

  list(actor: Actor, filter: { partnerId?: string; beforeId?: string; limit: number }): Promise<OutboxMessageEntity[]> {
    const partnerId = partnerScope(actor, filter.partnerId);
    return this.outbox.page(actor.vendorId, partnerId, filter.beforeId, filter.limit);
  }

  async get(actor: Actor, id: string): Promise<OutboxMessageEntity> {
    const found = await this.outbox.find(actor.vendorId, id);
    if (!found || (actor.role === 'partner_user' && found.partnerId !== actor.partnerId)) throw new NotFoundError('Outbox message');
    return found;
  }
}
