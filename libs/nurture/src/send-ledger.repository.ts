import { Injectable } from '@nestjs/common';
import { queryRows, SendStatus } from '@tcma/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { AdvanceTo } from './enrollments.repository';

export interface ClaimInput {
  enrollmentId: string;
  step: number;
  launchId: string;
  partnerId: string;
  vendorId: string;
  prospectId: string;
  due: Date;
  worker: string;
  now: Date;
  leaseUntil: Date;
}

export interface FinishInput {
  sendId: string;
  outcome: Extract<SendStatus, 'sent' | 'uncertain'>;
  at: Date;
  messageId?: string | null;
  response?: string | null;
  enrollmentId: string;
  step: number;
  to: AdvanceTo;
}

export type ClaimResult = { claimed: true; sendId: string; attempts: number } | { claimed: false; sendId: string; status: SendStatus; leaseUntil: Date | null };

@Injectable()
export class SendLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims (enrollment, step)s for this worker: new ledger rows, or existing ones whose
   * previous claimant's lease ran out before it handed anything to SMTP. Any other existing
   * row means the step is being sent or is done: the caller must not send. One statement for
   * the lot; results in the order asked (a key asked twice is claimed once).
   */
  async claimMany(claims: ClaimInput[]): Promise<ClaimResult[]> {
    const key = (c: { enrollmentId: string; step: number }) => `${c.enrollmentId}:${c.step}`;
    const unique = [...new Map(claims.map((c) => [key(c), c])).values()];
    const col = <K extends keyof ClaimInput>(k: K) => unique.map((c) => c[k]);
    const rows = await queryRows<{ id: string; enrollment_id: string; step: number; attempts: number }>(
      this.dataSource,
      `INSERT INTO sends (enrollment_id, step, launch_id, partner_id, vendor_id, prospect_id, claimed_by, lease_until, due_at, claimed_at, status, attempts)
       SELECT c.*, 'claimed', 1 FROM unnest($1::bigint[], $2::int[], $3::uuid[], $4::uuid[], $5::uuid[], $6::bigint[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
         AS c(enrollment_id, step, launch_id, partner_id, vendor_id, prospect_id, claimed_by, lease_until, due_at, claimed_at)
       ON CONFLICT (enrollment_id, step) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, lease_until = EXCLUDED.lease_until,
              attempts = sends.attempts + 1, claimed_at = EXCLUDED.claimed_at
        WHERE sends.status = 'claimed' AND sends.lease_until <= EXCLUDED.claimed_at
       RETURNING id, enrollment_id, step, attempts`,
      [col('enrollmentId'), col('step'), col('launchId'), col('partnerId'), col('vendorId'), col('prospectId'), col('worker'), col('leaseUntil'), col('due'), col('now')],
    );
    const claimed = new Map(rows.map((r) => [`${r.enrollment_id}:${r.step}`, r]));
    const missing = unique.filter((c) => !claimed.has(key(c)));
    const existing = new Map<string, { id: string; status: SendStatus; lease_until: Date | null }>();
    if (missing.length) {
      const found = await queryRows<{ id: string; enrollment_id: string; step: number; status: SendStatus; lease_until: Date | null }>(
        this.dataSource,
        `SELECT s.id, s.enrollment_id, s.step, s.status, s.lease_until FROM sends s
           JOIN unnest($1::bigint[], $2::int[]) AS k(enrollment_id, step) ON k.enrollment_id = s.enrollment_id AND k.step = s.step`,
        [missing.map((c) => c.enrollmentId), missing.map((c) => c.step)],
      );
      for (const f of found) existing.set(`${f.enrollment_id}:${f.step}`, f);
    }
    const answered = new Set<string>();
    return claims.map((c): ClaimResult => {
      const k = key(c);
      const won = claimed.get(k);
      if (won && !answered.has(k)) {
        answered.add(k);
        return { claimed: true, sendId: String(won.id), attempts: won.attempts };
      }
      const other = existing.get(k) ?? (won ? { id: won.id, status: 'claimed' as SendStatus, lease_until: null } : undefined);
      return { claimed: false, sendId: String(other?.id ?? ''), status: other?.status ?? 'claimed', leaseUntil: other?.lease_until ?? null };
    });
  }

  /** The point of no return: after this a message may reach the SMTP server. */
  async markHandedMany(items: Array<{ sendId: string; worker: string; now: Date; leaseUntil: Date }>): Promise<boolean[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE sends SET status = 'handed', handed_at = u.now, lease_until = u.lease_until
         FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS u(id, worker, now, lease_until)
        WHERE sends.id = u.id AND sends.status = 'claimed' AND sends.claimed_by = u.worker
       RETURNING sends.id`,
      [items.map((i) => i.sendId), items.map((i) => i.worker), items.map((i) => i.now), items.map((i) => i.leaseUntil)],
    );
    const handed = new Set(rows.map((r) => String(r.id)));
    return items.map((i) => handed.has(i.sendId));
  }

  /**
   * Records the outcomes of handed sends and moves their enrollments on, in one statement:
   * the ledger and the enrollment never disagree about whether a step went out.
   */
  async finishMany(items: FinishInput[]): Promise<boolean[]> {
    const col = <T>(f: (i: FinishInput) => T) => items.map(f);
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `WITH u AS (
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::bigint[], $7::int[], $8::int[], $9::timestamptz[], $10::text[], $11::timestamptz[], $12::text[])
           AS u(send_id, outcome, at, message_id, response, enrollment_id, step, next_step, next_due, next_status, queued_at, exit_reason)
       ), s AS (
         UPDATE sends SET status = u.outcome, sent_at = CASE WHEN u.outcome = 'sent' THEN u.at END, message_id = u.message_id, smtp_response = u.response, lease_until = NULL
           FROM u WHERE sends.id = u.send_id AND sends.status = 'handed'
         RETURNING sends.id, sends.vendor_id, sends.partner_id, sends.launch_id, sends.prospect_id, sends.step, u.at, u.outcome
       ), ev AS (
         -- The funnel's event: accepted by the server, or handed over with the outcome unknown.
         INSERT INTO events (type, occurred_at, vendor_id, partner_id, launch_id, prospect_id, send_id, step)
         SELECT CASE WHEN s.outcome = 'sent' THEN 'accepted' ELSE 'sent' END, s.at, s.vendor_id, s.partner_id, s.launch_id, s.prospect_id, s.id, s.step FROM s
       )
       UPDATE enrollments e SET next_step = u.next_step, next_due_at = u.next_due, status = u.next_status, queued_at = u.queued_at,
              exit_reason = u.exit_reason, last_sent_at = u.at, updated_at = now()
         FROM u JOIN s ON s.id = u.send_id
        WHERE e.id = u.enrollment_id AND e.next_step = u.step
       RETURNING e.id`,
      [
        col((i) => i.sendId),
        col((i) => i.outcome),
        col((i) => i.at),
        col((i) => i.messageId ?? null),
        col((i) => i.response ?? null),
        col((i) => i.enrollmentId),
        col((i) => i.step),
        col((i) => i.to.nextStep),
        col((i) => i.to.nextDueAt),
        col((i) => i.to.status),
        col((i) => i.to.queuedAt),
        col((i) => i.to.exitReason ?? null),
      ],
    );
    const moved = new Set(rows.map((r) => String(r.id)));
    return items.map((i) => moved.has(i.enrollmentId));
  }

  async setStatus(sendId: string, status: SendStatus, response: string | null, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource.manager).query('UPDATE sends SET status = $2, smtp_response = $3, lease_until = NULL WHERE id = $1', [sendId, status, response]);
  }

  /** The server refused before taking the message: the claim lapses at once so a retry can take it. */
  /** A send that reached SMTP (sent, uncertain or bounced): its enrollment and step. */
  async findDelivered(sendId: string): Promise<{ enrollmentId: string; step: number } | null> {
    if (!/^\d{1,18}$/.test(sendId)) return null;
    const rows = await queryRows<{ enrollment_id: string; step: number }>(this.dataSource, "SELECT enrollment_id, step FROM sends WHERE id = $1 AND status IN ('sent', 'uncertain', 'bounced')", [sendId]);
    return rows[0] ? { enrollmentId: String(rows[0].enrollment_id), step: rows[0].step } : null;
  }

  async release(sendId: string, worker: string, now: Date, response: string | null): Promise<void> {
    await this.dataSource.query(
      "UPDATE sends SET status = 'claimed', lease_until = $3, smtp_response = $4 WHERE id = $1 AND claimed_by = $2 AND status IN ('claimed', 'handed')",
      [sendId, worker, now, response],
    );
  }

  /** A ledger row for a step decided without sending (suppressed, skipped by its condition). */
  async record(c: Omit<ClaimInput, 'worker' | 'leaseUntil'>, status: Extract<SendStatus, 'suppressed' | 'skipped'>, tx?: EntityManager): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      tx ?? this.dataSource,
      `INSERT INTO sends (enrollment_id, step, launch_id, partner_id, vendor_id, prospect_id, status, attempts, due_at, claimed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9) ON CONFLICT (enrollment_id, step) DO NOTHING RETURNING id`,
      [c.enrollmentId, c.step, c.launchId, c.partnerId, c.vendorId, c.prospectId, status, c.due, c.now],
    );
    return rows.length > 0;
  }

  /**
   * Sends handed to SMTP whose worker then vanished (its lease ran out): they may have been
   * delivered, so they are marked uncertain and never sent again.
   */
  async takeAbandonedHanded(now: Date, limit: number): Promise<Array<{ sendId: string; enrollmentId: string; step: number; handedAt: Date }>> {
    const rows = await queryRows<{ id: string; enrollment_id: string; step: number; handed_at: Date }>(
      this.dataSource,
      `WITH stale AS (SELECT id FROM sends WHERE status = 'handed' AND lease_until < $1 ORDER BY lease_until LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE sends SET status = 'uncertain', lease_until = NULL, smtp_response = 'worker stopped after handing the message to SMTP'
         FROM stale WHERE sends.id = stale.id
       RETURNING sends.id, sends.enrollment_id, sends.step, sends.handed_at`,
      [now, limit],
    );
    return rows.map((r) => ({ sendId: String(r.id), enrollmentId: String(r.enrollment_id), step: r.step, handedAt: r.handed_at }));
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
