import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { Broadcasts } from './broadcasts';
import { ALL_QUEUES } from './queue-names';
import { QueueErrorLog } from './queue-error-log';
import { RedisClient } from './redis.provider';

/** BullMQ's connection and every queue, for producers (API) and consumers (worker) alike; Redis for the rest (broadcasts). */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: config.queuePrefix,
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [RedisClient, QueueErrorLog, Broadcasts],
  exports: [BullModule, RedisClient, QueueErrorLog, Broadcasts],
})
export class QueueModule {}
