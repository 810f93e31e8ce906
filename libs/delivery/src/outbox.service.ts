import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@tcma/errors';
import { simpleParser } from 'mailparser';
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

  /**
   * One part of a message as the prospect's mail client would show it, decoded from the stored
   * MIME (transfer encodings and charsets undone). A message without that part is not found.
   */
  async body(actor: Actor, id: string, part: 'html' | 'text'): Promise<string> {
    const parsed = await simpleParser((await this.get(actor, id)).raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
    const body = part === 'html' ? parsed.html : parsed.text;
    if (typeof body !== 'string') throw new NotFoundError(`The ${part === 'html' ? 'HTML' : 'text'} part of this outbox message`);
    return body;
  }
}
