import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@tcma/errors';
import { Found, OutboxMessageRow, PageWindow } from '@tcma/persistence';
import { Actor, scopeOf } from '@tcma/tenancy';
import { OutboxRepository, OutboxSummary } from './outbox.repository';

/** Reading the local outbox: vendor users see every partner's messages, partner users their own. */
@Injectable()
export class OutboxService {
  constructor(private readonly outbox: OutboxRepository) {}

  list(actor: Actor, filter: { partnerId?: string } & PageWindow): Promise<Found<OutboxSummary>> {
    return this.outbox.page(scopeOf(actor, filter.partnerId), filter);
  }

  async get(actor: Actor, id: string): Promise<OutboxMessageRow> {
    const found = await this.outbox.find(scopeOf(actor), id);
    if (!found) throw new NotFoundError('Outbox message');
    return found;
  }
}
