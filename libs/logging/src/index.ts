export { createEngineLogs, rootLogger } from './engine-logs';
export type { EngineLogs } from './engine-logs';
export { redactRequestUrl } from './redaction';
export { currentRequestId, requestIdFrom, requestStore, runInStore, runWithRequestId } from './request-context';
