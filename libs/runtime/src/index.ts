export {
  bootSummary,
  boundShutdown,
  engineVersion,
  checkServicesOrExit,
  EX_UNAVAILABLE,
  loadConfigOrExit,
  startLogging,
} from './boot';
export { redactUrl, unreachableService } from './preflight';
export { FAILURE_SUMMARY_MS, FailureLog } from './failure-log';
