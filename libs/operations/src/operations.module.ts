import { Module } from '@nestjs/common';
import { BacklogRepository } from './backlog.repository';
import { InstallationGauges } from './installation-gauges';
import { OperatorBacklogService } from './operator-backlog.service';

/**
 * What the instance operator watches across every tenant: the backlog Postgres holds beside the
 * queues in Redis, as a page (OperatorBacklogService) and as gauges (InstallationGauges). Only
 * the API imports it, so a fleet of workers does not repeat the gauges' reads.
 */
@Module({
  providers: [BacklogRepository, OperatorBacklogService, InstallationGauges],
  exports: [OperatorBacklogService],
})
export class OperationsModule {}
