import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '@tcma/queue';
import type { Queue } from 'bullmq';
import { eventually } from './processes';

/** Waits until a queue has nothing waiting, delayed or running (instead of sleeping). */
export async function waitForQueueIdle(
  app: INestApplicationContext,
  name: QueueName,
  timeoutMs = 120_000,
): Promise<void> {
  const queue = app.get<Queue>(getQueueToken(name));
  await eventually(
    async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(counts).every((n) => n === 0) ? true : undefined;
    },
    `queue ${name} to be idle`,
    timeoutMs,
  );
}
