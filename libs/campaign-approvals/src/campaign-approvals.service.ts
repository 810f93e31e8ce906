import { Injectable, Logger } from '@nestjs/common';
import { CampaignPublishingService, CampaignReviewsRepository, CampaignsService } from '@tcma/campaigns';
import type { CampaignReviewRow } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { Transactions, VendorScope } from '@tcma/persistence';
import { Actor, scopeOf, VendorsRepository } from '@tcma/tenancy';
import { ApproverNotices } from './approver-notices.service';
import { reviewView, ReviewView } from './review-views';

/** A comment or a decision's reason: the longest a person writes in a review. */
export const REVIEW_COMMENT_MAX = 2000;

export interface ReviewRequestInput {
  note?: string;
  /** For each language not ready, fallback or hold: as publishing asks (applied when approval publishes). */
  languages?: Record<string, string>;
}

export interface ReviewCommentInput {
  body: string;
  /** The asset the comment is about, by its id in the draft. */
  assetId?: string;
}

/** Whether the vendor publishes through reviews, and what the caller may do about a draft. */
export interface PublishingPolicy {
  approvalRequired: boolean;
  /** The caller's publish goes straight through (an admin's always; a marketer's without the rule). */
  mayPublish: boolean;
  /** The caller authors drafts (admins and marketers); an approver reads them. */
  mayEdit: boolean;
  mayRequestReview: boolean;
  mayApprove: boolean;
}

/** What waits for a vendor's approvers. */
export interface WaitingReview {
  id: string;
  campaignId: string;
  campaignName: string;
  draftRevision: number;
  requestedBy: string | null;
  requestedAt: Date;
}

/**
 * Publishing through a review (issue 27): a marketer asks for one on the draft as it is; an
 * approver (or an admin) approves, which publishes exactly that revision, or returns it with a
 * comment; an edit in between voids it (libs/campaigns voids it when the draft is saved). Every
 * step is in the review's trail with who, when and which revision.
 */
@Injectable()
export class CampaignApprovalsService {
  private readonly logger = new Logger(CampaignApprovalsService.name);

  constructor(
    private readonly reviews: CampaignReviewsRepository,
    private readonly campaigns: CampaignsService,
    private readonly publishing: CampaignPublishingService,
    private readonly vendors: VendorsRepository,
    private readonly notices: ApproverNotices,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The vendor's rule, and what it means for the caller: the console shows what the API would allow. */
  async policy(actor: Actor): Promise<PublishingPolicy> {
    const approvalRequired = await this.publishing.approvalRequired(actor);
    return {
      approvalRequired,
      mayPublish: actor.role === 'vendor_admin' || (actor.role === 'vendor_marketer' && !approvalRequired),
      mayEdit: actor.role === 'vendor_admin' || actor.role === 'vendor_marketer',
      mayRequestReview: actor.role === 'vendor_admin' || actor.role === 'vendor_marketer',
      mayApprove: actor.role === 'vendor_admin' || actor.role === 'vendor_approver',
    };
  }

  async setPolicy(actor: Actor, approvalRequired: boolean): Promise<PublishingPolicy> {
    await this.vendors.setPublishApproval(new VendorScope(actor.vendorId), approvalRequired);
    return this.policy(actor);
  }

  async list(actor: Actor, campaignId: string): Promise<ReviewView[]> {
    const campaign = await this.campaigns.findForVendor(actor, campaignId);
    const rows = await this.reviews.list(scopeOf(actor), campaign.id);
    const events = await this.reviews.events(
      scopeOf(actor),
      rows.map((r) => r.id),
    );
    return rows.map((row) => reviewView(row, events));
  }

  async get(actor: Actor, campaignId: string, reviewId: string): Promise<ReviewView> {
    const row = await this.reviews.find(scopeOf(actor), campaignId, reviewId);
    if (!row) throw new NotFoundError('Review');
    return reviewView(row, await this.reviews.events(scopeOf(actor), [row.id]));
  }

  /**
   * Asks for a review of the draft as it is now: checked as publishing would check it (a 422
   * with every problem, the language choices' among them), then the approvers are emailed.
   */
  async request(actor: Actor, campaignId: string, input: ReviewRequestInput): Promise<ReviewView> {
    const { campaign, choices } = await this.publishing.checkedDraft(actor, campaignId, input.languages ?? {});
    const opened = await this.reviews.open(
      scopeOf(actor),
      { campaignId: campaign.id, draftRevision: campaign.draftRevision, languageChoices: choices },
      { by: actor.userId, at: this.clock.now(), note: input.note?.trim() || null },
    );
    if (!opened)
      throw new ConflictError('A review of this campaign is already waiting: approve, return or edit it first');
    // The review stands whether or not its email could be sent: approvers also see it on their home.
    await this.notices
      .tellApprovers(actor, opened, campaign.name)
      .catch((e: Error) => this.logger.warn(`Review ${opened.id}: approvers not emailed (${e.message})`));
    return this.get(actor, campaign.id, opened.id);
  }

  async comment(actor: Actor, campaignId: string, reviewId: string, input: ReviewCommentInput): Promise<ReviewView> {
    const review = await this.pending(actor, campaignId, reviewId);
    if (input.assetId !== undefined) {
      const campaign = await this.campaigns.findForVendor(actor, campaignId);
      if (!campaign.draft?.assets.some((a) => a.id === input.assetId))
        throw new InvalidError('The comment cannot be added', [
          { path: 'assetId', message: `is not an asset of the draft under review` },
        ]);
    }
    await this.reviews.addEvent(scopeOf(actor), review.id, {
      kind: 'commented',
      actorId: actor.userId,
      draftRevision: review.draftRevision,
      assetId: input.assetId ?? null,
      body: input.body.trim(),
      at: this.clock.now(),
    });
    return this.get(actor, campaignId, reviewId);
  }

  /**
   * Approves the review and publishes exactly the revision it was asked for, in one
   * transaction: a draft edited since (the review then void) or checked invalid now publishes nothing.
   */
  async approve(actor: Actor, campaignId: string, reviewId: string, comment?: string): Promise<ReviewView> {
    const review = await this.pending(actor, campaignId, reviewId);
    const at = this.clock.now();
    const published = await this.publishReviewed(actor, campaignId, review, { at, comment });
    if (!published) {
      // Another approver's approval of this very review published it a moment before.
      await this.pending(actor, campaignId, reviewId);
      const campaign = await this.campaigns.findForVendor(actor, campaignId);
      await this.reviews.voidOutdated(scopeOf(actor), campaignId, campaign.draftRevision, null, at);
      throw new ConflictError(
        `The draft was edited after revision ${review.draftRevision} was sent for review: the review is void; ask for a new one`,
      );
    }
    await this.publishing.offerVersion(published.id);
    return this.get(actor, campaignId, reviewId);
  }

  /**
   * Publishes the review's revision and records the approval, in one transaction; null when the
   * draft is no longer that revision. A conflict meanwhile (another approver's approval of this
   * review left no draft) answers as the review now stands.
   */
  private async publishReviewed(
    actor: Actor,
    campaignId: string,
    review: CampaignReviewRow,
    { at, comment }: { at: Date; comment?: string },
  ) {
    try {
      // Awaited here, so a conflict the transaction throws is caught below.
      return await this.transactions.run(async (tx) => {
        const version = await this.publishing.publishRevision(
          actor,
          campaignId,
          review.draftRevision,
          review.languageChoices ?? {},
          tx,
        );
        if (!version) return null;
        const decided = await this.reviews.decide(
          scopeOf(actor),
          review.id,
          { status: 'approved', publishedVersion: version.version },
          {
            kind: 'approved',
            actorId: actor.userId,
            draftRevision: review.draftRevision,
            body: comment?.trim() || null,
            at,
          },
          tx,
        );
        if (!decided) throw new ConflictError('The review was decided by someone else at the same time; reload it');
        return version;
      });
    } catch (e) {
      if (e instanceof ConflictError) await this.pending(actor, campaignId, review.id);
      throw e;
    }
  }

  /** Returns the draft to its authors with what to change; nothing is published. */
  async requestChanges(actor: Actor, campaignId: string, reviewId: string, comment: string): Promise<ReviewView> {
    const review = await this.pending(actor, campaignId, reviewId);
    const decided = await this.reviews.decide(
      scopeOf(actor),
      review.id,
      { status: 'changes_requested' },
      {
        kind: 'changes_requested',
        actorId: actor.userId,
        draftRevision: review.draftRevision,
        body: comment.trim(),
        at: this.clock.now(),
      },
    );
    if (!decided) throw new ConflictError('The review was decided by someone else at the same time; reload it');
    return this.get(actor, campaignId, reviewId);
  }

  /** The vendor's pending reviews, oldest first (the vendor home's list for approvers). */
  async waiting(actor: Actor, limit = 20): Promise<{ items: WaitingReview[]; total: number }> {
    const { items, total } = await this.reviews.waiting(scopeOf(actor), limit);
    return {
      total,
      items: items.map((r) => ({
        id: r.id,
        campaignId: r.campaignId,
        campaignName: r.campaignName,
        draftRevision: r.draftRevision,
        requestedBy: r.requestedByName,
        requestedAt: r.requestedAt,
      })),
    };
  }

  private async pending(actor: Actor, campaignId: string, reviewId: string) {
    const review = await this.reviews.find(scopeOf(actor), campaignId, reviewId);
    if (!review) throw new NotFoundError('Review');
    if (review.status !== 'pending')
      throw new ConflictError(`The review is no longer waiting: it is ${review.status.replace('_', ' ')}`);
    return review;
  }
}
