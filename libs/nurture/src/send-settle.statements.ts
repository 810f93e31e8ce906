import { DB, prepared, SendStatus, unnest } from '@tcma/persistence';
import { QueryCreator, sql } from 'kysely';
import type { AdvanceTo } from './enrollments.repository';

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

export interface HandoverInput {
  sendId: string;
  worker: string;
  now: Date;
  leaseUntil: Date;
}

/** Handovers as `unnest` columns. */
type HandValues = { handId: string[]; handWorker: string[]; handNow: Date[]; handLeaseUntil: Date[] };

/** One row of `unnest` columns. */
type RowOf<V extends Record<string, unknown[]>> = { [K in keyof V]: V[K][number] };

/** Outcomes as `unnest` columns. */
type FinishValues = {
  sendId: string[];
  outcome: string[];
  at: Date[];
  messageId: Array<string | null>;
  response: Array<string | null>;
  enrollmentId: string[];
  step: number[];
  nextStep: number[];
  nextDue: Array<Date | null>;
  nextStatus: string[];
  queuedAt: Array<Date | null>;
  exitReason: Array<string | null>;
};

export function handValues(items: HandoverInput[]): HandValues {
  return {
    handId: items.map((i) => i.sendId),
    handWorker: items.map((i) => i.worker),
    handNow: items.map((i) => i.now),
    handLeaseUntil: items.map((i) => i.leaseUntil),
  };
}

export function finishValues(items: FinishInput[]): FinishValues {
  const col = <T>(f: (i: FinishInput) => T) => items.map(f);
  return {
    sendId: col((i) => i.sendId),
    outcome: col((i) => i.outcome),
    at: col((i) => i.at),
    messageId: col((i) => i.messageId ?? null),
    response: col((i) => i.response ?? null),
    enrollmentId: col((i) => i.enrollmentId),
    step: col((i) => i.step),
    nextStep: col((i) => i.to.nextStep),
    nextDue: col((i) => i.to.nextDueAt),
    nextStatus: col((i) => i.to.status),
    queuedAt: col((i) => i.to.queuedAt),
    exitReason: col((i) => i.to.exitReason ?? null),
  };
}

/**
 * The point of no return for claimed sends of the given workers, and the try it counts: a
 * message handed to SMTP is an attempt whatever its outcome.
 */
function handover(db: QueryCreator<DB>, v: HandValues) {
  return db
    .updateTable('sends')
    .from(
      unnest<{ id: string; worker: string; now: Date; leaseUntil: Date }, 'h'>('h', {
        id: { type: 'bigint', values: v.handId },
        worker: { type: 'text', values: v.handWorker },
        now: { type: 'timestamptz', values: v.handNow },
        leaseUntil: { type: 'timestamptz', values: v.handLeaseUntil },
      }),
    )
    .set((eb) => ({
      status: 'handed',
      handedAt: eb.ref('h.now'),
      leaseUntil: eb.ref('h.leaseUntil'),
      attempts: eb('sends.attempts', '+', 1),
    }))
    .whereRef('sends.id', '=', 'h.id')
    .where('sends.status', '=', 'claimed')
    .whereRef('sends.claimedBy', '=', 'h.worker')
    .returning(['sends.id', 'h.worker']);
}

/** Handovers alone: a plain update, without the outcome statement's parts. */
export const handStatement = prepared((db: QueryCreator<DB>, v: HandValues) => handover(db, v));

/**
 * Handovers and outcomes in one statement (SendLedgerRepository.settleForSystem says why): the
 * outcomes recorded on handed sends, their funnel events, their enrollments moved on.
 */
export const settleStatement = prepared((db: QueryCreator<DB>, v: HandValues & FinishValues) =>
  db
    .with('hand', (db) => handover(db, v))
    .with('u', (db) =>
      db
        .selectFrom(
          unnest<RowOf<FinishValues>, 'u'>('u', {
            sendId: { type: 'bigint', values: v.sendId },
            outcome: { type: 'text', values: v.outcome },
            at: { type: 'timestamptz', values: v.at },
            messageId: { type: 'text', values: v.messageId },
            response: { type: 'text', values: v.response },
            enrollmentId: { type: 'bigint', values: v.enrollmentId },
            step: { type: 'int', values: v.step },
            nextStep: { type: 'int', values: v.nextStep },
            nextDue: { type: 'timestamptz', values: v.nextDue },
            nextStatus: { type: 'text', values: v.nextStatus },
            queuedAt: { type: 'timestamptz', values: v.queuedAt },
            exitReason: { type: 'text', values: v.exitReason },
          }),
        )
        .selectAll('u'),
    )
    .with('s', (db) =>
      db
        .updateTable('sends')
        .from('u')
        .set((eb) => ({
          status: sql<SendStatus>`${eb.ref('u.outcome')}`,
          sentAt: eb.case().when('u.outcome', '=', 'sent').then(eb.ref('u.at')).end(),
          messageId: eb.ref('u.messageId'),
          smtpResponse: eb.ref('u.response'),
          leaseUntil: null,
        }))
        .whereRef('sends.id', '=', 'u.sendId')
        .where('sends.status', '=', 'handed')
        .returning([
          'sends.id',
          'sends.vendorId',
          'sends.partnerId',
          'sends.launchId',
          'sends.prospectId',
          'sends.step',
          'u.at',
          'u.outcome',
        ]),
    )
    // The funnel's event: accepted by the server, or handed over with the outcome unknown.
    .with('ev', (db) =>
      db
        .insertInto('events')
        .columns(['type', 'occurredAt', 'vendorId', 'partnerId', 'launchId', 'prospectId', 'sendId', 'step'])
        .expression((eb) =>
          eb
            .selectFrom('s')
            .select((s) => [
              s.case().when('s.outcome', '=', 'sent').then(sql.lit('accepted')).else(sql.lit('sent')).end().as('type'),
              's.at',
              's.vendorId',
              's.partnerId',
              's.launchId',
              's.prospectId',
              's.id',
              's.step',
            ]),
        ),
    )
    .with('moved', (db) =>
      db
        .updateTable('enrollments as e')
        .from('u')
        .innerJoin('s', 's.id', 'u.sendId')
        .set((eb) => ({
          nextStep: eb.ref('u.nextStep'),
          nextDueAt: eb.ref('u.nextDue'),
          status: sql`${eb.ref('u.nextStatus')}`,
          queuedAt: eb.ref('u.queuedAt'),
          exitReason: eb.ref('u.exitReason'),
          lastSentAt: eb.ref('u.at'),
          updatedAt: sql`now()`,
        }))
        .whereRef('e.id', '=', 'u.enrollmentId')
        .whereRef('e.nextStep', '=', 'u.step')
        .returning('e.id'),
    )
    .selectFrom('hand')
    .select([sql.lit('hand').as('kind'), 'hand.id', 'hand.worker'])
    .unionAll((db) =>
      db.selectFrom('moved').select([sql.lit('moved').as('kind'), 'moved.id', sql<string>`''`.as('worker')]),
    ),
);
