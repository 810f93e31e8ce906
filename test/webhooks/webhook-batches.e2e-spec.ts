import { getQueueToken } from '@nestjs/bullmq';
import { PartnerScope } from '@tcma/persistence';
import { QueueName } from '@tcma/queue';
import { WebhookDispatcher, WebhooksService } from '@tcma/webhooks';
import { Queue } from 'bullmq';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceTenants } from '../factories/service-tenants.factory';
import { testDb } from '../support/db';
import { eventually } from '../support/processes';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/**
 * Deliveries made together travel in one job (their first tries at once): each is still read,
 * sent and logged as its own, one its receiver refuses goes on as a job of its own with its
 * retries, and queueing the same deliveries twice sends each once. Real receivers, queue and
 * worker (the webhook role).
 */
describe('webhook deliveries made together', () => {
  const env = { WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '50' };
  let worker: WorkerHarness;
  let server: Server;
  let url: string;
  const arrivals: Array<{ path: string; id: string; status: number }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const id = String(req.headers['webhook-id']);
        // The flaky receiver refuses each delivery the first time it sees it.
        const status = req.url === '/flaky' && !arrivals.some((a) => a.id === id) ? 500 : 204;
        arrivals.push({ path: req.url ?? '', id, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    worker = await startWorker({ roles: 'webhook', env });
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function recorded(path: string, count: number): Promise<string[]> {
    const tenants = new ServiceTenants(worker.app);
    const vendor = await tenants.vendor();
    const partner = await tenants.partner(vendor);
    await worker.app
      .get(WebhooksService)
      .register(vendor.admin, { url: `${url}${path}`, eventTypes: ['lead_created'] });
    const dispatcher = worker.app.get(WebhookDispatcher);
    const scope = new PartnerScope(vendor.vendorId, partner.partnerId);
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push(...(await dispatcher.record(scope, 'lead_created', { leadId: `lead-${i}` }, new Date(), false)));
    return ids;
  }
  const delivered = (path: string) => arrivals.filter((a) => a.path === path && a.status === 204).map((a) => a.id);

  it('sends each once, retries the refused ones on their own, and queues the same deliveries twice as once', async () => {
    const fast = await recorded('/fast', 10);
    const flaky = await recorded('/flaky', 5);
    const dispatcher = worker.app.get(WebhookDispatcher);
    const together = [...fast, ...flaky];
    await Promise.all([dispatcher.dispatch(together), dispatcher.dispatch(together)]);

    await eventually(
      () => Promise.resolve(delivered('/fast').length >= 10 && delivered('/flaky').length >= 5),
      'every delivery delivered',
    );
    const sent = (id: string) => arrivals.filter((a) => a.id === id).map((a) => a.status);
    for (const id of fast) expect(sent(id)).toEqual([204]);
    for (const id of flaky) expect(sent(id)).toEqual([500, 204]);
    const rows = await testDb().query<Array<{ id: string; status: string; attempts: number; logged: number[] }>>(
      `SELECT d.id, d.status, d.attempts,
              array(SELECT a.attempt FROM webhook_attempts a WHERE a.delivery_id = d.id ORDER BY a.id) AS logged
         FROM webhook_deliveries d WHERE d.id = ANY($1)`,
      [together],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of fast) expect(byId.get(id)).toMatchObject({ status: 'delivered', attempts: 1, logged: [1] });
    for (const id of flaky) expect(byId.get(id)).toMatchObject({ status: 'delivered', attempts: 2, logged: [1, 2] });

    // The refused ones went on as jobs of their own, with the retries they had left.
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.Webhooks));
    for (const id of flaky) {
      const job = await queue.getJob(`${id}-again`);
      expect(job?.opts).toMatchObject({ attempts: 11, delay: 50 });
      expect(await job?.getState()).toBe('completed');
    }
    for (const id of fast) expect(await queue.getJob(`${id}-again`)).toBeUndefined();
  });
});
