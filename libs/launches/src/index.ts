export { LaunchesModule } from './launches.module';
export { LaunchesService } from './launches.service';
export { READINESS_CODES } from './launch-readiness';
export type { ReadinessCode } from './launch-readiness';
export type { LaunchSummary, LaunchView, PreparedLaunch } from './launches.service';
export { LaunchActivityService } from './launch-activity.service';
export type { DueDays, EnrollmentNextStep, LaunchProspect } from './launch-activity.service';
export { LaunchApprovalsService, RETURN_COMMENT_MAX } from './launch-approvals.service';
export type { BlockForApproval, WaitingLaunchApproval } from './launch-approvals.service';
