import { Injectable, Logger } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import type { SocialImageSize } from '@tcma/cobrand';
import { Clock } from '@tcma/clock';
import { WORKER_ID } from '@tcma/fleet';
import { PartnerScope, SocialNetwork } from '@tcma/persistence';
import { AssetRenderService, renderKey } from '@tcma/rendering';
import { SocialNetworks, SocialRateLimited, SocialRejected, SocialTimeout, SocialUnauthorized } from '@tcma/social';
import { BlobStorage } from '@tcma/storage';
import { PartnersRepository } from '@tcma/tenancy';
import { PostingAccounts } from './posting-accounts';
import { afterCheck, afterPublish, CallResult } from './publish-outcome';
import { ClaimedDelivery, DeliveryOutcome, SocialDeliveriesRepository } from './social-deliveries.repository';

/** The image size each network's post is rendered at (libs/cobrand SOCIAL_IMAGE_SIZES). */
export const NETWORK_IMAGE_SIZE: Record<SocialNetwork, SocialImageSize> = {
  linkedin: 'linkedin',
  x: 'x',
  facebook: 'facebook',
};
/** findPublished looks at posts created from this long before the first claim (clocks differ). */
const FIND_SINCE_SLACK_MS = 10 * 60_000;

/** An adapter's error as data; anything unexpected counts as "nothing published" (retried, bounded). */
function resultOf(e: unknown): CallResult {
  const message = (e as Error)?.message ?? String(e);
  if (e instanceof SocialRateLimited) return { kind: 'rate_limited', retryAfterSeconds: e.retryAfterSeconds, message };
  if (e instanceof SocialUnauthorized) return { kind: 'unauthorized', message };
  if (e instanceof SocialTimeout) return { kind: 'timeout', message };
  if (e instanceof SocialRejected) return { kind: 'rejected', message };
  return { kind: 'unavailable', message };
}

/**
 * Publishes one delivery of the social ledger, at most once: the row is claimed (→ publishing)
 * before the network is called, and its outcome recorded after (publish-outcome.ts). Settles
 * deliveries whose answer was lost (uncertain) or whose worker died mid-publish, by asking the
 * network whether the post exists: never by posting again.
 */
@Injectable()
export class SocialPublisher {
  private readonly logger = new Logger(SocialPublisher.name);

  constructor(
    private readonly deliveries: SocialDeliveriesRepository,
    private readonly accounts: PostingAccounts,
    private readonly networks: SocialNetworks,
    private readonly partners: PartnersRepository,
    private readonly brandKits: BrandKitsService,
    private readonly renders: AssetRenderService,
    private readonly storage: BlobStorage,
    private readonly clock: Clock,
  ) {}

  /** The job's work: returns what it did (`skipped` when the delivery was not due or already taken). */
  async publish(deliveryId: string): Promise<string> {
    const claimed = await this.deliveries.claimForSystem(deliveryId, WORKER_ID, this.clock.now());
    if (!claimed) return 'skipped';
    const scope = new PartnerScope(claimed.vendorId, claimed.partnerId);
    const account = await this.accounts.forPosting(scope, claimed.network, claimed.connectionId);
    if (!account)
      return this.finish(claimed, {
        status: 'failed',
        error: await this.accounts.unavailableReason(scope, claimed.network, claimed.connectionId),
      });
    let image: { bytes: Buffer; mimeType: string };
    try {
      image = await this.image(claimed);
    } catch (e) {
      // Nothing was sent: the same bounded retries as a network that could not be reached.
      return this.finish(
        claimed,
        afterPublish(
          { kind: 'unavailable', message: `the image could not be rendered: ${(e as Error).message}` },
          claimed.attempts,
          this.clock.now(),
        ),
      );
    }
    let result: CallResult;
    try {
      const post = await this.networks.get(claimed.network).publish({
        accessToken: account.accessToken,
        accountId: account.accountId,
        text: claimed.text,
        image: image.bytes,
        mimeType: image.mimeType,
        idempotencyKey: claimed.id,
        // Kept before the creating call: a lost answer is settled by it (settle below).
        prepared: (reference) =>
          this.deliveries.rememberReferenceForSystem(claimed.id, WORKER_ID, reference, this.clock.now()),
      });
      result = { kind: 'published', ...post };
    } catch (e) {
      result = resultOf(e);
    }
    if (result.kind === 'unauthorized') await this.accounts.markBroken(scope, account.connectionId, result.message);
    return this.finish(claimed, afterPublish(result, claimed.attempts, this.clock.now(), claimed.throttledMs));
  }

  /** Asks the network whether a claimed-for-settling delivery's post exists, and records the answer. */
  async settle(claimed: ClaimedDelivery): Promise<string> {
    // The reference is recorded before the creating call (publish's `prepared`): a try without one
    // created nothing, so there is nothing to find, and an identical post of the partner's on the
    // network (the only thing a text could match) is never taken for it.
    if (claimed.remoteRef === null)
      return this.finish(claimed, afterCheck({ kind: 'not_found' }, claimed.attempts, this.clock.now()));
    const remoteRef = claimed.remoteRef;
    const scope = new PartnerScope(claimed.vendorId, claimed.partnerId);
    const account = await this.accounts.forPosting(scope, claimed.network, claimed.connectionId);
    if (!account)
      return this.finish(claimed, {
        status: 'failed',
        error: `${await this.accounts.unavailableReason(scope, claimed.network, claimed.connectionId)}: whether the post went out is unknown`,
      });
    let result: CallResult | { kind: 'not_found' };
    try {
      const found = await this.networks.get(claimed.network).findPublished({
        accessToken: account.accessToken,
        accountId: account.accountId,
        reference: remoteRef,
        since: new Date(claimed.dueAt.getTime() - FIND_SINCE_SLACK_MS),
      });
      result = found ? { kind: 'published', ...found } : { kind: 'not_found' };
    } catch (e) {
      result = resultOf(e);
    }
    if (result.kind === 'unauthorized') await this.accounts.markBroken(scope, account.connectionId, result.message);
    return this.finish(claimed, afterCheck(result, claimed.attempts, this.clock.now()));
  }

  private async finish(claimed: ClaimedDelivery, outcome: DeliveryOutcome): Promise<string> {
    const recorded = await this.deliveries.finishForSystem(claimed.id, WORKER_ID, outcome, this.clock.now());
    if (outcome.status === 'failed')
      this.logger.warn(`Social post ${claimed.postId} on ${claimed.network} failed: ${outcome.error}`);
    if (!recorded)
      this.logger.warn(
        `Social delivery ${claimed.id} was taken from this worker before its outcome (${outcome.status}) was recorded`,
      );
    return outcome.status;
  }

  /** The post's image: the campaign's social asset co-branded for the partner at the network's size (rendered once, kept). */
  private async image(claimed: ClaimedDelivery): Promise<{ bytes: Buffer; mimeType: string }> {
    const scope = new PartnerScope(claimed.vendorId, claimed.partnerId);
    const partner = await this.partners.find(scope, claimed.partnerId);
    if (!partner) throw new Error('the partner is gone');
    const brand = await this.brandKits.renderInputs(partner);
    const size = NETWORK_IMAGE_SIZE[claimed.network];
    const key = renderKey({
      versionId: claimed.campaignVersionId,
      assetId: claimed.assetId,
      partnerId: partner.id,
      brandRevision: brand.revision,
      format: 'png',
      size,
      ...(partner.language ? { language: partner.language } : {}),
    });
    const rendered = await this.renders.render({
      renderKey: key,
      vendorId: claimed.vendorId,
      campaignId: claimed.campaignId,
      version: claimed.version,
      assetId: claimed.assetId,
      partnerId: partner.id,
      format: 'png',
      size,
      // The image of the partner's language variant, as its copy (SocialPostsService.compose).
      ...(partner.language ? { language: partner.language } : {}),
    });
    const bytes = await this.storage.get(rendered.blobKey);
    if (!bytes) throw new Error('the rendered image is not stored');
    return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), mimeType: rendered.contentType };
  }
}
