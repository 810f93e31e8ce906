import { getQueueToken } from '@nestjs/bullmq';
import { DeliverWebhookJob, JobName, QueueName } from '@tcma/queue';
import { WebhookDispatcher } from '@tcma/webhooks';
import { Queue } from 'bullmq';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDb } from '../support/db';
import { eventually } from '../support/processes';
import { recordedDeliveries } from '../support/webhook-deliveries';
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
        // The flaky receiver refuses each delivery the first time it sees it, /twice every other time.
        const seen = arrivals.filter((a) => a.id === id).length;
        const status = (req.url === '/flaky' && seen === 0) || (req.url === '/twice' && seen % 2 === 0) ? 500 : 204;
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

  const recorded = (path: string, count: number) => recordedDeliveries(worker.app, `${url}${path}`, count);
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

    // The refused ones went on as jobs of their own (one each), with the retries they had left.
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.Webhooks));
    const ownJobs = (await queue.getJobs(['completed'])).filter((j) => j.name === JobName.DeliverWebhook);
    const ownOf = (id: string) => ownJobs.filter((j) => (j.data as DeliverWebhookJob).deliveryId === id);
    for (const id of flaky) {
      expect(ownOf(id)).toHaveLength(1);
      expect(ownOf(id)[0].opts).toMatchObject({ attempts: 11, delay: 50 });
    }
    for (const id of fast) expect(ownOf(id)).toHaveLength(0);
  });

  it('retries a replayed delivery whose first try fails again, though a job of its own has finished before', async () => {
    const [id, other] = [...(await recorded('/twice', 1)), ...(await recorded('/fast', 1))];
    const dispatcher = worker.app.get(WebhookDispatcher);
    await dispatcher.dispatch([id, other]);
    await eventually(() => Promise.resolve(delivered('/twice').includes(id)), 'delivered by its own job');
    // The receiver's 204 comes before the worker records it: pending is set again only once the
    // row says delivered, or the worker's late write would overwrite it (seen on a loaded machine).
    await eventually(async () => {
      const [row] = await testDb().query<Array<{ status: string }>>(
        'SELECT status FROM webhook_deliveries WHERE id = $1',
        [id],
      );
      return row?.status === 'delivered';
    }, 'its delivery recorded');

    // Replayed with another (as enabling an endpoint again queues what it missed): refused again at
    // its first try, it needs a job of its own again, the finished one notwithstanding.
    await testDb().query(`UPDATE webhook_deliveries SET status = 'pending' WHERE id = $1`, [id]);
    const [another] = await recorded('/fast', 1);
    await dispatcher.dispatch([id, another], true);
    await eventually(
      () => Promise.resolve(delivered('/twice').filter((d) => d === id).length === 2),
      'delivered again after the replay',
    );
    expect(arrivals.filter((a) => a.id === id).map((a) => a.status)).toEqual([500, 204, 500, 204]);
  });
});
