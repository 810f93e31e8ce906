import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { ALL_QUEUES } from './queue-names';
import { RedisClient } from './redis.provider';

/** BullMQ's connection and every queue, for producers (API) and consumers (worker) alike. */
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
  providers: [RedisClient],
  exports: [BullModule, RedisClient],
})
export class QueueModule {}
