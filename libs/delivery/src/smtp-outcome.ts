/**
 * What an SMTP failure means for a send. The decision that matters is whether the server may
 * have accepted the message: if it might have, sending again could deliver it twice.
 *  - retry: refused before the message was handed over (no connection, auth, a 4xx answer,
 *    or still queued in a pool that closed);
 *  - bounce: refused for good (a 5xx answer): the address is suppressed for the partner;
 *  - uncertain: the connection broke once it was established. nodemailer reports a lost
 *    connection the same way before and during DATA, so a break is taken as "maybe delivered"
 *    and never retried: at most once beats at least once for email.
 */
export type SmtpFailure = 'retry' | 'bounce' | 'uncertain';

/**
 * nodemailer's pool answers this (with or without a code) for a message still in its own
 * queue when the pool closes, or sent to a closed pool: it never reached a connection.
 */
const POOL_CLOSED = 'Connection pool was closed';

/** Failures that mean no connection was ever made to the server. */
const NEVER_CONNECTED = new Set([
  'EDNS',
  'EPROXY',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const e = error as { responseCode?: number; code?: string; originalCode?: string; message?: string };
  if (e.message === POOL_CLOSED) return 'retry';
  // Our credentials being refused says nothing about the recipient: never a bounce.
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH' || e.code === 'ETLS') return 'retry';
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500) return 'bounce';
    if (e.responseCode >= 400) return 'retry';
  }
  if ((e.code && NEVER_CONNECTED.has(e.code)) || (e.originalCode && NEVER_CONNECTED.has(e.originalCode)))
    return 'retry';
  return 'uncertain';
}
