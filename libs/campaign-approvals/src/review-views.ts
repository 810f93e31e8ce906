import type { CampaignReviewRow, ReviewEventRow } from '@tcma/campaigns';
import type { ReviewEventKind, ReviewStatus } from '@tcma/persistence';

/** One step of a review's audit trail. */
export interface ReviewEventView {
  kind: ReviewEventKind;
  /** Who took it: null once that user was deleted. */
  by: { id: string; name: string; email: string } | null;
  /** The draft revision it concerned (for a voided review: the edit's). */
  draftRevision: number;
  /** A comment's asset, by its id in the draft; null for the whole campaign. */
  assetId: string | null;
  /** The note of a request, a comment, or the reason given with a decision. */
  body: string | null;
  at: Date;
}

/** A review of one draft revision, with its trail. */
export interface ReviewView {
  id: string;
  campaignId: string;
  draftRevision: number;
  status: ReviewStatus;
  /** The language choices the request carried (applied when approval publishes). */
  languages: Record<string, string>;
  requestedAt: Date;
  decidedAt: Date | null;
  /** The version approval published. */
  publishedVersion: number | null;
  events: ReviewEventView[];
}

export function reviewView(row: CampaignReviewRow, events: ReviewEventRow[]): ReviewView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    draftRevision: row.draftRevision,
    status: row.status,
    languages: row.languageChoices ?? {},
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
    publishedVersion: row.publishedVersion,
    events: events
      .filter((e) => e.reviewId === row.id)
      .map((e) => ({
        kind: e.kind,
        by: e.actorId && e.actorEmail ? { id: e.actorId, name: e.actorName ?? '', email: e.actorEmail } : null,
        draftRevision: e.draftRevision,
        assetId: e.assetId,
        body: e.body,
        at: e.at,
      })),
  };
}
