export { bootSummary, boundShutdown, checkServicesOrExit, loadConfigOrExit, startLogging } from './boot';
export { FailureLog } from './failure-log';
