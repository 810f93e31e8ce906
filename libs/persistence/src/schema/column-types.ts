/**
 * The value types of columns whose SQL type is wider than what the engine stores in them:
 * statuses kept as text, and the shapes of jsonb columns. The TypeORM entities and the
 * generated Kysely table types (db/database.types.ts) both use these, so the two agree.
 */
export type { CampaignContent } from '@tcma/campaign-model';

export interface BrandLogo {
  pngKey: string;
  webpKey: string;
  width: number;
  height: number;
  dominantColor: string;
  sourceType: string;
}

/** What an upload was found to be when it was checked (stored_files.metadata): page sizes, pixel dimensions. */
export type StoredFileMetadata =
  | { kind: 'pdf'; pages: Array<{ width: number; height: number }> }
  | { kind: 'image'; width: number; height: number; format: string };

export const CAMPAIGN_STATUSES = ['draft', 'published', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const ENROLLMENT_STATUSES = ['active', 'completed', 'exited', 'cancelled'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const EVENT_TYPES = [
  'sent',
  'accepted',
  'bounced',
  'opened',
  'clicked',
  'unsubscribed',
  'converted',
  'form_submitted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * awaiting_approval: an editable block's new text waits for the vendor (nothing enrolled or sent);
 * returned: the vendor returned it with a comment, and it never starts.
 */
export const LAUNCH_STATUSES = [
  'awaiting_approval',
  'returned',
  'enrolling',
  'active',
  'paused',
  'cancelled',
  'completed',
] as const;
export type LaunchStatus = (typeof LAUNCH_STATUSES)[number];

/** Who a launch is for: a saved list, a filter over the partner's prospects, or all of them. */
export type AudienceSpec =
  { type: 'list'; listId: string } | { type: 'filter'; country?: string[]; search?: string } | { type: 'all' };

export const PARTNER_STATUSES = ['active', 'suspended'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const SEND_STATUSES = [
  'claimed',
  'handed',
  'sent',
  'uncertain',
  'bounced',
  'suppressed',
  'skipped',
  'failed',
] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

export const SUPPRESSION_REASONS = ['unsubscribed', 'bounced', 'complaint', 'manual'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** A user's language (its web app and the engine's emails to it); null follows the browser. */
export type { Locale } from '@tcma/locales';

/**
 * A partner admin is a partner user who may also invite colleagues of its partner. A vendor
 * approver reads campaigns and approves or returns their drafts; a vendor admin is also both
 * marketer and approver.
 */
export const ROLES = ['vendor_admin', 'vendor_marketer', 'vendor_approver', 'partner_admin', 'partner_user'] as const;
export type Role = (typeof ROLES)[number];

/** A review of one draft revision: waiting, approved (and so published), returned, or void because the draft changed. */
export const REVIEW_STATUSES = ['pending', 'approved', 'changes_requested', 'voided'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** One line of a review's audit trail. */
export const REVIEW_EVENT_KINDS = ['requested', 'commented', 'approved', 'changes_requested', 'voided'] as const;
export type ReviewEventKind = (typeof REVIEW_EVENT_KINDS)[number];

export const LEAD_STATUSES = ['new', 'accepted', 'rejected', 'won', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * How consent evidence was recorded: `form` (a landing page's checkbox), `import` (a CSV import
 * or the API adding a prospect), `unsubscribe` (an unsubscribe link, one-click or mailto) and
 * `preferences` (the preference page).
 */
export const CONSENT_SOURCES = ['form', 'import', 'unsubscribe', 'preferences'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** Events outbound webhooks may subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'form_submitted',
  'lead_created',
  'lead_status_changed',
  'sent',
  'bounced',
  'clicked',
  'unsubscribed',
  'converted',
  'launch_completed',
  'deal_won',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** A partner's subscription to a programme: unsubscribing keeps the row (and its history) and cancels what is pending. */
export const SUBSCRIPTION_STATUSES = ['active', 'unsubscribed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * A pending launch: `pending` waits for its review period, `waiting_readiness` for the partner's
 * brand kit (what is missing is recorded), then it is `started` (a launch), `skipped` (by the
 * partner, or by the weekly cap) or `cancelled` (unsubscribed).
 */
export const PENDING_LAUNCH_STATES = ['pending', 'waiting_readiness', 'started', 'skipped', 'cancelled'] as const;
export type PendingLaunchState = (typeof PENDING_LAUNCH_STATES)[number];

/** One thing a pending launch waits for (a readiness item: code, path, message). */
export interface MissingItem {
  code: string;
  path: string;
  message: string;
}

/** Social networks a subscription names and posts are published to. */
export const SOCIAL_NETWORKS = ['linkedin', 'x', 'facebook'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
/** A data subject's request about an email address: a copy of everything held (export), or its erasure. */
export const DATA_REQUEST_KINDS = ['export', 'erasure'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];

/** Who scheduled a social post: the partner (portal or API), or a programme's pending launch. */
export const SOCIAL_POST_SOURCES = ['manual', 'programme'] as const;
export type SocialPostSource = (typeof SOCIAL_POST_SOURCES)[number];

/**
 * One network's publication of a social post: `scheduled` until due, `publishing` once claimed
 * (the network is being called), then `published`, `failed`, `waiting` (a 429, until its
 * retry-after) or `uncertain` (a timeout after the request was sent: checked, never re-posted).
 */
export const SOCIAL_DELIVERY_STATUSES = [
  'scheduled',
  'publishing',
  'published',
  'uncertain',
  'failed',
  'waiting',
  'cancelled',
] as const;
export type SocialDeliveryStatus = (typeof SOCIAL_DELIVERY_STATUSES)[number];
/**
 * A social connection: `active` works; `expiring` cannot be refreshed and stops working within
 * the notice period; `broken` was refused by the network (the grant revoked on the network's
 * side, a 401, an invalid_grant on refresh); `revoked` was disconnected by the partner in the
 * engine (revoked at the network where it allows, tokens wiped; kept so posts due on it fail
 * with that reason, until the partner removes it).
 */
export const SOCIAL_CONNECTION_STATUSES = ['active', 'expiring', 'broken', 'revoked'] as const;
export type SocialConnectionStatus = (typeof SOCIAL_CONNECTION_STATUSES)[number];

/** A vendor's claim of a host name: `pending` until its DNS TXT record is found, then `verified` (issue 25). */
export const VENDOR_HOST_NAME_STATUSES = ['pending', 'verified'] as const;
export type VendorHostNameStatus = (typeof VENDOR_HOST_NAME_STATUSES)[number];

/** A vendor's or partner's claim of an email domain: `pending` until its DNS TXT record is found (issue 26). */
export const EMAIL_DOMAIN_STATUSES = ['pending', 'verified'] as const;
export type EmailDomainStatus = (typeof EMAIL_DOMAIN_STATUSES)[number];

/** Whom a single sign-on connection signs in: the vendor's own users, or its partners' users (issue 26). */
export const SSO_AUDIENCES = ['vendor_users', 'partner_users'] as const;
export type SsoAudience = (typeof SSO_AUDIENCES)[number];

/** How a single sign-on connection talks to its identity provider: OpenID Connect or SAML 2.0 (issue 26). */
export const SSO_PROTOCOLS = ['oidc', 'saml'] as const;
export type SsoProtocol = (typeof SSO_PROTOCOLS)[number];

/**
 * A call to the assistant's model: `pending` while asked (its tokens reserved), then `completed`
 * or `failed`; `refused` when the vendor's budget or rate limit stopped it before the model was asked.
 */
export const ASSISTANT_CALL_STATUSES = ['pending', 'completed', 'failed', 'refused'] as const;
export type AssistantCallStatus = (typeof ASSISTANT_CALL_STATUSES)[number];

/** The CRMs a partner or a vendor connects, leads going in and won deals coming back (issue 26). */
export const CRM_PROVIDERS = ['hubspot', 'salesforce'] as const;
export type CrmProvider = (typeof CRM_PROVIDERS)[number];

/** A CRM connection: `active` works; `broken` was refused (a 401, a refused refresh) and waits for its owner to connect again. */
export const CRM_CONNECTION_STATUSES = ['active', 'broken'] as const;
export type CrmConnectionStatus = (typeof CRM_CONNECTION_STATUSES)[number];

/**
 * A lead's hand-off to one CRM connection: `pending` until due and claimed, `syncing` while a
 * worker holds it, then `written`, or `failed` when the CRM refused it or the tries ran out (the
 * partner may retry it).
 */
export const CRM_RECORD_STATUSES = ['pending', 'syncing', 'written', 'failed'] as const;
export type CrmRecordStatus = (typeof CRM_RECORD_STATUSES)[number];

/**
 * An engagement milestone written to a CRM as a timeline activity: a send's first human click
 * (`clicked`), a human click of its landing-page link (`page_visited`), a conversion.
 */
export const CRM_ACTIVITY_KINDS = ['clicked', 'page_visited', 'converted'] as const;
export type CrmActivityKind = (typeof CRM_ACTIVITY_KINDS)[number];
