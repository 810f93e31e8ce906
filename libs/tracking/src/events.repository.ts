import { Injectable } from '@nestjs/common';
import { Batcher, EventType, queryRows } from '@tcma/persistence';
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

/** Writing events, each copying its context (vendor, partner, launch, prospect, step) from the send. */
@Injectable()
export class EventsRepository {
  /** Opens and clicks arriving together share one insert: the public endpoints see bursts. */
  private readonly hits = new Batcher<SendEventInput, boolean>((items) => this.insertMany(items), 1000);

  constructor(private readonly dataSource: DataSource) {}

  /** An open or a click from the public endpoints; false when the send is unknown. */
  recordHit(e: SendEventInput): Promise<boolean> {
    return this.hits.call(e);
  }

  /**
   * Without waiting for the commit to reach disk (synchronous_commit off, this transaction
   * only): a crash of Postgres itself may lose the last few hundred milliseconds of opens and
   * clicks, never corrupt anything, and the redirect does not wait on a disk flush.
   */
  private insertMany(items: SendEventInput[]): Promise<boolean[]> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      return this.insert(items, tx);
    });
  }

  /** An event of a send (a bounce, an unsubscribe), in the caller's transaction if any; false when the send is unknown. */
  async recordForSend(e: SendEventInput, tx?: EntityManager): Promise<boolean> {
    return (await this.insert([e], tx ?? this.dataSource))[0];
  }

  /** One statement for the lot; per event, whether its send exists. */
  private async insert(items: SendEventInput[], executor: DataSource | EntityManager): Promise<boolean[]> {
    const col = <T>(f: (e: SendEventInput) => T) => items.map(f);
    const rows = await queryRows<{ send_id: string }>(
      executor,
      `INSERT INTO events (type, occurred_at, vendor_id, partner_id, launch_id, prospect_id, send_id, step, link_index, link_name, user_agent, method)
       SELECT x.type, x.at, s.vendor_id, s.partner_id, s.launch_id, s.prospect_id, s.id, s.step, x.link_index, x.link_name, x.user_agent, x.method
         FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::int[], $5::text[], $6::text[], $7::text[])
              AS x(send_id, type, at, link_index, link_name, user_agent, method)
         JOIN sends s ON s.id = x.send_id
       RETURNING send_id`,
      [col((e) => e.sendId), col((e) => e.type), col((e) => e.at), col((e) => e.linkIndex ?? null), col((e) => e.linkName ?? null), col((e) => e.userAgent?.slice(0, 512) ?? null), col((e) => e.method ?? null)],
    );
    const known = new Set(rows.map((r) => String(r.send_id)));
    return items.map((e) => known.has(e.sendId));
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
