import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '@tcma/config';
import type { Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

/** Requests in flight when the API stops get at most this long (and a third of SHUTDOWN_TIMEOUT_MS). */
export const DRAIN_MAX_MS = 10_000;
/** How often the drain looks whether the last requests have ended. */
const DRAIN_POLL_MS = 25;

const openConnections = (server: Server) =>
  new Promise<number>((resolve) => server.getConnections((e, n) => resolve(e ? 0 : n)));

/**
 * Stopping the API: no new connection is taken, idle kept-alive ones are closed, and requests in
 * flight get a bounded time to finish (Postgres and Redis close only after this, in the
 * shutdown hooks); then what is left is closed. Without the bound, one client that stops
 * sending mid-upload held the server open until Node's request timeout (300 s): longer than
 * SHUTDOWN_TIMEOUT_MS, so every such stop ended in a forced exit.
 */
@Injectable()
export class HttpDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(HttpDrain.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const deadline = Date.now() + Math.min(DRAIN_MAX_MS, this.config.shutdownTimeoutMs / 3);
    // Each ended request's connection is idle until closed here (kept-alive connections stay open).
    while ((await openConnections(server)) > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await delay(DRAIN_POLL_MS);
    }
    const left = await openConnections(server);
    if (left) {
      this.logger.warn(`${left} connections still busy after the shutdown's grace; closing them`);
      server.closeAllConnections();
    }
    await closed;
  }
}
