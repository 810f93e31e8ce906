import { signWebhook, webhookSigningKey } from '@tcma/webhooks';
import { Agent, request } from 'node:http';

/** What the raw limit of `webhook_deliver` is asked to do. */
export interface WebhookBaselineOrder {
  url: string;
  secret: string;
  deliveries: number;
  concurrency: number;
  rounds: number;
}

/** What it answers: each round's length and every POST's latency. */
export interface WebhookBaselineResult {
  roundsMs: number[];
  latencies: number[];
}

/**
 * Plain signed POSTs: `rounds` rounds of `deliveries` Standard Webhooks POSTs of one body to the
 * receiver over kept-alive connections, `concurrency` at a time, signed with a key made once (as
 * the worker signs).
 */
export async function postRounds(order: WebhookBaselineOrder): Promise<WebhookBaselineResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: order.concurrency });
  const key = webhookSigningKey(order.secret);
  const body = JSON.stringify({
    type: 'lead_created',
    timestamp: new Date().toISOString(),
    data: { leadId: 'lead', prospect: { email: 'visitor@bench.example' } },
  });
  const post = (id: string) =>
    new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const timestamp = Math.floor(Date.now() / 1000);
      const req = request(
        order.url,
        {
          agent,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'webhook-id': id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signWebhook(key, id, timestamp, body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(Date.now() - started));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const latencies: number[] = [];
  const roundsMs: number[] = [];
  for (let round = 0; round < order.rounds; round++) {
    let next = 0;
    const roundStart = Date.now();
    await Promise.all(
      Array.from({ length: order.concurrency }, async () => {
        while (next < order.deliveries) latencies.push(await post(`baseline-${round}-${next++}`));
      }),
    );
    roundsMs.push(Date.now() - roundStart);
  }
  agent.destroy();
  return { roundsMs, latencies };
}
