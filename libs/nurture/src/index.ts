export { BacklogRepository } from './backlog.repository';
export type { DueBacklog } from './backlog.repository';
export { ENROLLMENT_COUNT_INTERVAL_MS, InstallationGauges } from './installation-gauges';
export { ENROLL_CHUNK, EnrollmentService } from './enrollment.service';
export { EnrollmentsRepository } from './enrollments.repository';
export type { SendContext } from './enrollments.repository';
export { LaunchesService } from './launches.service';
export { launchReadiness, READINESS_CODES } from './launch-readiness';
export type { Readiness, ReadinessCode, ReadinessItem } from './launch-readiness';
export { PROGRESS_COUNTS } from './launches.service';
export type {
  CreateLaunchInput,
  LaunchDaily,
  LaunchPreview,
  LaunchProgress,
  LaunchSummary,
  LaunchView,
  PreviewStep,
  ProgressCounts,
} from './launches.service';
export type { LaunchStats } from './launches.repository';
export { nextStep } from './next-step';
export { NurtureModule } from './nurture.module';
export { SendLedgerRepository } from './send-ledger.repository';
export { SendProfiles } from './send-profiles';
export { SendQueue, STEPS_PER_JOB } from './send-queue';
export { ERROR_RETRY_MS, MAX_SEND_ATTEMPTS, SendStepService } from './send-step.service';
export type { StepOutcome } from './send-step.service';
export { SweepService } from './sweep.service';
export type { SweepResult } from './sweep.service';
export { UNSUBSCRIBE_LEVELS, UnsubscribeService } from './unsubscribe.service';
export type { PreferencePageState, UnsubscribeLevel } from './unsubscribe.service';
export { SentEmailRenderer } from './sent-email.renderer';
export { ViewInBrowserService } from './view-in-browser.service';
export { EXPORT_CHUNK, LaunchActivityService } from './launch-activity.service';
export type { DueDays, EnrollmentNextStep, LaunchProspect } from './launch-activity.service';
export type { LaunchProspectFilter } from './launch-activity.repository';
export { OperatorBacklogService } from './operator-backlog.service';
export type { OperatorBacklog } from './operator-backlog.service';
