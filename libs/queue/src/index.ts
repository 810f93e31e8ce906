export { BroadcastChannel, Broadcasts } from './broadcasts';
export type { BroadcastListener, BroadcastMessages } from './broadcasts';
export { ALL_QUEUES, QueueName } from './queue-names';
export { QueueErrorLog } from './queue-error-log';
export { QueueModule } from './queue.module';
export { dropQueueKeys } from './queue-keys';
export { RedisClient } from './redis.provider';
export { redisScript } from './redis-script';
export type { RedisScript } from './redis-script';
export { JOB_QUEUE, JobName, traced } from './jobs';
export type {
  DeliverWebhookJob,
  DeliverWebhooksJob,
  EnrollLaunchJob,
  FanOutProgrammeVersionJob,
  NotifyLeadJob,
  NotifyPendingLaunchJob,
  ImportProspectsJob,
  PublishSocialPostJob,
  RenderAssetJob,
  RenderAssetResult,
  SendStepRef,
  SendStepsJob,
  SyncCrmActivityJob,
  SyncCrmRecordJob,
  TracedJob,
} from './jobs';
export { jobOptions, webhookAfterFirstTry } from './job-options';
