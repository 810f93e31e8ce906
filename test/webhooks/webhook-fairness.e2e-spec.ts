import { WEBHOOK_IN_FLIGHT_PER_ENDPOINT, WebhookDispatcher } from '@tcma/webhooks';
import { createServer, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDb } from '../support/db';
import { eventually } from '../support/processes';
import { recordedDeliveries } from '../support/webhook-deliveries';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/**
 * A slow consumer never holds back the others: a receiver that keeps every request waiting, with
 * many deliveries queued, holds at most its endpoint's share of the worker's slots, and another
 * endpoint's deliveries go out meanwhile; once it answers, what waited arrives, each once. Real
 * HTTP receivers, queue and worker (the webhook role).
 */
describe('webhook deliveries, a slow receiver beside a fast one', () => {
  const env = { WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1' };
  let worker: WorkerHarness;
  let server: Server;
  let url: string;
  const arrivals: Array<{ path: string; id: string }> = [];
  /** The slow receiver's requests, unanswered until the test lets them go. */
  const held: ServerResponse[] = [];
  let holding = true;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        arrivals.push({ path: req.url ?? '', id: String(req.headers['webhook-id']) });
        if (req.url === '/slow' && holding) held.push(res);
        else res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    worker = await startWorker({ roles: 'webhook', env });
  }, 60_000);

  afterAll(async () => {
    for (const res of held.splice(0)) res.destroy();
    await worker?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function queued(path: string, count: number): Promise<string[]> {
    const ids = await recordedDeliveries(worker.app, `${url}${path}`, count);
    await worker.app.get(WebhookDispatcher).dispatch(ids);
    return ids;
  }
  const at = (path: string) => arrivals.filter((a) => a.path === path).map((a) => a.id);

  it("sends the fast receiver's deliveries while the slow one holds its share, then the slow one's, each once", async () => {
    // More than its share queued: the rest waits for the share to come free.
    const slow = await queued('/slow', WEBHOOK_IN_FLIGHT_PER_ENDPOINT + 28);
    await eventually(
      () => Promise.resolve(held.length === WEBHOOK_IN_FLIGHT_PER_ENDPOINT),
      'the slow endpoint’s share in flight',
    );
    const fast = await queued('/fast', 10);

    await eventually(() => Promise.resolve(at('/fast').length === fast.length), 'the fast receiver’s deliveries');
    // All that while the slow receiver answered nothing, and got no more than its share.
    expect(held).toHaveLength(WEBHOOK_IN_FLIGHT_PER_ENDPOINT);
    expect(at('/slow')).toHaveLength(WEBHOOK_IN_FLIGHT_PER_ENDPOINT);
    expect(at('/fast').sort()).toEqual([...fast].sort());

    holding = false;
    for (const res of held.splice(0)) res.writeHead(204).end();
    await eventually(() => Promise.resolve(at('/slow').length === slow.length), 'the slow receiver’s deliveries');
    expect(at('/slow').sort()).toEqual([...slow].sort());
    const rows = await testDb().query<Array<{ status: string; attempts: number; logged: number }>>(
      `SELECT d.status, d.attempts, (SELECT count(*)::int FROM webhook_attempts a WHERE a.delivery_id = d.id) AS logged
         FROM webhook_deliveries d WHERE d.id = ANY($1)`,
      [[...slow, ...fast]],
    );
    expect(rows).toHaveLength(slow.length + fast.length);
    for (const row of rows) expect(row).toEqual({ status: 'delivered', attempts: 1, logged: 1 });
  });
});
