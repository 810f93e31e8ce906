import type { RateLimiter, SuppressionsRepository, TransportRegistry } from '@tcma/delivery';
import type { Transactions } from '@tcma/persistence';
import type { EventsRepository } from '@tcma/tracking';
import type { EnrollmentsRepository } from './enrollments.repository';
import type { SendLedgerRepository } from './send-ledger.repository';
import type { SendProfiles } from './send-profiles';
import type { SendQueue } from './send-queue';
import type { SentEmailRenderer } from './sent-email.renderer';

/** What the send path needs of its repositories: small enough to fake in memory in unit specs. */
export type SendStepEnrollments = Pick<
  EnrollmentsRepository,
  | 'contextsForSystem'
  | 'unqueueForSystem'
  | 'exitForSystem'
  | 'rescheduleForSystem'
  | 'advanceForSystem'
  | 'holdQueuedUntilForSystem'
>;
export type SendStepLedger = Pick<
  SendLedgerRepository,
  | 'claimManyForSystem'
  | 'settleForSystem'
  | 'setStatusForSystem'
  | 'releaseForSystem'
  | 'giveBackForSystem'
  | 'recordForSystem'
>;
export type SendStepSuppressions = Pick<SuppressionsRepository, 'add'>;
export type SendStepEvents = Pick<EventsRepository, 'recordSendEventForSystem'>;
export type SendStepProfiles = Pick<SendProfiles, 'content' | 'profile'>;
export type SendStepRenderer = Pick<SentEmailRenderer, 'render'>;
export type SendStepTransports = Pick<TransportRegistry, 'forPartner'>;
export type SendStepRates = Pick<RateLimiter, 'reserveMany'>;
export type SendStepQueue = Pick<SendQueue, 'enqueue'>;
export type SendStepTransactions = Pick<Transactions, 'run'>;
