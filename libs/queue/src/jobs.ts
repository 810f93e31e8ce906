import type { RenderFormat } from '@tcma/campaign-model';
import { currentRequestId } from '@tcma/logging';

/**
 * Job names and payloads. Payloads carry ids only: the handler re-reads current state, so a
 * job that is retried or duplicated acts on the truth, not on a stale copy.
 */
export const JobName = {
  RenderAsset: 'render-asset',
  ImportProspects: 'import-prospects',
  EnrollLaunch: 'enroll-launch',
  SendSteps: 'send-steps',
  DeliverWebhook: 'deliver-webhook',
  DeliverWebhooks: 'deliver-webhooks',
  FanOutProgrammeVersion: 'fan-out-programme-version',
  NotifyPendingLaunch: 'notify-pending-launch',
  PublishSocialPost: 'publish-social-post',
  NotifyLead: 'notify-lead',
  SyncCrmRecord: 'sync-crm-record',
  SyncCrmActivity: 'sync-crm-activity',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/**
 * Every payload may carry the id of the request that queued it (or of the job that did,
 * and so on): the worker restores it, so the job's log lines carry the request's id.
 */
export interface TracedJob {
  requestId?: string;
}

/** `data` with the current request id, when there is one. */
export function traced<T extends object>(data: T): T & TracedJob {
  const requestId = currentRequestId();
  return requestId ? { ...data, requestId } : data;
}

export interface RenderAssetJob extends TracedJob {
  renderKey: string;
  vendorId: string;
  campaignId: string;
  version: number;
  assetId: string;
  partnerId: string;
  format: RenderFormat;
  /** PDF pages rendered as PNG. */
  page?: number;
  dpi?: number;
  /** Social images. */
  size?: string;
  /** Slot values of this render only (a launch wizard's editable block): previews of emails and pages. */
  slotValues?: Record<string, string>;
  /**
   * The language of whom it is for (a BCP 47 tag): the closest of the asset's variants is
   * rendered (assetInLanguage). Absent: the campaign's own.
   */
  language?: string;
}

export interface RenderAssetResult {
  blobKey: string;
  contentType: string;
  byteSize: number;
}

/** The queue each job goes to; the worker refuses to start unless each has one handler. */
export const JOB_QUEUE: Record<JobName, string> = {
  [JobName.RenderAsset]: 'render',
  [JobName.ImportProspects]: 'enroll',
  [JobName.EnrollLaunch]: 'enroll',
  [JobName.SendSteps]: 'send',
  [JobName.DeliverWebhook]: 'webhooks',
  [JobName.DeliverWebhooks]: 'webhooks',
  [JobName.FanOutProgrammeVersion]: 'programmes',
  [JobName.NotifyPendingLaunch]: 'programmes',
  [JobName.PublishSocialPost]: 'social',
  // Beside the lead's webhooks: the lead's news for people, where its news for programs goes.
  [JobName.NotifyLead]: 'webhooks',
  [JobName.SyncCrmRecord]: 'crm',
  [JobName.SyncCrmActivity]: 'crm',
};

export interface ImportProspectsJob extends TracedJob {
  importId: string;
}

export interface EnrollLaunchJob extends TracedJob {
  launchId: string;
}

/** One step of one enrollment. */
export interface SendStepRef {
  enrollmentId: string;
  step: number;
  /** The slot of its sender's rate this step reserved and waits for (epoch ms); absent before it has one. */
  slotAt?: number;
}

/**
 * Steps due at about the same time, sent together: one job for many steps keeps the queue's
 * per-job cost off each message. A step in two jobs is harmless (the send ledger decides).
 */
export interface SendStepsJob extends TracedJob {
  steps: SendStepRef[];
}

/** One delivery (an event for an endpoint); its id is also the job id and the webhook-id. */
export interface DeliverWebhookJob extends TracedJob {
  deliveryId: string;
  /** Times its endpoint was busy (slow) when it came up: each doubles its wait before the next try. */
  busy?: number;
}

/**
 * Deliveries made together (one event for many endpoints, a batch of judged events or leads),
 * tried once each in one job: the queue's per-job cost (a third of a delivery's worker time when
 * each had a job) is paid once for them all. One that is not delivered goes on as a
 * DeliverWebhookJob of its own, with its retries and its waits for a busy endpoint.
 */
export interface DeliverWebhooksJob extends TracedJob {
  deliveryIds: string[];
}

/** A campaign version just published (or made available): offer it to every programme subscriber. */
export interface FanOutProgrammeVersionJob extends TracedJob {
  campaignVersionId: string;
}

/** Tell a partner's users about one pending launch. */
export interface NotifyPendingLaunchJob extends TracedJob {
  pendingLaunchId: string;
}

/** Publish one network's delivery of a social post (a social ledger row). */
export interface PublishSocialPostJob extends TracedJob {
  deliveryId: string;
}

/** Tell a partner's users of one new lead by email. */
export interface NotifyLeadJob extends TracedJob {
  vendorId: string;
  partnerId: string;
  leadId: string;
}

/** Write one lead to one CRM connection (a CRM ledger row). */
export interface SyncCrmRecordJob extends TracedJob {
  recordId: string;
}

/** Write one engagement milestone to one CRM connection (a row of the activities ledger). */
export interface SyncCrmActivityJob extends TracedJob {
  activityId: string;
}
