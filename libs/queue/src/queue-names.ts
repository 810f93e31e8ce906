/**
 * Queue and job names, in one place. Jobs already in Redis carry these strings: renaming
 * one strands its waiting and delayed jobs, so add new names and retire old ones instead.
 */
export const QueueName = {
  /** Sending nurture steps; the hot path, kept free of heavy rendering. */
  Send: 'send',
  /** CPU-heavy rendering (PDF, social images) with bounded concurrency. */
  Render: 'render',
  /** Enrolling audiences and importing prospect files. */
  Enroll: 'enroll',
  /** Outbound webhooks: slow or dead receivers wait here, never in front of sending. */
  Webhooks: 'webhooks',
  /** Programmes: offering a published version to every subscriber, and telling each partner. */
  Programmes: 'programmes',
  /** Publishing social posts: slow network calls, kept apart from email sending. */
  Social: 'social',
  /** Writing leads to partners' and vendors' CRMs: slow third-party calls, kept apart from the rest. */
  Crm: 'crm',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
