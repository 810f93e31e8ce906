import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { FailureLog } from '@tcma/runtime';
import type { Queue } from 'bullmq';
import { ALL_QUEUES } from './queue-names';

/**
 * BullMQ reports trouble (a lost connection, a flushed Redis) as 'error' events, and prints
 * them with their stack traces to the console when nobody listens: multi-line text in the
 * middle of a JSON log. Every queue of the process gets a listener that logs them through
 * the logger, one line per problem, counted while it lasts. Workers do the same (see
 * apps/worker's processors).
 */
@Injectable()
export class QueueErrorLog implements OnModuleInit {
  readonly failures = new FailureLog(new Logger('Queues'), 'Queue');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of ALL_QUEUES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (e: Error) => this.failures.failed(name, e.message));
    }
  }
}
