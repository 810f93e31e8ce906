import { Injectable } from '@nestjs/common';
import { EventType, queryRows } from '@tcma/persistence';
import { Hit } from '@tcma/tracking';
import { EntityManager } from 'typeorm';

export interface PendingEvent {
  id: string;
  type: EventType;
  at: Date;
  sendId: string | null;
  linkName: string | null;
}

/** The reads and writes of judging events, all inside the judging transaction. */
@Injectable()
export class EngagementRepository {
  /** The oldest events not judged yet that happened before `before`; rows other judges hold are skipped. */
  async claimPending(tx: EntityManager, before: Date, limit: number): Promise<PendingEvent[]> {
    const rows = await queryRows<{ id: string; type: EventType; occurred_at: Date; send_id: string | null; link_name: string | null }>(
      tx,
      `SELECT id, type, occurred_at, send_id, link_name FROM events
        WHERE processed_at IS NULL AND occurred_at <= $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [before, limit],
    );
    return rows.map((r) => ({ id: String(r.id), type: r.type, at: r.occurred_at, sendId: r.send_id === null ? null : String(r.send_id), linkName: r.link_name }));
  }

  /** Every open and click of these sends (judged or not), and when each send was accepted. */
  async hitsOf(tx: EntityManager, sendIds: string[]): Promise<{ hits: Map<string, Hit[]>; sentAt: Map<string, Date | null> }> {
    const hits = new Map<string, Hit[]>();
    const sentAt = new Map<string, Date | null>();
    if (!sendIds.length) return { hits, sentAt };
    const rows = await queryRows<{ id: string; send_id: string; type: 'opened' | 'clicked'; occurred_at: Date; method: string | null; user_agent: string | null; link_index: number | null }>(
      tx,
      "SELECT id, send_id, type, occurred_at, method, user_agent, link_index FROM events WHERE send_id = ANY($1::bigint[]) AND type IN ('opened', 'clicked')",
      [sendIds],
    );
    for (const r of rows) {
      const list = hits.get(String(r.send_id)) ?? [];
      list.push({ id: String(r.id), type: r.type, at: r.occurred_at, method: r.method, userAgent: r.user_agent, linkIndex: r.link_index });
      hits.set(String(r.send_id), list);
    }
    const sends = await queryRows<{ id: string; sent_at: Date | null }>(tx, 'SELECT id, sent_at FROM sends WHERE id = ANY($1::bigint[])', [sendIds]);
    for (const s of sends) sentAt.set(String(s.id), s.sent_at);
    return { hits, sentAt };
  }

  /** Sets a send's first human open or click where none is set yet; returns the sends that were set. */
  async markFirst(tx: EntityManager, column: 'opened_at' | 'clicked_at', firsts: Array<{ sendId: string; at: Date }>): Promise<Set<string>> {
    if (!firsts.length) return new Set();
    const rows = await queryRows<{ id: string }>(
      tx,
      `UPDATE sends SET ${column} = f.at FROM unnest($1::bigint[], $2::timestamptz[]) AS f(send_id, at)
        WHERE sends.id = f.send_id AND sends.${column} IS NULL RETURNING sends.id`,
      [firsts.map((f) => f.sendId), firsts.map((f) => f.at)],
    );
    return new Set(rows.map((r) => String(r.id)));
  }

  async markJudged(tx: EntityManager, verdicts: Array<{ id: string; machine: string | null; counted: boolean }>, now: Date): Promise<void> {
    await tx.query(
      `UPDATE events SET machine = v.machine, counted = v.counted, processed_at = $4
         FROM unnest($1::bigint[], $2::text[], $3::boolean[]) AS v(id, machine, counted) WHERE events.id = v.id`,
      [verdicts.map((v) => v.id), verdicts.map((v) => v.machine), verdicts.map((v) => v.counted), now],
    );
  }
}
