import { Injectable } from '@nestjs/common';
import { claimantAlive, Database, executorOf, SendStatus, Tx, unnest } from '@tcma/persistence';
import { sql } from 'kysely';
import {
  FinishInput,
  finishValues,
  HandoverInput,
  handStatement,
  handValues,
  settleStatement,
} from './send-settle.statements';

export type { FinishInput, HandoverInput };

export interface ClaimInput {
  enrollmentId: string;
  step: number;
  launchId: string;
  partnerId: string;
  vendorId: string;
  prospectId: string;
  /** The language of the email this send carries (the campaign's or a variant's). */
  language: string;
  due: Date;
  worker: string;
  now: Date;
  leaseUntil: Date;
}

/** `attempts`: the step's tries so far (messages handed to SMTP, renders that failed); a claim itself is not a try. */
export type ClaimResult =
  | { claimed: true; sendId: string; attempts: number }
  | { claimed: false; sendId: string; status: SendStatus; leaseUntil: Date | null };

/**
 * The send ledger: one row per (enrollment, step), the database's guarantee that a step is
 * sent at most once. Written only by the send path and the sweep, for every tenant at once:
 * every method is a system method.
 */
@Injectable()
export class SendLedgerRepository {
  constructor(private readonly db: Database) {}

  /**
   * Claims (enrollment, step)s for this worker: new ledger rows, existing ones whose previous
   * claimant's lease ran out before it handed anything to SMTP, or its own earlier claims (a
   * duplicate job of the same step then fails at the handover, never sends). Any other existing
   * row means the step is being sent or is done: the caller must not send. One statement for
   * the lot; results in the order asked (a key asked twice is claimed once).
   */
  async claimManyForSystem(claims: ClaimInput[]): Promise<ClaimResult[]> {
    const key = (c: { enrollmentId: string; step: number }) => `${c.enrollmentId}:${c.step}`;
    const unique = [...new Map(claims.map((c) => [key(c), c])).values()];
    const col = <K extends keyof ClaimInput>(k: K) => unique.map((c) => c[k]);
    const rows = await this.db
      .insertInto('sends')
      .columns([
        'enrollmentId',
        'step',
        'launchId',
        'partnerId',
        'vendorId',
        'prospectId',
        'language',
        'claimedBy',
        'leaseUntil',
        'dueAt',
        'claimedAt',
        'status',
        'attempts',
      ])
      .expression((eb) =>
        eb
          .selectFrom(
            unnest<
              Omit<ClaimInput, 'worker' | 'now' | 'due'> & { claimedBy: string; dueAt: Date; claimedAt: Date },
              'c'
            >('c', {
              enrollmentId: { type: 'bigint', values: col('enrollmentId') },
              step: { type: 'int', values: col('step') },
              launchId: { type: 'uuid', values: col('launchId') },
              partnerId: { type: 'uuid', values: col('partnerId') },
              vendorId: { type: 'uuid', values: col('vendorId') },
              prospectId: { type: 'bigint', values: col('prospectId') },
              language: { type: 'text', values: col('language') },
              claimedBy: { type: 'text', values: col('worker') },
              leaseUntil: { type: 'timestamptz', values: col('leaseUntil') },
              dueAt: { type: 'timestamptz', values: col('due') },
              claimedAt: { type: 'timestamptz', values: col('now') },
            }),
          )
          .select((s) => [
            'c.enrollmentId',
            'c.step',
            'c.launchId',
            'c.partnerId',
            'c.vendorId',
            'c.prospectId',
            'c.language',
            'c.claimedBy',
            'c.leaseUntil',
            'c.dueAt',
            'c.claimedAt',
            s.val('claimed').as('status'),
            s.lit(0).as('attempts'),
          ]),
      )
      .onConflict((oc) =>
        oc
          .columns(['enrollmentId', 'step'])
          .doUpdateSet((eb) => ({
            claimedBy: eb.ref('excluded.claimedBy'),
            leaseUntil: eb.ref('excluded.leaseUntil'),
            claimedAt: eb.ref('excluded.claimedAt'),
            language: eb.ref('excluded.language'),
          }))
          .where('sends.status', '=', 'claimed')
          // Its lease ran out, or it is this worker's own claim (a step retried after an error).
          .where((eb) =>
            eb.or([
              eb('sends.leaseUntil', '<=', eb.ref('excluded.claimedAt')),
              eb('sends.claimedBy', '=', eb.ref('excluded.claimedBy')),
            ]),
          ),
      )
      .returning(['id', 'enrollmentId', 'step', 'attempts'])
      .execute();
    const claimed = new Map(rows.map((r) => [key(r), r]));
    const missing = unique.filter((c) => !claimed.has(key(c)));
    const existing = new Map<string, { id: string; status: SendStatus; leaseUntil: Date | null }>();
    if (missing.length) {
      const found = await this.db
        .selectFrom('sends as s')
        .innerJoin(
          unnest<{ enrollmentId: string; step: number }, 'k'>('k', {
            enrollmentId: { type: 'bigint', values: missing.map((c) => c.enrollmentId) },
            step: { type: 'int', values: missing.map((c) => c.step) },
          }),
          (join) => join.onRef('k.enrollmentId', '=', 's.enrollmentId').onRef('k.step', '=', 's.step'),
        )
        .select(['s.id', 's.enrollmentId', 's.step', 's.status', 's.leaseUntil'])
        .execute();
      for (const f of found) existing.set(key(f), f);
    }
    const answered = new Set<string>();
    return claims.map((c): ClaimResult => {
      const k = key(c);
      const won = claimed.get(k);
      if (won && !answered.has(k)) {
        answered.add(k);
        return { claimed: true, sendId: won.id, attempts: won.attempts };
      }
      const other = existing.get(k) ?? (won ? { id: won.id, status: 'claimed' as const, leaseUntil: null } : undefined);
      return {
        claimed: false,
        sendId: other?.id ?? '',
        status: other?.status ?? 'claimed',
        leaseUntil: other?.leaseUntil ?? null,
      };
    });
  }

  /** The point of no return: after this a message may reach the SMTP server. */
  async markHandedManyForSystem(items: HandoverInput[]): Promise<boolean[]> {
    return (await this.settleForSystem(items, [])).handed;
  }

  /**
   * Records the outcomes of handed sends and moves their enrollments on, in one statement:
   * the ledger and the enrollment never disagree about whether a step went out.
   */
  async finishManyForSystem(items: FinishInput[]): Promise<boolean[]> {
    return (await this.settleForSystem([], items)).moved;
  }

  /**
   * Hands sends over and records others' outcomes in one statement. A connection that has
   * just delivered one message takes the next: its outcome and the next one's handover commit
   * together, so a worker never has more sends handed than connections, at one round trip per
   * message. `handed` per handover (false: its claim was lost); `moved` per outcome (whether its
   * enrollment moved on).
   */
  async settleForSystem(
    handovers: HandoverInput[],
    finishes: FinishInput[],
  ): Promise<{ handed: boolean[]; moved: boolean[] }> {
    if (!finishes.length) return { handed: await this.hand(handovers), moved: [] };
    const rows = await settleStatement(this.db, { ...handValues(handovers), ...finishValues(finishes) });
    const handed = new Set(rows.filter((r) => r.kind === 'hand').map(handKey));
    const moved = new Set(rows.filter((r) => r.kind === 'moved').map((r) => r.id));
    return {
      handed: handedOnce(handovers, handed),
      moved: finishes.map((i) => moved.has(i.enrollmentId)),
    };
  }

  /** Handovers alone: a plain update, without the outcome statement's parts. */
  private async hand(items: HandoverInput[]): Promise<boolean[]> {
    if (!items.length) return [];
    const rows = await handStatement(this.db, handValues(items));
    return handedOnce(items, new Set(rows.map(handKey)));
  }

  async setStatusForSystem(sendId: string, status: SendStatus, response: string | null, tx?: Tx): Promise<void> {
    await executorOf(this.db, tx)
      .updateTable('sends')
      .set({ status, smtpResponse: response, leaseUntil: null })
      .where('id', '=', sendId)
      .execute();
  }

  /** A send that reached SMTP (sent, uncertain or bounced): its enrollment and step. */
  async findDeliveredForSystem(
    sendId: string,
  ): Promise<{ enrollmentId: string; step: number; language: string | null } | null> {
    if (!/^\d{1,18}$/.test(sendId)) return null;
    const row = await this.db
      .selectFrom('sends')
      .select(['enrollmentId', 'step', 'language'])
      .where('id', '=', sendId)
      .where('status', 'in', ['sent', 'uncertain', 'bounced'])
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * The server refused before taking the message, or it was never handed: the claim lapses at
   * once so a retry can take it. `counted`: whether this try counts toward giving up (a refusal
   * by the server, a render that failed); anything else given back (a lapsed rate slot, a lost
   * answer) is not a try, and the count its handover may have added is taken back.
   */
  async releaseForSystem(
    sendId: string,
    worker: string,
    now: Date,
    response: string | null,
    counted: boolean,
  ): Promise<void> {
    await this.db
      .updateTable('sends')
      // A handover already counted one (see handover()): the row's old status says whether it did.
      .set({
        status: 'claimed',
        leaseUntil: now,
        smtpResponse: response,
        attempts: sql<number>`attempts + ${sql.lit(counted ? 1 : 0)} - (status = 'handed')::int`,
      })
      .where('id', '=', sendId)
      .where('claimedBy', '=', worker)
      .where('status', 'in', ['claimed', 'handed'])
      .execute();
  }

  /**
   * A claim whose rate slot lapsed before anything reached SMTP, given back: the row goes, as if
   * never claimed, so a worker stopping now leaves nothing half-done behind. A row that carries
   * earlier tries (an SMTP retry) keeps them: it is released uncounted instead.
   */
  async giveBackForSystem(sendId: string, worker: string, now: Date, response: string): Promise<void> {
    const gone = await this.db
      .deleteFrom('sends')
      .where('id', '=', sendId)
      .where('claimedBy', '=', worker)
      .where('status', 'in', ['claimed', 'handed'])
      .where(sql<boolean>`attempts - (status = 'handed')::int = 0`)
      .executeTakeFirst();
    if (gone.numDeletedRows === 0n) await this.releaseForSystem(sendId, worker, now, response, false);
  }

  /** A ledger row for a step decided without sending (suppressed, skipped by its condition). */
  async recordForSystem(
    c: Omit<ClaimInput, 'worker' | 'leaseUntil' | 'language'>,
    status: Extract<SendStatus, 'suppressed' | 'skipped'>,
    tx?: Tx,
  ): Promise<boolean> {
    const rows = await executorOf(this.db, tx)
      .insertInto('sends')
      .values({
        enrollmentId: c.enrollmentId,
        step: c.step,
        launchId: c.launchId,
        partnerId: c.partnerId,
        vendorId: c.vendorId,
        prospectId: c.prospectId,
        status,
        attempts: 0,
        dueAt: c.due,
        claimedAt: c.now,
      })
      .onConflict((oc) => oc.columns(['enrollmentId', 'step']).doNothing())
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  /**
   * Claims held by workers that stopped beating: released at once (the lease set to the
   * epoch, so any worker may take them over) and their steps put back for the sweep to
   * queue. A claim is not handed yet: nothing may have reached SMTP, so taking it over is safe.
   */
  async releaseClaimsOfDeadForSystem(deadAfterMs: number): Promise<number> {
    const released = await this.db
      .with('dead', (db) =>
        db
          .updateTable('sends')
          .set({ leaseUntil: new Date(0) })
          .where('status', '=', 'claimed')
          .where('leaseUntil', '>', new Date(0))
          .where((eb) => eb.not(claimantAlive(eb.ref('sends.claimedBy'), deadAfterMs)))
          .returning('enrollmentId'),
      )
      .updateTable('enrollments')
      .set({ queuedAt: null })
      .from('dead')
      .whereRef('enrollments.id', '=', 'dead.enrollmentId')
      .where('enrollments.status', '=', 'active')
      .returning('enrollments.id')
      .execute();
    return released.length;
  }

  /**
   * Sends handed to SMTP by workers that stopped beating: they may have been delivered, so
   * they are recorded uncertain (through finishManyForSystem, the same path as a send that
   * failed mid-transfer) and never sent again.
   */
  async abandonedHandedForSystem(
    deadAfterMs: number,
    limit: number,
  ): Promise<Array<{ sendId: string; enrollmentId: string; step: number; handedAt: Date | null }>> {
    const rows = await this.db
      .selectFrom('sends')
      .select(['id', 'enrollmentId', 'step', 'handedAt'])
      .where('status', '=', 'handed')
      .where((eb) => eb.not(claimantAlive(eb.ref('sends.claimedBy'), deadAfterMs)))
      .orderBy('handedAt')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ sendId: r.id, enrollmentId: r.enrollmentId, step: r.step, handedAt: r.handedAt }));
  }
}

/**
 * Which handovers went through: one per send, the first asking. A worker's own claim is claimed
 * again by a second job of the same step (a job BullMQ found stalled and the sweep's requeue of
 * it, say, after a worker died), and when both handovers meet in one statement Postgres updates
 * the row once: answering "handed" to both would put one message on the wire twice.
 */
function handedOnce(items: HandoverInput[], handed: Set<string>): boolean[] {
  const answered = new Set<string>();
  return items.map((i) => {
    const key = handKey({ id: i.sendId, worker: i.worker });
    if (!handed.has(key) || answered.has(key)) return false;
    answered.add(key);
    return true;
  });
}

const handKey = (r: { id: string; worker: string }) => `${r.id}:${r.worker}`;
