import { DB, EventType, prepared, unnest } from '@tcma/persistence';
import { Kysely, sql } from 'kysely';

export interface SendEventInput {
  sendId: string;
  type: EventType;
  at: Date;
  linkIndex?: number | null;
  linkName?: string | null;
  userAgent?: string | null;
  method?: string | null;
}

/** Events as `unnest` columns. */
export type EventValues = {
  sendId: string[];
  type: EventType[];
  at: Date[];
  linkIndex: Array<number | null>;
  linkName: Array<string | null>;
  userAgent: Array<string | null>;
  method: Array<string | null>;
};

export function eventValues(items: SendEventInput[]): EventValues {
  const col = <T>(f: (e: SendEventInput) => T) => items.map(f);
  return {
    sendId: col((e) => e.sendId),
    type: col((e) => e.type),
    at: col((e) => e.at),
    linkIndex: col((e) => e.linkIndex ?? null),
    linkName: col((e) => e.linkName ?? null),
    userAgent: col((e) => e.userAgent?.slice(0, 512) ?? null),
    method: col((e) => e.method ?? null),
  };
}

const COLUMNS = [
  'type',
  'occurredAt',
  'vendorId',
  'partnerId',
  'launchId',
  'prospectId',
  'sendId',
  'step',
  'linkIndex',
  'linkName',
  'userAgent',
  'method',
] as const;

const events = (v: EventValues) =>
  unnest<
    {
      sendId: string;
      type: EventType;
      at: Date;
      linkIndex: number | null;
      linkName: string | null;
      userAgent: string | null;
      method: string | null;
    },
    'x'
  >('x', {
    sendId: { type: 'bigint', values: v.sendId },
    type: { type: 'text', values: v.type },
    at: { type: 'timestamptz', values: v.at },
    linkIndex: { type: 'int', values: v.linkIndex },
    linkName: { type: 'text', values: v.linkName },
    userAgent: { type: 'text', values: v.userAgent },
    method: { type: 'text', values: v.method },
  });

const SELECTED = [
  'x.type',
  'x.at',
  's.vendorId',
  's.partnerId',
  's.launchId',
  's.prospectId',
  's.id',
  's.step',
  'x.linkIndex',
  'x.linkName',
  'x.userAgent',
  'x.method',
] as const;

/** Events of sends, each copying its context from its send; returns the send of each event written (unknown sends write none). */
export const insertEvents = prepared((db: Kysely<DB>, v: EventValues) =>
  db
    .insertInto('events')
    .columns(COLUMNS)
    .expression((eb) => eb.selectFrom(events(v)).innerJoin('sends as s', 's.id', 'x.sendId').select(SELECTED))
    .returning('sendId'),
);

/**
 * The same, committed without waiting for the commit to reach disk, in one round trip: the
 * statement is its own transaction, and `set_config(…, true)` is `SET LOCAL` for it. (It was
 * BEGIN, SET LOCAL, INSERT, COMMIT: four round trips and a query built four times per batch of
 * opens and clicks.) The setting's CTE calls a volatile function, so Postgres evaluates it rather
 * than folding it away, once, as the join reads its one row.
 */
export const insertEventsAsynchronously = prepared((db: Kysely<DB>, v: EventValues) =>
  db
    .with('commitMode', (q) => q.selectNoFrom(sql<string>`set_config('synchronous_commit', 'off', true)`.as('setting')))
    .insertInto('events')
    .columns(COLUMNS)
    .expression((eb) =>
      eb.selectFrom(events(v)).innerJoin('sends as s', 's.id', 'x.sendId').crossJoin('commitMode').select(SELECTED),
    )
    .returning('sendId'),
);
