import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { Signer } from '@tcma/signing';
import http from 'node:http';
import https from 'node:https';
import { RefusedTargetError, resolvePublicTarget } from './target-guard';
import { WebhookHealthNotices } from './webhook-health-notices';
import { signWebhook } from './webhook-signature';
import { WebhooksRepository } from './webhooks.repository';

/** How long a receiver has to answer, connection included. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** An endpoint failing (no attempt delivered) for this long is disabled, and its owner told. */
export const WEBHOOK_DISABLE_AFTER_MS = 24 * 60 * 60 * 1000;
/** What is kept of a receiver's error for the log. */
const ERROR_MAX_LENGTH = 500;

export type DeliveryOutcome = 'delivered' | 'retry' | 'gone' | 'refused';

interface Answer {
  statusCode: number | null;
  error: string | null;
}

/**
 * One attempt of one delivery: the endpoint's host resolved and checked (no private,
 * loopback or link-local target unless configured), the body signed the Standard Webhooks
 * way with a fresh timestamp, POSTed to the checked address, and the attempt logged. A 2xx
 * delivers; anything else is retried by the queue (with backoff), and the last failure
 * marks the delivery failed. An endpoint failing for WEBHOOK_DISABLE_AFTER_MS is disabled
 * (its deliveries wait) and its owner told; enabling it again queues what waited.
 */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly signer: Signer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly health: WebhookHealthNotices,
  ) {}

  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const found = await this.webhooks.forSendingForSystem(deliveryId);
    if (!found || !found.endpoint.enabled || found.delivery.status === 'delivered') return 'gone';
    const { delivery, endpoint } = found;
    const body = JSON.stringify(delivery.payload);
    const started = Date.now();
    const attemptAt = this.clock.now();
    let answer: Answer;
    let refused = false;
    try {
      const url = new URL(endpoint.url);
      const target = await resolvePublicTarget(url, this.config.webhookAllowedPrivateTargets);
      // Receivers check this against their own clock (replay protection): wall time, not the injected clock.
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = signWebhook(this.signer.unseal(endpoint.secretSealed), delivery.id, timestamp, body);
      answer = await post(url, target, body, {
        'webhook-id': delivery.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signature,
      });
    } catch (e) {
      refused = e instanceof RefusedTargetError;
      answer = { statusCode: null, error: ((e as Error).message || String(e)).slice(0, ERROR_MAX_LENGTH) };
    }
    const ok = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
    const outcome = ok ? 'delivered' : lastAttempt || refused ? 'failed' : 'pending';
    const disabled = await this.webhooks.recordAttemptForSystem(
      {
        deliveryId,
        attempt: delivery.attempts + 1,
        statusCode: answer.statusCode,
        error: answer.error,
        latencyMs: Date.now() - started,
        at: attemptAt,
      },
      outcome,
      endpoint.id,
      WEBHOOK_DISABLE_AFTER_MS,
    );
    if (disabled) await this.health.disabled(disabled);
    return ok ? 'delivered' : refused ? 'refused' : 'retry';
  }
}

function post(
  url: URL,
  target: { address: string; family: 4 | 6 },
  body: string,
  headers: Record<string, string>,
): Promise<Answer> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        timeout: WEBHOOK_TIMEOUT_MS,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'TCMA-Webhooks/1',
        },
        // Connect to the address that was checked, not to whatever DNS answers next.
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all)
            (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
              { address: target.address, family: target.family },
            ]);
          else callback(null, target.address, target.family);
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            statusCode: res.statusCode ?? null,
            error: res.statusCode && res.statusCode < 300 ? null : `HTTP ${res.statusCode}`,
          }),
        );
        res.on('error', (e) => resolve({ statusCode: res.statusCode ?? null, error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)));
    req.on('error', (e) => resolve({ statusCode: null, error: e.message }));
    req.end(body);
  });
}
