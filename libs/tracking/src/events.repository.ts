import { Injectable } from '@nestjs/common';
import { EventType, queryRows } from '@tcma/persistence';
import { DataSource, EntityManager } from 'typeorm';

export interface SendEventInput {
  sendId: string;
  type: EventType;
  at: Date;
  linkIndex?: number | null;
  linkName?: string | null;
  userAgent?: string | null;
  method?: string | null;
}

/** Writing events. Each one is a single statement that copies its context from the send. */
@Injectable()
export class EventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** An event of a send (an open, a click, a bounce, an unsubscribe); false when the send is unknown. */
  async recordForSend(e: SendEventInput, tx?: EntityManager): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      tx ?? this.dataSource,
      `INSERT INTO events (type, occurred_at, vendor_id, partner_id, launch_id, prospect_id, send_id, step, link_index, link_name, user_agent, method)
       SELECT $2, $3, vendor_id, partner_id, launch_id, prospect_id, id, step, $4, $5, $6, $7 FROM sends WHERE id = $1
       RETURNING id`,
      [e.sendId, e.type, e.at, e.linkIndex ?? null, e.linkName ?? null, e.userAgent?.slice(0, 512) ?? null, e.method ?? null],
    );
    return rows.length > 0;
  }

  /**
   * A conversion of a prospect in each of the given launches it was enrolled in, once per
   * (launch, prospect): returns the launches it was new for.
   */
  async recordConversions(prospectId: string, launchIds: string[], at: Date, tx?: EntityManager): Promise<string[]> {
    const rows = await queryRows<{ launch_id: string }>(
      tx ?? this.dataSource,
      `INSERT INTO events (type, occurred_at, vendor_id, partner_id, launch_id, prospect_id)
       SELECT 'converted', $3, l.vendor_id, l.partner_id, l.id, $1 FROM launches l
        WHERE l.id = ANY($2::uuid[])
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.launch_id = l.id AND e.prospect_id = $1 AND e.type = 'converted')
       RETURNING launch_id`,
      [prospectId, launchIds, at],
    );
    return rows.map((r) => r.launch_id);
  }
}
