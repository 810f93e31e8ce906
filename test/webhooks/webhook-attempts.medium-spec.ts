import { PartnerScope } from '@tcma/persistence';
import { TenancyModule } from '@tcma/tenancy';
import {
  WEBHOOK_IN_FLIGHT_PER_ENDPOINT,
  WebhookDeliveryService,
  WebhookDispatcher,
  WebhooksModule,
  WebhooksService,
} from '@tcma/webhooks';
import { randomUUID } from 'node:crypto';
import { createServer, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceTenants } from '../factories/service-tenants.factory';
import { testDb } from '../support/db';
import { eventually } from '../support/eventually';
import { ServiceHarness, startServices } from '../support/service-harness';

/**
 * The webhook role's reads and delivered attempts are group-committed (one statement carries the
 * calls that arrived during the last one's round trip): deliveries sent at once must each still be
 * read as their own, logged once with their own attempt, and end their endpoint's failing streak.
 */
describe('webhook attempts, sent at once', () => {
  let services: ServiceHarness;
  let tenants: ServiceTenants;
  let server: Server;
  let url: string;
  const arrivals: string[] = [];
  /** Answers of /hold, kept until the test releases them (a receiver still working on them). */
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        arrivals.push(String(req.headers['webhook-id']));
        if (req.url === '/hold') held.push(res);
        else res.writeHead(req.url === '/refuse' ? 500 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    services = await startServices([TenancyModule, WebhooksModule], {
      env: { WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1' },
    });
    tenants = new ServiceTenants(services.app);
  });

  afterAll(async () => {
    await services?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function endpointWithDeliveries(path: string, count: number) {
    const vendor = await tenants.vendor();
    const partner = await tenants.partner(vendor);
    const { endpoint } = await services
      .get(WebhooksService)
      .register(vendor.admin, { url: `${url}${path}`, eventTypes: ['lead_created'] });
    const dispatcher = services.get(WebhookDispatcher);
    const scope = new PartnerScope(vendor.vendorId, partner.partnerId);
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push(...(await dispatcher.record(scope, 'lead_created', { leadId: `lead-${i}` }, new Date(), false)));
    return { endpointId: endpoint.id, ids };
  }

  const deliveries = (ids: string[]) =>
    testDb().query<Array<{ id: string; status: string; attempts: number; delivered: boolean; logged: number[] }>>(
      `SELECT d.id, d.status, d.attempts, d.delivered_at IS NOT NULL AS delivered,
              array(SELECT a.attempt FROM webhook_attempts a WHERE a.delivery_id = d.id ORDER BY a.id) AS logged
         FROM webhook_deliveries d WHERE d.id = ANY($1) ORDER BY d.id`,
      [ids],
    );

  it('delivers 60 at once (12 to each of 5 endpoints), each read, sent and logged as its own, and each endpoint’s failing streak ends', async () => {
    const endpoints = [];
    for (let i = 0; i < 5; i += 1) endpoints.push(await endpointWithDeliveries('/hook', 12));
    const ids = endpoints.flatMap((e) => e.ids);
    const endpointIds = endpoints.map((e) => e.endpointId);
    await testDb().query(
      `UPDATE webhook_endpoints SET consecutive_failures = 3, failing_since = now() - interval '1 hour' WHERE id = ANY($1)`,
      [endpointIds],
    );
    const sut = services.get(WebhookDeliveryService);

    const outcomes = await Promise.all(ids.map((id) => sut.deliver(id, false)));

    expect(outcomes).toEqual(ids.map(() => 'delivered'));
    expect(arrivals.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    const rows = await deliveries(ids);
    expect(rows).toHaveLength(60);
    for (const row of rows)
      expect(row).toMatchObject({ status: 'delivered', attempts: 1, delivered: true, logged: [1] });
    const health = await testDb().query<Array<{ consecutive_failures: number; failing_since: Date | null }>>(
      'SELECT consecutive_failures, failing_since FROM webhook_endpoints WHERE id = ANY($1)',
      [endpointIds],
    );
    expect(health).toEqual(endpointIds.map(() => ({ consecutive_failures: 0, failing_since: null })));
    // Delivered once: asked again, a delivery is gone, not sent twice.
    expect(await sut.deliver(ids[0], false)).toBe('gone');
    expect(arrivals.filter((id) => id === ids[0])).toHaveLength(1);
  });

  it('sends one endpoint at most its share at once: the next waits, unsent and unlogged, for the first slot that frees', async () => {
    const { ids } = await endpointWithDeliveries('/hold', WEBHOOK_IN_FLIGHT_PER_ENDPOINT + 1);
    const sut = services.get(WebhookDeliveryService);
    const sent = () => arrivals.filter((id) => ids.includes(id));

    const pending = ids.map((id) => sut.deliver(id, false));
    // The receiver holds every answer: the endpoint's share is in flight, the one more waits.
    await eventually(
      () => Promise.resolve(sent().length === WEBHOOK_IN_FLIGHT_PER_ENDPOINT),
      'the endpoint’s share in flight',
    );
    const waiting = ids.find((id) => !sent().includes(id))!;
    expect(await deliveries([waiting])).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 0, logged: [] }),
    ]);
    expect(held).toHaveLength(WEBHOOK_IN_FLIGHT_PER_ENDPOINT);

    held.shift()!.writeHead(204).end();
    await eventually(() => Promise.resolve(sent().includes(waiting)), 'the waiting delivery sent once a slot freed');
    for (const res of held.splice(0)) res.writeHead(204).end();
    expect(await Promise.all(pending)).toEqual(ids.map(() => 'delivered'));
    expect(sent().sort()).toEqual([...ids].sort());
  });

  it('logs both attempts of a delivery sent twice at once (its job and a replay’s)', async () => {
    const { ids } = await endpointWithDeliveries('/hook', 1);
    const sut = services.get(WebhookDeliveryService);

    expect(await Promise.all([sut.deliver(ids[0], false), sut.deliver(ids[0], false)])).toEqual([
      'delivered',
      'delivered',
    ]);

    const [row] = await deliveries(ids);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, logged: [1, 1] });
  });

  it('an unknown or malformed id among many fails alone; a refusing receiver’s attempts are logged as failures', async () => {
    const good = await endpointWithDeliveries('/hook', 5);
    const refusing = await endpointWithDeliveries('/refuse', 5);
    const sut = services.get(WebhookDeliveryService);

    const outcomes = await Promise.allSettled([
      ...good.ids.map((id) => sut.deliver(id, false)),
      ...refusing.ids.map((id) => sut.deliver(id, false)),
      sut.deliver(randomUUID(), false),
      sut.deliver('not-a-uuid', false),
    ]);

    expect(outcomes.slice(0, 5).map((o) => (o.status === 'fulfilled' ? o.value : o.reason))).toEqual(
      good.ids.map(() => 'delivered'),
    );
    expect(outcomes.slice(5, 10).map((o) => (o.status === 'fulfilled' ? o.value : o.reason))).toEqual(
      refusing.ids.map(() => 'retry'),
    );
    expect(outcomes[10]).toEqual({ status: 'fulfilled', value: 'gone' });
    expect(outcomes[11].status).toBe('rejected');
    for (const row of await deliveries(refusing.ids))
      expect(row).toMatchObject({ status: 'pending', attempts: 1, delivered: false, logged: [1] });
    const [health] = await testDb().query<Array<{ consecutive_failures: number }>>(
      'SELECT consecutive_failures FROM webhook_endpoints WHERE id = $1',
      [refusing.endpointId],
    );
    expect(health.consecutive_failures).toBe(5);
  });
});
