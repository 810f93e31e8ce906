import { Injectable } from '@nestjs/common';
import { Database, executorOf, partnerOwned, PartnerScope, TenantScope, Tx, vendorOwned, WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow, WebhookEventType } from '@tcma/persistence';
import { sql } from 'kysely';

export interface NewEndpoint {
  partnerId: string | null;
  url: string;
  eventTypes: WebhookEventType[];
  secretSealed: string;
}

export interface DeliveryForSending {
  delivery: WebhookDeliveryRow;
  endpoint: WebhookEndpointRow;
}

export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  at: Date;
}

/**
 * Endpoints are the vendor's (partnerId null) or a partner's: a partner scope sees only its
 * partner's endpoints (partnerOwned), a vendor scope every endpoint of the vendor. Deliveries
 * are reached through an endpoint found in the caller's scope.
 */
/** Webhook endpoints, their deliveries and the delivery log. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly db: Database) {}

  async createEndpoint(scope: TenantScope, endpoint: NewEndpoint): Promise<WebhookEndpointRow> {
    return this.db
      .insertInto('webhookEndpoints')
      .values({ ...endpoint, vendorId: scope.vendorId })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async listEndpoints(scope: TenantScope, page: { limit: number; offset: number }): Promise<{ items: WebhookEndpointRow[]; total: number }> {
    const base = this.db.selectFrom('webhookEndpoints').where((eb) => partnerOwned(eb, scope, 'webhookEndpoints'));
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('createdAt').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  async findEndpoint(scope: TenantScope, id: string): Promise<WebhookEndpointRow | null> {
    return (await this.db.selectFrom('webhookEndpoints').selectAll().where('id', '=', id).where((eb) => partnerOwned(eb, scope, 'webhookEndpoints')).executeTakeFirst()) ?? null;
  }

  async deleteEndpoint(scope: TenantScope, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('webhookEndpoints').where('id', '=', id).where((eb) => partnerOwned(eb, scope, 'webhookEndpoints')).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * One delivery of an event of a partner to each enabled endpoint that wants it: the
   * partner's own, and the vendor's unless the partner keeps its contacts private and the
   * event names a person (`personal`). In the caller's transaction: the event and its
   * deliveries commit together. Returns the deliveries' ids.
   */
  async enqueue(scope: PartnerScope, type: WebhookEventType, payload: Record<string, unknown>, personal: boolean, tx?: Tx): Promise<string[]> {
    const rows = await executorOf(this.db, tx)
      .insertInto('webhookDeliveries')
      .columns(['endpointId', 'vendorId', 'partnerId', 'eventType', 'payload'])
      .expression((eb) =>
        eb
          .selectFrom('webhookEndpoints as w')
          .select((s) => ['w.id', 'w.vendorId', s.val(scope.partnerId).as('partnerId'), s.val(type).as('eventType'), s.val(JSON.stringify(payload)).as('payload')])
          .where('w.vendorId', '=', scope.vendorId)
          .where('w.enabled', '=', true)
          .where(sql<boolean>`${type} = ANY(w.event_types)`)
          .where((s) =>
            s.or([
              s('w.partnerId', '=', scope.partnerId),
              s.and([
                s('w.partnerId', 'is', null),
                personal ? s.not(s.exists(s.selectFrom('partners as p').select(s.lit(1).as('one')).where('p.id', '=', scope.partnerId).where('p.contactsPrivate', '=', true))) : sql<boolean>`true`,
              ]),
            ]),
          ),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** A delivery with its endpoint, for the worker (job payloads carry the id only). */
  async forSendingForSystem(deliveryId: string): Promise<DeliveryForSending | null> {
    const delivery = await this.db.selectFrom('webhookDeliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
    if (!delivery) return null;
    const endpoint = await this.db.selectFrom('webhookEndpoints').selectAll().where('id', '=', delivery.endpointId).executeTakeFirst();
    return endpoint ? { delivery, endpoint } : null;
  }

  /** Logs an attempt and its outcome on the delivery, in one transaction. */
  async recordAttemptForSystem(attempt: AttemptRecord, outcome: 'delivered' | 'pending' | 'failed'): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('webhookAttempts').values(attempt).execute();
      await trx
        .updateTable('webhookDeliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), status: outcome, ...(outcome === 'delivered' ? { deliveredAt: attempt.at } : {}) }))
        .where('id', '=', attempt.deliveryId)
        .execute();
    });
  }

  /** The deliveries of an endpoint (found in the caller's scope first), newest first, each with its attempts. */
  async listDeliveries(scope: TenantScope, endpointId: string, page: { limit: number; offset: number }): Promise<{ items: Array<WebhookDeliveryRow & { log: WebhookAttemptRow[] }>; total: number }> {
    const base = this.db.selectFrom('webhookDeliveries').where('endpointId', '=', endpointId).where((eb) => vendorOwned(eb, scope, 'webhookDeliveries'));
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const ids = items.map((d) => d.id);
    const attempts = ids.length ? await this.db.selectFrom('webhookAttempts').selectAll().where('deliveryId', 'in', ids).orderBy('id').execute() : [];
    return { items: items.map((d) => ({ ...d, log: attempts.filter((a) => a.deliveryId === d.id) })), total: Number(count.n) };
  }

  /** A delivery, when its endpoint is in the caller's scope. */
  async findDelivery(scope: TenantScope, id: string): Promise<WebhookDeliveryRow | null> {
    const row = await this.db
      .selectFrom('webhookDeliveries as d')
      .innerJoin('webhookEndpoints as w', 'w.id', 'd.endpointId')
      .selectAll('d')
      .where('d.id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'w'))
      .executeTakeFirst();
    return row ?? null;
  }

  /** A replay: the delivery pending again, its id (the webhook-id) unchanged so receivers can de-duplicate. */
  async reopen(scope: TenantScope, id: string): Promise<void> {
    await this.db.updateTable('webhookDeliveries').set({ status: 'pending' }).where('id', '=', id).where((eb) => vendorOwned(eb, scope, 'webhookDeliveries')).execute();
  }
}
