import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { Signer } from '@tcma/signing';
import type { KeyObject } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { EndpointGate, WEBHOOK_CONCURRENCY } from './endpoint-gate';
import { RefusedTargetError, resolvePublicTarget } from './target-guard';
import { WebhookHealthNotices } from './webhook-health-notices';
import { signWebhook, webhookSigningKey } from './webhook-signature';
import { WebhookAttemptsRepository } from './webhook-attempts.repository';

/** How long a receiver has to answer, connection included. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** An endpoint failing (no attempt delivered) for this long is disabled, and its owner told. */
export const WEBHOOK_DISABLE_AFTER_MS = 24 * 60 * 60 * 1000;
/** Kept-alive connections to one receiver at most (as many as a worker delivers at once). */
export const CONNECTIONS_PER_TARGET = WEBHOOK_CONCURRENCY;
/** Endpoints' signing keys kept unsealed in a worker at most (forgotten all at once past it). */
const SIGNING_KEYS_KEPT = 1_000;
/** What is kept of a receiver's error for the log. */
const ERROR_MAX_LENGTH = 500;

/** `busy`: not attempted, its endpoint has as many in flight as it may (EndpointGate): to be tried again shortly. */
export type DeliveryOutcome = 'delivered' | 'retry' | 'gone' | 'refused' | 'busy';

interface Answer {
  statusCode: number | null;
  error: string | null;
  /** The request went out on a kept-alive connection the receiver had just closed (sent again at once, on a new one). */
  staleConnection?: boolean;
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
export class WebhookDeliveryService implements OnApplicationShutdown {
  private readonly agents = new WebhookAgents(CONNECTIONS_PER_TARGET);
  private readonly gate = new EndpointGate();
  /**
   * Signing keys by sealed secret: unsealing (a decipher made per call) was 5 % of a delivery's
   * worker time. Keyed by the sealed text, so a rotated secret is a new entry, never a stale key.
   */
  private readonly keys = new Map<string, KeyObject>();

  constructor(
    private readonly attempts: WebhookAttemptsRepository,
    private readonly signer: Signer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly health: WebhookHealthNotices,
  ) {}

  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const found = await this.attempts.forSendingForSystem(deliveryId);
    if (!found || !found.endpoint.enabled || found.delivery.status === 'delivered') return 'gone';
    const { delivery, endpoint } = found;
    const startedAt = await this.gate.enter(endpoint.id);
    if (startedAt === null) return 'busy';
    const body = JSON.stringify(delivery.payload);
    const started = Date.now();
    const attemptAt = this.clock.now();
    let answer: Answer = { statusCode: null, error: 'not sent' };
    let refused = false;
    try {
      const url = new URL(endpoint.url);
      const target = await resolvePublicTarget(url, this.config.webhookAllowedPrivateTargets);
      // Receivers check this against their own clock (replay protection): wall time, not the injected clock.
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = signWebhook(this.keyOf(endpoint.secretSealed), delivery.id, timestamp, body);
      const headers = {
        'webhook-id': delivery.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signature,
      };
      const agent = this.agents.for(url, target);
      answer = await post(url, agent, body, headers);
      // Node's advice for a kept-alive connection closed under a request: send it again, once.
      if (answer.staleConnection) answer = await post(url, agent, body, headers);
    } catch (e) {
      refused = e instanceof RefusedTargetError;
      answer = { statusCode: null, error: ((e as Error).message || String(e)).slice(0, ERROR_MAX_LENGTH) };
    } finally {
      // A refused target was never asked: it says nothing of the receiver's speed.
      this.gate.leave(endpoint.id, startedAt, refused || answer.statusCode !== null);
    }
    const ok = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
    const attempt = {
      deliveryId,
      attempt: delivery.attempts + 1,
      statusCode: answer.statusCode,
      error: answer.error,
      latencyMs: Date.now() - started,
      at: attemptAt,
    };
    if (ok) {
      await this.attempts.recordDeliveredForSystem(attempt, endpoint.id);
      return 'delivered';
    }
    const disabled = await this.attempts.recordFailedForSystem(
      attempt,
      lastAttempt || refused ? 'failed' : 'pending',
      endpoint.id,
      WEBHOOK_DISABLE_AFTER_MS,
    );
    if (disabled) await this.health.disabled(disabled);
    return refused ? 'refused' : 'retry';
  }

  private keyOf(sealed: string): KeyObject {
    let key = this.keys.get(sealed);
    if (!key) {
      if (this.keys.size >= SIGNING_KEYS_KEPT) this.keys.clear();
      key = webhookSigningKey(this.signer.unseal(sealed));
      this.keys.set(sealed, key);
    }
    return key;
  }

  onApplicationShutdown(): void {
    this.agents.close();
  }
}

/** An idle kept-alive connection is closed after this, before a receiver's own idle limit (Node's is 5 s) closes it under a request. */
const IDLE_CONNECTION_MS = 4_000;

/**
 * Kept-alive connections, one pool per scheme, host and checked address: a connection only ever
 * goes to the address that was checked for its delivery (a new DNS answer gets a pool of its own).
 */
export class WebhookAgents {
  private readonly agents = new Map<string, http.Agent>();

  constructor(private readonly maxSockets: number) {}

  for(url: URL, target: { address: string; family: 4 | 6 }): http.Agent {
    const key = `${url.protocol}//${url.host}|${target.address}`;
    let agent = this.agents.get(key);
    if (!agent) {
      const options: http.AgentOptions = {
        keepAlive: true,
        // A free connection's idle limit (the agent closes it then); a request sets its own, WEBHOOK_TIMEOUT_MS.
        timeout: IDLE_CONNECTION_MS,
        maxSockets: this.maxSockets,
        maxFreeSockets: this.maxSockets,
        // Connect to the address that was checked, not to whatever DNS answers next.
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all)
            (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
              { address: target.address, family: target.family },
            ]);
          else callback(null, target.address, target.family);
        },
      };
      agent = url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
      this.agents.set(key, agent);
    }
    return agent;
  }

  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}

function post(url: URL, agent: http.Agent, body: string, headers: Record<string, string>): Promise<Answer> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        agent,
        method: 'POST',
        timeout: WEBHOOK_TIMEOUT_MS,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'TCMA-Webhooks/1',
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
    req.on('error', (e) =>
      resolve({ statusCode: null, error: e.message, staleConnection: req.reusedSocket && isReset(e) }),
    );
    req.end(body);
  });
}

/** A kept-alive connection the receiver closed as the request went out: nothing reached it. */
function isReset(e: Error): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}
