import { Injectable, Logger, Optional } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds, from a request's arrival to its last byte: most answers take milliseconds, uploads and exports longer. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds from a step's due time to the SMTP server's acceptance: paced sends run minutes late by design, a stuck worker hours. */
export const SEND_LATENCY_BUCKETS = [0.5, 1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 6 * 3600, 24 * 3600];

type ScrapeHook = () => Promise<void> | void;

/**
 * The process's Prometheus registry and every series the engine exports (README "Operations").
 * One per Nest application, never prom-client's global registry, so an API and a worker in one
 * process (the tests) each count their own. Counters and histograms move as work happens;
 * gauges that describe the whole installation (queues, the Postgres backlog) are read on
 * scrape by hooks the apps register, so an idle engine pays nothing between scrapes.
 */
@Injectable()
export class Metrics {
  private readonly logger = new Logger(Metrics.name);
  readonly registry = new Registry();
  private readonly hooks = new Map<string, ScrapeHook>();
  private readonly on = { registers: [this.registry] };

  readonly httpDuration = new Histogram({
    name: 'tcma_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status class (2xx, 4xx, ...).',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    ...this.on,
  });
  readonly sendOutcomes = new Counter({
    name: 'tcma_send_outcomes_total',
    help: 'Nurture steps the send role worked on, by outcome (sent, bounced, uncertain, later, exited, skipped, ...).',
    labelNames: ['outcome'] as const,
    ...this.on,
  });
  readonly sendLatency = new Histogram({
    name: 'tcma_send_latency_seconds',
    help: "From a step's due time to its acceptance by the SMTP server.",
    buckets: SEND_LATENCY_BUCKETS,
    ...this.on,
  });
  readonly webhookDeliveries = new Counter({
    name: 'tcma_webhook_deliveries_total',
    help: 'Webhook deliveries by outcome (delivered, retry, gone, refused, error; busy: not attempted, its slow endpoint full).',
    labelNames: ['outcome'] as const,
    ...this.on,
  });
  readonly importRows = new Counter({
    name: 'tcma_import_rows_total',
    help: 'Rows of prospect files read, by result (inserted, merged, rejected).',
    labelNames: ['result'] as const,
    ...this.on,
  });
  readonly renderCache = new Counter({
    name: 'tcma_render_cache_lookups_total',
    help: 'Lookups of compiled emails in the render cache, by result (hit, miss).',
    labelNames: ['result'] as const,
    ...this.on,
  });
  readonly queueJobs = new Gauge({
    name: 'tcma_queue_jobs',
    help: 'Jobs per BullMQ queue and state, read on scrape.',
    labelNames: ['queue', 'state'] as const,
    ...this.on,
  });
  readonly queueOldestWaiting = new Gauge({
    name: 'tcma_queue_oldest_waiting_seconds',
    help: 'How long the oldest job ready to run has waited, per queue (0 when none waits), read on scrape.',
    labelNames: ['queue'] as const,
    ...this.on,
  });
  readonly dueBacklog = new Gauge({
    name: 'tcma_due_backlog_steps',
    help: 'Enrollment steps due and not yet sent (Postgres), read on scrape.',
    ...this.on,
  });
  readonly dueBacklogOldest = new Gauge({
    name: 'tcma_due_backlog_oldest_seconds',
    help: 'How overdue the most overdue unsent step is (0 when none), read on scrape.',
    ...this.on,
  });
  readonly enrollments = new Gauge({
    name: 'tcma_enrollments',
    help: 'Enrollments by status, counted at most once a minute.',
    labelNames: ['status'] as const,
    ...this.on,
  });
  private readonly collectFailures = new Counter({
    name: 'tcma_metrics_collect_failures_total',
    help: 'Scrape-time collectors that failed (Redis or Postgres away); their series keep the last value.',
    labelNames: ['collector'] as const,
    ...this.on,
  });

  /** METRICS=off: nothing is served and the process series are not sampled (the counters still count, for nobody). */
  readonly enabled: boolean;

  constructor(@Optional() config?: AppConfig) {
    this.enabled = config?.metricsEnabled ?? true;
    // Event-loop lag, heap, GC, CPU and handles: prom-client's standard process series.
    if (this.enabled) collectDefaultMetrics({ register: this.registry });
  }

  /** Runs `hook` before every scrape (at most one per name; a later one replaces it). */
  onScrape(name: string, hook: ScrapeHook): void {
    this.hooks.set(name, hook);
  }

  /**
   * Mirrors a running total kept elsewhere (a cache's own hit count) into a counter: each
   * scrape adds what it grew by since the last.
   */
  follow<L extends string>(
    name: string,
    counter: Counter<L>,
    labels: Partial<Record<L, string>>,
    read: () => number,
  ): void {
    let seen = 0;
    this.onScrape(name, () => {
      const now = read();
      if (now > seen) counter.inc(labels, now - seen);
      seen = now;
    });
  }

  /** The exposition text, after the scrape hooks have run (a failed hook is counted, never fails the scrape). */
  async scrape(): Promise<{ contentType: string; body: string }> {
    await Promise.all(
      [...this.hooks].map(async ([name, hook]) => {
        try {
          await hook();
        } catch (e) {
          this.collectFailures.inc({ collector: name });
          this.logger.warn(`Metrics collector ${name} failed: ${(e as Error).message}`);
        }
      }),
    );
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
