export { createEngineLogs, PINO_LEVEL, rootLogger } from './engine-logs';
export type { EngineLogs, EngineLogsOptions, LogFormat, LogSettings } from './engine-logs';
export { REDACTED, redactFields, redactRequestUrl, scrubText, SECRET_FIELDS } from './redaction';
export {
  currentRequestId,
  requestIdFrom,
  requestStore,
  RequestStore,
  runInStore,
  runWithRequestId,
} from './request-context';
