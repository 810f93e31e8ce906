import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@tcma/errors';
import { simpleParser } from 'mailparser';
import { Found, OutboxMessageRow, PageWindow } from '@tcma/persistence';
import { Actor, isVendorUser, PartnersService, scopeOf } from '@tcma/tenancy';
import { OutboxRepository, OutboxSummary } from './outbox.repository';

/**
 * Reading the local outbox: vendor users see every partner's messages but those of a partner
 * keeping its contacts private (its prospects' addresses and the lead notices to its users are
 * its own), partner users their own.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly partners: PartnersService,
  ) {}

  async list(actor: Actor, filter: { partnerId?: string } & PageWindow): Promise<Found<OutboxSummary>> {
    const scope =
      filter.partnerId && isVendorUser(actor)
        ? await this.partners.contactsScope(actor, filter.partnerId)
        : scopeOf(actor, filter.partnerId);
    return this.outbox.page(scope, filter);
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
    const parsed = await simpleParser((await this.get(actor, id)).raw, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
    });
    const body = part === 'html' ? parsed.html : parsed.text;
    if (typeof body !== 'string')
      throw new NotFoundError(`The ${part === 'html' ? 'HTML' : 'text'} part of this outbox message`);
    return body;
  }
}
