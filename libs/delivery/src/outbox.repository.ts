import { Injectable } from '@nestjs/common';
import { OutboxMessageEntity } from '@tcma/persistence';
import { DataSource, LessThan } from 'typeorm';

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(message: Pick<OutboxMessageEntity, 'vendorId' | 'partnerId' | 'sendId' | 'envelopeFrom' | 'recipients' | 'subject' | 'messageId' | 'raw'>): Promise<string> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO outbox_messages (vendor_id, partner_id, send_id, envelope_from, recipients, subject, message_id, raw) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [message.vendorId, message.partnerId, message.sendId, message.envelopeFrom, message.recipients, message.subject, message.messageId, message.raw],
    );
    return String(rows[0].id);
  }

  /** Newest first; `partnerId` narrows to one partner. Raw messages are not loaded. */
  page(vendorId: string, partnerId: string | null, beforeId: string | undefined, limit: number): Promise<OutboxMessageEntity[]> {
    return this.dataSource.getRepository(OutboxMessageEntity).find({
      select: { id: true, vendorId: true, partnerId: true, sendId: true, envelopeFrom: true, recipients: true, subject: true, messageId: true, createdAt: true },
      where: { vendorId, ...(partnerId ? { partnerId } : {}), ...(beforeId ? { id: LessThan(beforeId) } : {}) },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  find(vendorId: string, id: string): Promise<OutboxMessageEntity | null> {
    if (!/^\d{1,18}$/.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(OutboxMessageEntity).findOneBy({ vendorId, id });
  }
}
