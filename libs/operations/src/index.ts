export { OperationsModule } from './operations.module';
export { OperatorBacklogService } from './operator-backlog.service';
export type { OperatorBacklog } from './operator-backlog.service';
