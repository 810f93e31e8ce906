import { Injectable } from '@nestjs/common';
import {
  contactsOwned,
  Database,
  executorOf,
  partnerOwned,
  PartnerScope,
  TenantScope,
  Tx,
  unnest,
  vendorOwned,
  WebhookAttemptRow,
  WebhookDeliveryRow,
  WebhookEndpointRow,
  WebhookEventType,
} from '@tcma/persistence';
import { sql } from 'kysely';

export interface NewEndpoint {
  partnerId: string | null;
  url: string;
  eventTypes: WebhookEventType[];
  secretSealed: string;
}

/**
 * Events whose payload names a person (a prospect's or lead's email, name, answers): a vendor's
 * own endpoint never gets one of a partner keeping its contacts private. The others carry ids only.
 */
export const PERSONAL_WEBHOOK_EVENTS: readonly WebhookEventType[] = [
  'form_submitted',
  'lead_created',
  'lead_status_changed',
  'unsubscribed',
];

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

  async listEndpoints(
    scope: TenantScope,
    page: { limit: number; offset: number },
  ): Promise<{ items: WebhookEndpointRow[]; total: number }> {
    const base = this.db.selectFrom('webhookEndpoints').where((eb) => partnerOwned(eb, scope, 'webhookEndpoints'));
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('createdAt').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /**
   * An endpoint whose delivery log the scope may read: its deliveries carry people (a lead's
   * email), so a vendor scope never finds a partner's endpoint while that partner keeps its
   * contacts private.
   */
  async findEndpointWithContacts(scope: TenantScope, id: string): Promise<WebhookEndpointRow | null> {
    return (
      (await this.db
        .selectFrom('webhookEndpoints')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => contactsOwned(eb, scope, 'webhookEndpoints'))
        .executeTakeFirst()) ?? null
    );
  }

  async deleteEndpoint(scope: TenantScope, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('webhookEndpoints')
      .where('id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'webhookEndpoints'))
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Deletes the partner's deliveries of PERSONAL_WEBHOOK_EVENTS to the vendor's own endpoints
   * (their attempts cascade), in the caller's transaction: the one turning the partner private.
   */
  async deletePersonalDeliveriesToVendor(scope: PartnerScope, tx: Tx): Promise<number> {
    const result = await executorOf(this.db, tx)
      .deleteFrom('webhookDeliveries as d')
      .using('webhookEndpoints as w')
      .whereRef('w.id', '=', 'd.endpointId')
      .where('w.partnerId', 'is', null)
      .where('w.vendorId', '=', scope.vendorId)
      .where('d.vendorId', '=', scope.vendorId)
      .where('d.partnerId', '=', scope.partnerId)
      .where('d.eventType', 'in', PERSONAL_WEBHOOK_EVENTS)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * One delivery of each of these events of a partner (one payload each, all of one type) to
   * each enabled endpoint that wants it: the partner's own, and the vendor's unless the partner
   * keeps its contacts private and the event names a person (`personal`). In the caller's
   * transaction: the events and their deliveries commit together. One statement however many
   * events (a batch of form submissions records theirs at once). Returns the deliveries' ids.
   */
  async enqueue(
    scope: PartnerScope,
    type: WebhookEventType,
    payloads: Array<Record<string, unknown>>,
    personal: boolean,
    tx?: Tx,
  ): Promise<string[]> {
    if (!payloads.length) return [];
    const rows = await executorOf(this.db, tx)
      // The partner's row, share-locked: a switch to private waits for this insert's transaction
      // (and then forgets what it inserted), or this insert waits for the switch and sees it.
      .with('privacy', (db) =>
        db
          .selectFrom('partners')
          .select('contactsPrivate')
          .where('id', '=', scope.partnerId)
          .where('vendorId', '=', scope.vendorId)
          .forShare(),
      )
      .insertInto('webhookDeliveries')
      .columns(['endpointId', 'vendorId', 'partnerId', 'eventType', 'payload'])
      .expression((eb) =>
        eb
          .selectFrom('webhookEndpoints as w')
          .innerJoin(
            // One JSON array, not a jsonb[] parameter: pg escapes every quote of every payload
            // in an array literal, the larger part of this statement's cost to a burst of leads.
            sql<{ payload: string }>`jsonb_array_elements(${JSON.stringify(payloads)}::jsonb)`.as<'p'>(
              sql.raw('p(payload)'),
            ),
            (join) => join.onTrue(),
          )
          .select((s) => [
            'w.id',
            'w.vendorId',
            s.val(scope.partnerId).as('partnerId'),
            s.val(type).as('eventType'),
            'p.payload',
          ])
          .where('w.enabled', '=', true)
          .where(sql<boolean>`${type} = ANY(w.event_types)`)
          // The partner's own endpoints, and the vendor's (partnerId null) unless the event names
          // a person and the partner keeps its contacts private.
          .where((s) =>
            s.or([
              partnerOwned(s, scope, 'w'),
              s.and([
                vendorOwned(s, scope, 'w'),
                s('w.partnerId', 'is', null),
                personal || PERSONAL_WEBHOOK_EVENTS.includes(type)
                  ? s.not(
                      s.exists(
                        s.selectFrom('privacy').select(s.lit(1).as('one')).where('privacy.contactsPrivate', '=', true),
                      ),
                    )
                  : sql<boolean>`true`,
              ]),
            ]),
          ),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * One delivery per enabled endpoint that wants it for each of these recorded events (the
   * engine's events table: sends, bounces, clicks, conversions), in the caller's transaction.
   * Their payloads name no person (ids only), so a vendor's endpoint gets them whatever the
   * partner's privacy. Steps are numbered as the sequence shows them (1: the first email).
   * Returns the deliveries' ids.
   */
  async enqueueForEventsForSystem(
    events: Array<{ eventId: string; type: WebhookEventType; outcome: string | null }>,
    tx: Tx,
  ): Promise<string[]> {
    if (!events.length) return [];
    const rows = await executorOf(this.db, tx)
      .insertInto('webhookDeliveries')
      .columns(['endpointId', 'vendorId', 'partnerId', 'eventType', 'payload'])
      .expression((eb) =>
        eb
          .selectFrom(
            unnest<{ eventId: string; type: string; outcome: string | null }, 'x'>('x', {
              eventId: { type: 'bigint', values: events.map((e) => e.eventId) },
              type: { type: 'text', values: events.map((e) => e.type) },
              outcome: { type: 'text', values: events.map((e) => e.outcome) },
            }),
          )
          .innerJoin('events as e', 'e.id', 'x.eventId')
          .leftJoin('launches as l', 'l.id', 'e.launchId')
          .innerJoin('webhookEndpoints as w', (join) =>
            join
              .onRef('w.vendorId', '=', 'e.vendorId')
              .on('w.enabled', '=', true)
              .on(sql<boolean>`x.type = ANY(w.event_types)`)
              .on((j) => j.or([j('w.partnerId', 'is', null), j('w.partnerId', '=', j.ref('e.partnerId'))])),
          )
          .select([
            'w.id',
            'e.vendorId',
            'e.partnerId',
            sql<WebhookEventType>`x.type`.as('eventType'),
            sql<Record<string, unknown>>`jsonb_build_object(
              'type', x.type,
              'timestamp', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'data', jsonb_strip_nulls(jsonb_build_object(
                'eventId', e.id::text, 'partnerId', e.partner_id, 'launchId', e.launch_id, 'campaignId', l.campaign_id,
                'sendId', e.send_id::text, 'step', e.step + 1, 'prospectId', e.prospect_id::text, 'linkIndex', e.link_index, 'link', e.link_name, 'outcome', x.outcome)))`.as(
              'payload',
            ),
          ]),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** One `launch_completed` delivery per enabled endpoint that wants it for each of these launches, in the caller's transaction. */
  async enqueueForCompletedLaunchesForSystem(launchIds: string[], at: Date, tx: Tx): Promise<string[]> {
    if (!launchIds.length) return [];
    const rows = await executorOf(this.db, tx)
      .insertInto('webhookDeliveries')
      .columns(['endpointId', 'vendorId', 'partnerId', 'eventType', 'payload'])
      .expression((eb) =>
        eb
          .selectFrom('launches as l')
          .innerJoin('webhookEndpoints as w', (join) =>
            join
              .onRef('w.vendorId', '=', 'l.vendorId')
              .on('w.enabled', '=', true)
              .on(sql<boolean>`'launch_completed' = ANY(w.event_types)`)
              .on((j) => j.or([j('w.partnerId', 'is', null), j('w.partnerId', '=', j.ref('l.partnerId'))])),
          )
          .where('l.id', 'in', launchIds)
          .select([
            'w.id',
            'l.vendorId',
            'l.partnerId',
            sql<WebhookEventType>`'launch_completed'`.as('eventType'),
            sql<
              Record<string, unknown>
            >`jsonb_build_object('type', 'launch_completed', 'timestamp', ${at.toISOString()}::text,
              'data', jsonb_build_object('launchId', l.id, 'campaignId', l.campaign_id, 'partnerId', l.partner_id, 'version', l.version, 'enrolled', l.enrolled))`.as(
              'payload',
            ),
          ]),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Enables an endpoint again, its failing streak forgotten; null when it is not in the scope. */
  async enable(scope: TenantScope, id: string): Promise<WebhookEndpointRow | null> {
    const row = await this.db
      .updateTable('webhookEndpoints')
      .set({
        enabled: true,
        failingSince: null,
        consecutiveFailures: 0,
        disabledAt: null,
        disabledReason: null,
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'webhookEndpoints'))
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /** The endpoint's deliveries not delivered yet (oldest first, at most `limit`): queued again when it is enabled again. */
  async undelivered(scope: TenantScope, endpointId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('webhookDeliveries as d')
      .select('d.id')
      .where('d.endpointId', '=', endpointId)
      .where('d.status', '!=', 'delivered')
      .where((eb) => vendorOwned(eb, scope, 'd'))
      .orderBy('d.createdAt')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** The deliveries of an endpoint (found in the caller's scope first), newest first, each with its attempts. */
  async listDeliveries(
    scope: TenantScope,
    endpointId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: Array<WebhookDeliveryRow & { log: WebhookAttemptRow[] }>; total: number }> {
    const base = this.db
      .selectFrom('webhookDeliveries')
      .where('endpointId', '=', endpointId)
      .where((eb) => vendorOwned(eb, scope, 'webhookDeliveries'));
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const ids = items.map((d) => d.id);
    const attempts = ids.length
      ? await this.db.selectFrom('webhookAttempts').selectAll().where('deliveryId', 'in', ids).orderBy('id').execute()
      : [];
    return {
      items: items.map((d) => ({ ...d, log: attempts.filter((a) => a.deliveryId === d.id) })),
      total: Number(count.n),
    };
  }

  /** A delivery, when its endpoint is in the caller's scope and its people too (as findEndpointWithContacts). */
  async findDelivery(scope: TenantScope, id: string): Promise<WebhookDeliveryRow | null> {
    const row = await this.db
      .selectFrom('webhookDeliveries as d')
      .innerJoin('webhookEndpoints as w', 'w.id', 'd.endpointId')
      .selectAll('d')
      .where('d.id', '=', id)
      .where((eb) => contactsOwned(eb, scope, 'w'))
      .executeTakeFirst();
    return row ?? null;
  }

  /** A replay: the delivery pending again, its id (the webhook-id) unchanged so receivers can de-duplicate. */
  async reopen(scope: TenantScope, id: string): Promise<void> {
    await this.db
      .updateTable('webhookDeliveries')
      .set({ status: 'pending' })
      .where('id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'webhookDeliveries'))
      .execute();
  }
}
