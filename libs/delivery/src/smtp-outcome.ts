/**
 * What an SMTP failure means for a send. The decision that matters is whether the server may
 * have accepted the message: if it might have, sending again could deliver it twice.
 *  - retry: refused before the message was handed over (connection, auth, or a 4xx answer);
 *  - bounce: refused for good (a 5xx answer): the address is suppressed for the partner;
 *  - uncertain: the connection broke while the message was being handed over.
 */
export type SmtpFailure = 'retry' | 'bounce' | 'uncertain';

const NOT_HANDED_OVER = new Set(['ECONNECTION', 'EDNS', 'ETLS', 'EPROXY', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

export function classifySmtpFailure(error: unknown): SmtpFailure {
  const e = error as { responseCode?: number; code?: string };
  // Our credentials being refused says nothing about the recipient: never a bounce.
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return 'retry';
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500) return 'bounce';
    if (e.responseCode >= 400) return 'retry';
  }
  if (e.code && NOT_HANDED_OVER.has(e.code)) return 'retry';
  return 'uncertain';
}
