export { boundShutdown, checkServicesOrExit, createLogger, EX_UNAVAILABLE, loadConfigOrExit } from './boot';
export { redactUrl, unreachableService } from './preflight';
export { FAILURE_SUMMARY_MS, FailureLog } from './failure-log';
