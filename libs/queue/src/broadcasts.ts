import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { Redis } from 'ioredis';
import { RedisClient } from './redis.provider';

/**
 * Messages every process of the installation hears at once (Redis pub/sub), each channel named
 * here once: a process of the next release must still hear one of the last during a deploy, so
 * never rename one.
 */
export enum BroadcastChannel {
  /** Social posts' short links that stopped redirecting (their post cancelled, or deleted with its campaign). */
  SocialLinksGone = 'social-links-gone',
}

/** What each channel carries. */
export interface BroadcastMessages {
  [BroadcastChannel.SocialLinksGone]: { posts?: string[]; campaigns?: string[] };
}

export interface BroadcastListener<C extends BroadcastChannel> {
  message(message: BroadcastMessages[C]): void;
  /** Messages may have been missed (the connection dropped): forget whatever one could have changed. */
  gap(): void;
}

/**
 * Pub/sub between the installation's processes, under QUEUE_PREFIX, for what each process keeps
 * in memory (caches): a publisher tells every process, itself included, that something changed.
 * Delivery is at most once: a process not connected at that moment never hears it, so listeners
 * hear of every dropped connection (`gap`) and keep nothing while not listening (`listening`).
 * Only a process that listens opens the subscriber connection, on its first `listen`.
 */
@Injectable()
export class Broadcasts implements OnApplicationShutdown {
  private readonly logger = new Logger(Broadcasts.name);
  private readonly prefix: string;
  private subscriber?: Redis;
  private readonly listeners = new Map<string, Set<BroadcastListener<BroadcastChannel>>>();

  constructor(
    private readonly redis: RedisClient,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:broadcast:`;
  }

  /** Best effort: a failure is logged, not thrown (what changed is already committed; listeners check on read too). */
  async publish<C extends BroadcastChannel>(channel: C, message: BroadcastMessages[C]): Promise<void> {
    try {
      await this.redis.redis.publish(this.prefix + channel, JSON.stringify(message));
    } catch (e) {
      this.logger.warn(`Could not broadcast on ${channel}: ${(e as Error).message}`);
    }
  }

  /**
   * Resolves once subscribed: every message published afterwards reaches the listener (or a gap
   * is told). When subscribing fails the listener is not kept (and the error is thrown).
   */
  async listen<C extends BroadcastChannel>(channel: C, listener: BroadcastListener<C>): Promise<void> {
    const name = this.prefix + channel;
    const subscriber = (this.subscriber ??= this.connect());
    let listeners = this.listeners.get(name);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(name, listeners);
    }
    const added = !listeners.has(listener);
    listeners.add(listener);
    try {
      await subscriber.subscribe(name);
    } catch (e) {
      // Not subscribed: a caller that tries again must not leave one more listener behind each time.
      if (added) listeners.delete(listener);
      throw e;
    }
  }

  /** Whether messages are being heard now: the subscriber connection is up. */
  get listening(): boolean {
    return this.subscriber?.status === 'ready';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  private connect(): Redis {
    const subscriber = this.redis.redis.duplicate();
    // ioredis reconnects and subscribes again on its own; what was published meanwhile is lost (a gap).
    subscriber.on('error', () => undefined);
    subscriber.on('close', () => {
      for (const listeners of this.listeners.values()) for (const l of listeners) l.gap();
    });
    subscriber.on('message', (channel: string, raw: string) => {
      let message: BroadcastMessages[BroadcastChannel];
      try {
        message = JSON.parse(raw) as BroadcastMessages[BroadcastChannel];
      } catch {
        this.logger.warn(`Ignored a malformed broadcast on ${channel}`);
        return;
      }
      for (const l of this.listeners.get(channel) ?? []) l.message(message);
    });
    return subscriber;
  }
}
