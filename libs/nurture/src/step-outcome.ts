export type StepOutcome =
  | { kind: 'sent'; sendId: string }
  | { kind: 'uncertain'; sendId: string }
  | { kind: 'bounced'; sendId: string }
  | { kind: 'exited'; reason: string }
  /** The step's condition on the previous email did not hold: recorded, and the sequence moves on. */
  | { kind: 'skipped' }
  | { kind: 'rescheduled'; to: Date; reason: string }
  /**
   * Not now: try again in `ms`: an early job, a slot of the sender's rate reserved for later
   * (`slotAt`, kept so the step does not reserve again), a refusal worth retrying, or an
   * error reading or writing (nothing was handed over).
   */
  | { kind: 'later'; ms: number; why: 'early' | 'rate' | 'retry' | 'error'; slotAt?: number }
  /** Given up after MAX_SEND_ATTEMPTS tries that were refused for now. */
  | { kind: 'failed'; sendId: string }
  /** Nothing to do: done before, moved on, paused or cancelled, or another worker has it. */
  | { kind: 'noop'; why: 'stale' | 'paused' | 'busy' };

/**
 * Tries of one step refused "for now" by an SMTP server, or failing to render, before it is
 * given up. Only those count: a claim given back for any other reason (a lapsed rate slot, a
 * database error, a dead worker's claim taken over) is not a try.
 */
export const MAX_SEND_ATTEMPTS = 10;
/**
 * After an error reading or writing state (Postgres or Redis away), a step is tried again this
 * much later; nothing was handed over, and it is not counted as an attempt.
 */
export const ERROR_RETRY_MS = 10_000;
