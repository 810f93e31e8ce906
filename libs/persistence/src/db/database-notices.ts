import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** How long to wait before listening again after the connection broke (Postgres restarting). */
export const NOTICES_RECONNECT_MS = 1_000;
/**
 * How often the listening connection proves it still hears notices (a round trip of one): a
 * connection cut without a word (a NAT or firewall timeout, a failover) raises no error, so
 * without it nothing would ever be heard again while everything looked live.
 */
export const NOTICES_HEARTBEAT_MS = 30_000;
/** How long a round trip (`caughtUp`, the heartbeat) may take before the connection is taken as broken. */
export const NOTICES_ROUND_TRIP_TIMEOUT_MS = 10_000;
/** TCP keep-alive probes on the listening connection start after this long idle (the OS then notices a dead peer). */
export const NOTICES_KEEPALIVE_DELAY_MS = 10_000;
/** The channel the heartbeat's notices travel on (every connection listens on it). */
const HEARTBEAT_CHANNEL = 'tcma_notices_heartbeat';

/** What a channel's listener hears: each notice's payload, and `lost` when notices may have been missed. */
export interface NoticeListener {
  notice(payload: string): void;
  /** The connection broke or was (re)opened: notices in between are unknown, so whatever they guard is stale. */
  lost(): void;
}

const SYNC_PREFIX = 'tcma-sync:';

/**
 * PostgreSQL's LISTEN/NOTIFY for the process: triggers announce changes to rows on a channel
 * when their transaction commits, to every process of the installation, whichever process or
 * statement made them. One connection per process, opened on the first `listen`; it is
 * reopened after a failure, and listeners hear `lost` whenever it was not listening. Every
 * NOTICES_HEARTBEAT_MS a notice makes the round trip; one not heard within
 * NOTICES_ROUND_TRIP_TIMEOUT_MS breaks the connection as an error would (listeners hear `lost`)
 * and it is reopened.
 */
@Injectable()
export class DatabaseNotices implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotices.name);
  private readonly listeners = new Map<string, Set<NoticeListener>>();
  private readonly syncs = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private heartbeats: NodeJS.Timeout | undefined;
  private closed = false;
  private listening = false;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  /** True while the connection listens: notices are being heard. */
  get live(): boolean {
    return this.listening;
  }

  /** Starts listening on `channel`; resolves once notices on it are heard. */
  async listen(channel: string, listener: NoticeListener): Promise<void> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      if (this.client && this.listening) await this.client.query(`LISTEN ${quoteIdentifier(channel)}`);
    }
    set.add(listener);
    await this.connect();
  }

  /**
   * Resolves once every notice on `channel` committed before this call has been heard:
   * notices reach a listener in commit order, so hearing one sent now means the earlier ones
   * were heard first.
   */
  async caughtUp(channel: string, timeoutMs = NOTICES_ROUND_TRIP_TIMEOUT_MS): Promise<void> {
    await this.connect();
    const client = this.client;
    if (!client || !this.listening) throw new Error('Not listening for database notices');
    const id = `${SYNC_PREFIX}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<void>((resolve, reject) => {
      this.syncs.set(id, { resolve, reject });
      timer = setTimeout(() => reject(new Error(`No database notice heard within ${timeoutMs} ms`)), timeoutMs);
    });
    // Whoever rejects first, nothing is left behind in `syncs`.
    heard.catch(() => undefined).finally(() => (this.syncs.delete(id), clearTimeout(timer)));
    try {
      await client.query('SELECT pg_notify($1, $2)', [channel, id]);
    } catch (e) {
      this.syncs.delete(id);
      clearTimeout(timer);
      throw e;
    }
    await heard;
  }

  /**
   * One round trip of a notice on the listening connection (every NOTICES_HEARTBEAT_MS, and
   * callable at will): false, and the connection broken and reopened, when it fails or is not
   * heard within `timeoutMs`. True when it was heard or nothing was listening.
   */
  async heartbeat(timeoutMs = NOTICES_ROUND_TRIP_TIMEOUT_MS): Promise<boolean> {
    const client = this.client;
    if (!client || !this.listening) return true;
    try {
      await this.caughtUp(HEARTBEAT_CHANNEL, timeoutMs);
      return true;
    } catch (e) {
      this.broken(client, `heartbeat: ${(e as Error).message}`);
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeats);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.listening || this.closed) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'tcma-notices',
      keepAlive: true,
      keepAliveInitialDelayMillis: NOTICES_KEEPALIVE_DELAY_MS,
    });
    client.on('notification', (n) => {
      const payload = n.payload ?? '';
      if (payload.startsWith(SYNC_PREFIX)) {
        this.syncs.get(payload)?.resolve();
        this.syncs.delete(payload);
        return;
      }
      for (const listener of this.listeners.get(n.channel) ?? []) listener.notice(payload);
    });
    client.on('error', (e) => this.broken(client, e.message));
    client.on('end', () => this.broken(client, 'connection closed'));
    this.client = client;
    try {
      await client.connect();
      for (const channel of [HEARTBEAT_CHANNEL, ...this.listeners.keys()])
        await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch (e) {
      this.broken(client, (e as Error).message);
      throw e;
    }
    if (this.closed) return void (await client.end().catch(() => undefined));
    this.listening = true;
    if (!this.heartbeats) {
      this.heartbeats = setInterval(() => void this.heartbeat(), NOTICES_HEARTBEAT_MS);
      this.heartbeats.unref();
    }
    // Whatever was changed while nobody listened is unknown.
    this.everyListener((l) => l.lost());
  }

  /** The connection stopped hearing notices (an error, its end, a failed heartbeat): tell everyone, listen again soon. */
  private broken(client: Client, reason: string): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    this.everyListener((l) => l.lost());
    for (const sync of this.syncs.values()) sync.reject(new Error(`Database notices interrupted (${reason})`));
    this.syncs.clear();
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(`Database notices interrupted (${reason}); listening again in ${NOTICES_RECONNECT_MS} ms`);
    this.timer = setTimeout(() => void this.connect().catch(() => undefined), NOTICES_RECONNECT_MS);
    this.timer.unref();
  }

  private everyListener(fn: (listener: NoticeListener) => void): void {
    for (const set of this.listeners.values()) for (const l of set) fn(l);
  }
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
