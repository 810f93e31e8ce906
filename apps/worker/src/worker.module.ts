import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { Clock, ClockModule } from '@tcma/clock';
import { AppConfig, ConfigModule } from '@tcma/config';
import { PersistenceModule } from '@tcma/persistence';
import { QueueModule } from '@tcma/queue';
import { AudienceModule } from '@tcma/audience';
import { EngagementModule } from '@tcma/engagement';
import { FleetModule } from '@tcma/fleet';
import { HousekeepingModule } from '@tcma/housekeeping';
import { MetricsModule } from '@tcma/metrics';
import { NurtureModule } from '@tcma/nurture';
import { CrmModule } from '@tcma/crm';
import { SocialModule } from '@tcma/social';
import { ProgrammesModule } from '@tcma/programmes';
import { SocialPostsModule } from '@tcma/social-posts';
import { RenderingModule } from '@tcma/rendering';
import { SigningModule } from '@tcma/signing';
import { StorageModule } from '@tcma/storage';
import { WebhooksModule } from '@tcma/webhooks';
import { PagesModule } from '@tcma/pages';
import { CronScheduler } from './cron/cron-scheduler';
import { HeartbeatCron } from './heartbeat/heartbeat.cron';
import { HousekeepingCron } from './housekeeping/housekeeping.cron';
import { JOB_HANDLERS, JobHandler } from './jobs/job-handler';
import { JobRegistryCheck } from './jobs/job-registry.check';
import { MetricsServer } from './metrics/metrics-server';
import { EnrollProcessor } from './enroll/enroll.processor';
import { RenderProcessor } from './render/render.processor';
import { SendStepsProcessor } from './send/send-steps.processor';
import { DrainBeforeShutdown } from './shutdown/drain-before-shutdown';
import { SweepCron } from './sweep/sweep.cron';
import { EngagementCron } from './track/engagement.cron';
import { DeliverWebhookProcessor } from './webhooks/deliver-webhook.processor';
import { ProgrammesCron } from './programmes/programmes.cron';
import { ProgrammesProcessor } from './programmes/programmes.processor';
import { CrmCron } from './crm/crm.cron';
import { CrmProcessor } from './crm/crm.processor';
import { SocialCron } from './social/social.cron';
import { SocialPostsCron } from './social/social-posts.cron';
import { SocialProcessor } from './social/social.processor';

export interface WorkerModuleOptions {
  config: AppConfig;
  clock?: Clock;
}

/**
 * The worker process: no HTTP. It consumes the queues and runs the sweeps of the roles in
 * WORKER_ROLES, so one image can be scaled per role.
 */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions): DynamicModule {
    const roles = new Set(options.config.workerRoles);
    const processors: Array<Type<JobHandler>> = [
      ...(roles.has('render') ? [RenderProcessor] : []),
      ...(roles.has('send') ? [SendStepsProcessor, SocialProcessor] : []),
      ...(roles.has('enroll') ? [EnrollProcessor, ProgrammesProcessor] : []),
      ...(roles.has('webhook') ? [DeliverWebhookProcessor, CrmProcessor] : []),
    ];
    const crons = [
      ...(roles.has('sweep')
        ? [SweepCron, HousekeepingCron, ProgrammesCron, SocialCron, SocialPostsCron, CrmCron]
        : []),
      ...(roles.has('track') ? [EngagementCron] : []),
    ];
    const handlers: Provider = { provide: JOB_HANDLERS, inject: processors, useFactory: (...all: JobHandler[]) => all };
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(options.config),
        ClockModule.forRoot(options.clock),
        MetricsModule,
        PersistenceModule,
        FleetModule,
        QueueModule,
        StorageModule,
        SigningModule,
        RenderingModule,
        AudienceModule,
        NurtureModule,
        EngagementModule,
        WebhooksModule,
        PagesModule,
        HousekeepingModule,
        ProgrammesModule,
        SocialModule,
        SocialPostsModule,
        CrmModule,
      ],
      providers: [
        CronScheduler,
        HeartbeatCron,
        ...processors,
        ...crons,
        handlers,
        JobRegistryCheck,
        DrainBeforeShutdown,
        MetricsServer,
      ],
    };
  }
}
