import { randomUUID } from 'node:crypto';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { rootLogger } from './engine-logs';

/**
 * The request id a line or a job belongs to, beside the logger that prints it (nestjs-pino reads
 * `logger`). Given a function, the logger is made when first read: most requests (a click, a page)
 * log no line of their own, and a child logger per request was 4 % of a click's CPU.
 */
export class RequestStore extends Store {
  constructor(
    logger: Logger | (() => Logger),
    readonly requestId: string,
  ) {
    super(typeof logger === 'function' ? (undefined as unknown as Logger) : logger);
    if (typeof logger === 'function') {
      let made: Logger | undefined;
      Object.defineProperty(this, 'logger', {
        get: () => (made ??= logger()),
        // nestjs-pino's assign() replaces it with a child carrying more fields.
        set: (value: Logger) => (made = value),
        enumerable: true,
        configurable: true,
      });
    }
  }
}

/** An incoming X-Request-Id is kept when it looks like an id (no spaces, no markup, bounded). */
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The caller's X-Request-Id when sane, else a new one. */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && INCOMING_ID.test(header) ? header : randomUUID();
}

/** The request id of the work in progress (an HTTP request, or a job queued by one), if any. */
export function currentRequestId(): string | undefined {
  const store = storage.getStore();
  return store instanceof RequestStore ? store.requestId : undefined;
}

/** A context carrying `requestId`, with `logger` (default: the process's root) bound to it. */
export function requestStore(
  requestId: string,
  logger: Logger | (() => Logger) = () => rootLogger().child({ requestId }),
): RequestStore {
  return new RequestStore(logger, requestId);
}

/** Runs `work` so that every line it logs, and every job it queues, carries `requestId`. */
export function runWithRequestId<T>(
  requestId: string | undefined,
  work: () => T,
  bindings: Record<string, unknown> = {},
): T {
  if (!requestId)
    return Object.keys(bindings).length ? storage.run(new Store(rootLogger().child(bindings)), work) : work();
  return storage.run(requestStore(requestId, rootLogger().child({ requestId, ...bindings })), work);
}

/** Runs `work` inside an existing context (the HTTP middleware builds its own). */
export function runInStore<T>(store: RequestStore, work: () => T): T {
  return storage.run(store, work);
}
