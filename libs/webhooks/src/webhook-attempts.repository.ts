import { Injectable } from '@nestjs/common';
import { Batcher, Database, DB, prepared, unnest, WebhookDeliveryRow, WebhookEndpointRow } from '@tcma/persistence';
import { Kysely } from 'kysely';

export interface DeliveryForSending {
  delivery: WebhookDeliveryRow;
  endpoint: Pick<WebhookEndpointRow, 'id' | 'url' | 'secretSealed' | 'enabled'>;
}

export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  at: Date;
}

/** Calls grouped into one statement at most; a worker has WEBHOOK_CONCURRENCY deliveries in flight. */
const MAX_BATCH = 200;

/** Deliveries asked for, as an `unnest` column. */
type FindValues = { ids: string[] };

const findStatement = prepared((db: Kysely<DB>, v: FindValues) =>
  db
    .selectFrom(unnest('q', { id: { type: 'uuid', values: v.ids } }))
    .innerJoin('webhookDeliveries as d', 'd.id', 'q.id')
    .innerJoin('webhookEndpoints as e', 'e.id', 'd.endpointId')
    .selectAll('d')
    .select(['e.url as endpointUrl', 'e.secretSealed as endpointSecretSealed', 'e.enabled as endpointEnabled']),
);

/** Delivered attempts as `unnest` columns: the attempts, each delivery once with its count, the endpoints once. */
type DeliveredValues = {
  attemptDelivery: string[];
  attemptNumber: number[];
  attemptStatus: number[];
  attemptLatency: number[];
  attemptAt: Date[];
  deliveryId: string[];
  deliveryTimes: number[];
  deliveryAt: Date[];
  endpointId: string[];
};

const deliveredStatement = prepared((db: Kysely<DB>, v: DeliveredValues) =>
  db
    .with('attempt', (q) =>
      q
        .insertInto('webhookAttempts')
        .columns(['deliveryId', 'attempt', 'statusCode', 'latencyMs', 'at'])
        .expression(
          q
            .selectFrom(
              unnest('a', {
                deliveryId: { type: 'uuid', values: v.attemptDelivery },
                attempt: { type: 'int', values: v.attemptNumber },
                statusCode: { type: 'int', values: v.attemptStatus },
                latencyMs: { type: 'int', values: v.attemptLatency },
                at: { type: 'timestamptz', values: v.attemptAt },
              }),
            )
            .select(['a.deliveryId', 'a.attempt', 'a.statusCode', 'a.latencyMs', 'a.at']),
        ),
    )
    .with('delivery', (q) =>
      q
        .updateTable('webhookDeliveries')
        .from(
          unnest('u', {
            id: { type: 'uuid', values: v.deliveryId },
            times: { type: 'int', values: v.deliveryTimes },
            deliveredAt: { type: 'timestamptz', values: v.deliveryAt },
          }),
        )
        .set((eb) => ({
          attempts: eb('webhookDeliveries.attempts', '+', eb.ref('u.times')),
          status: 'delivered',
          deliveredAt: eb.ref('u.deliveredAt'),
        }))
        .whereRef('webhookDeliveries.id', '=', 'u.id'),
    )
    .updateTable('webhookEndpoints')
    .set({ failingSince: null, consecutiveFailures: 0 })
    .where('id', 'in', (q) => q.selectFrom(unnest('e', { id: { type: 'uuid', values: v.endpointId } })).select('e.id'))
    .where('consecutiveFailures', '>', 0),
);

/**
 * What the webhook role reads and writes per attempt. A worker has up to WEBHOOK_CONCURRENCY
 * deliveries in flight, and each used to cost two statements of its own: in this VM a round trip
 * costs more worker time (its `writev` alone about 0.25 ms) than the rest of the delivery. So the
 * reads, and the delivered attempts (nearly all of them), are group-committed: one statement runs
 * at a time and carries every call that arrived during the last one's round trip; idle, a call
 * goes at once. A failed attempt keeps its own transaction: it is rare, and it decides whether the
 * endpoint is disabled.
 */
@Injectable()
export class WebhookAttemptsRepository {
  private readonly reads = new Batcher<string, DeliveryForSending | null>((ids) => this.find(ids), MAX_BATCH, {
    serial: true,
    // A read is safe to repeat: one malformed id fails alone.
    retryAlone: true,
  });
  private readonly delivered = new Batcher<{ attempt: AttemptRecord; endpointId: string }, void>(
    (items) => this.recordDelivered(items),
    MAX_BATCH,
    { serial: true },
  );

  constructor(private readonly db: Database) {}

  /** A delivery with what sending needs of its endpoint (job payloads carry the id only). */
  forSendingForSystem(deliveryId: string): Promise<DeliveryForSending | null> {
    return this.reads.call(deliveryId);
  }

  /** Logs a delivered attempt: the delivery delivered, its endpoint's failing streak ended. */
  recordDeliveredForSystem(attempt: AttemptRecord, endpointId: string): Promise<void> {
    return this.delivered.call({ attempt, endpointId });
  }

  /**
   * Logs a failed attempt and its outcome on the delivery, and the endpoint's health, in one
   * transaction: the attempt extends the endpoint's failing streak, and disables the endpoint when
   * the streak started `disableAfterMs` or longer before it. Answers the endpoint when this
   * attempt is the one that disabled it (its owner is then told).
   */
  async recordFailedForSystem(
    attempt: AttemptRecord,
    outcome: 'pending' | 'failed',
    endpointId: string,
    disableAfterMs: number,
  ): Promise<WebhookEndpointRow | null> {
    return this.db.transaction().execute(async (trx) => {
      await trx.insertInto('webhookAttempts').values(attempt).execute();
      await trx
        .updateTable('webhookDeliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), status: outcome }))
        .where('id', '=', attempt.deliveryId)
        .execute();
      const health = await trx
        .updateTable('webhookEndpoints')
        .set((eb) => ({
          failingSince: eb.fn.coalesce('failingSince', eb.val(attempt.at)),
          consecutiveFailures: eb('consecutiveFailures', '+', 1),
        }))
        .where('id', '=', endpointId)
        .returning(['failingSince', 'consecutiveFailures'])
        .executeTakeFirst();
      if (!health?.failingSince || attempt.at.getTime() - health.failingSince.getTime() < disableAfterMs) return null;
      const disabled = await trx
        .updateTable('webhookEndpoints')
        .set({
          enabled: false,
          disabledAt: attempt.at,
          disabledReason:
            `Failing since ${health.failingSince.toISOString()} (${health.consecutiveFailures} failed attempts in a row; the last: ${attempt.error ?? `HTTP ${attempt.statusCode}`})`.slice(
              0,
              1000,
            ),
        })
        .where('id', '=', endpointId)
        .where('enabled', '=', true)
        .returningAll()
        .executeTakeFirst();
      return disabled ?? null;
    });
  }

  private async find(ids: string[]): Promise<Array<DeliveryForSending | null>> {
    const rows = await findStatement(this.db, { ids });
    const byId = new Map(
      rows.map(({ endpointUrl, endpointSecretSealed, endpointEnabled, ...delivery }) => [
        delivery.id,
        {
          delivery,
          endpoint: {
            id: delivery.endpointId,
            url: endpointUrl,
            secretSealed: endpointSecretSealed,
            enabled: endpointEnabled,
          },
        },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }

  private async recordDelivered(items: Array<{ attempt: AttemptRecord; endpointId: string }>): Promise<void[]> {
    // A delivery twice in one batch (its job and a replay's at once) counts both attempts.
    const deliveries = new Map<string, { times: number; at: Date }>();
    for (const { attempt } of items) {
      const seen = deliveries.get(attempt.deliveryId);
      if (seen) seen.times += 1;
      else deliveries.set(attempt.deliveryId, { times: 1, at: attempt.at });
    }
    await deliveredStatement(this.db, {
      attemptDelivery: items.map((i) => i.attempt.deliveryId),
      attemptNumber: items.map((i) => i.attempt.attempt),
      attemptStatus: items.map((i) => i.attempt.statusCode ?? 0),
      attemptLatency: items.map((i) => i.attempt.latencyMs),
      attemptAt: items.map((i) => i.attempt.at),
      deliveryId: [...deliveries.keys()],
      deliveryTimes: [...deliveries.values()].map((d) => d.times),
      deliveryAt: [...deliveries.values()].map((d) => d.at),
      endpointId: [...new Set(items.map((i) => i.endpointId))],
    });
    return items.map(() => undefined);
  }
}
