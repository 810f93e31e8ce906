/**
 * SQLSTATE codes of failures that say nothing about the statement itself: the connection
 * went (class 08), the server is shutting down or starting (57P01–57P03), it is out of
 * connections or memory (53xxx), or the transaction lost a race it may win next time.
 */
const TRANSIENT_SQLSTATE = /^(08...|53...|57P0[123]|40001|40P01|55P03)$/;
/** Socket errors from the driver while connecting or talking to the server. */
const TRANSIENT_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** node-postgres says these in words only. */
const TRANSIENT_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly)/i;

/** True when the same statement may well succeed if tried again in a moment. */
export function isTransientDatabaseError(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined,
      depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === 'string' && (TRANSIENT_SQLSTATE.test(e.code) || TRANSIENT_ERRNO.has(e.code))) return true;
    if (typeof e.message === 'string' && TRANSIENT_MESSAGE.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}
