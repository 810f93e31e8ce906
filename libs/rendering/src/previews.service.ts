import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import { CampaignsRepository, CampaignsService } from '@tcma/campaigns';
import { resolveSlotValues } from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import { BadRequestError, InvalidError, NotFoundError, UnavailableError } from '@tcma/errors';
import { CampaignVersionRow, PartnerRow } from '@tcma/persistence';
import { jobOptions, JobName, QueueName, RenderAssetJob, RenderAssetResult, traced } from '@tcma/queue';
import { BlobStorage } from '@tcma/storage';
import { Actor, isPartnerRole, PartnersService, scopeOf } from '@tcma/tenancy';
import { canonicalLanguage } from '@tcma/translation';
import { renderLanguage } from './asset-language';
import { Queue, QueueEvents } from 'bullmq';
import { missingSlots } from './email-render.service';
import { PreviewOptions, RenderPurpose, resolvePreviewOptions } from './preview-request';
import { renderKey } from './render-key';
import { RenderedAssetsRepository } from './rendered-assets.repository';

/** How long a preview request waits for the worker before answering 503. */
export const PREVIEW_TIMEOUT_MS = 60_000;

export type PreviewResult =
  { etag: string; notModified: true } | { etag: string; notModified: false; contentType: string; bytes: Buffer };

/**
 * Previews of published versions for the API: decides what may be seen and what the render's
 * identity is, then serves a stored render or has the worker make one on its render queue. The
 * console's pictures of a draft (PDF pages, draft PDF and social previews) are not made here:
 * CampaignFilesService makes them in the API's file sandbox processes.
 */
@Injectable()
export class PreviewsService implements OnApplicationShutdown {
  private events?: QueueEvents;

  constructor(
    @InjectQueue(QueueName.Render) private readonly queue: Queue,
    private readonly campaignsService: CampaignsService,
    private readonly campaigns: CampaignsRepository,
    private readonly partners: PartnersService,
    private readonly brandKits: BrandKitsService,
    private readonly rendered: RenderedAssetsRepository,
    private readonly storage: BlobStorage,
    private readonly config: AppConfig,
  ) {}

  // Not onModuleDestroy: that runs before the HTTP server stops, under requests still waiting.
  async onApplicationShutdown(): Promise<void> {
    await this.events?.close();
  }

  async preview(
    actor: Actor,
    campaignId: string,
    versionNumber: number,
    assetId: string,
    options: PreviewOptions & { partnerId?: string; slotValues?: Record<string, string>; language?: string },
    ifNoneMatch?: string,
    purpose: RenderPurpose = 'preview',
  ): Promise<PreviewResult> {
    const version = await this.visibleVersion(actor, campaignId, versionNumber);
    const partner = await this.partnerFor(actor, options.partnerId);
    const asset = version.content.assets.find((a) => a.id === assetId);
    if (!asset) throw new NotFoundError('Asset');
    const resolved = resolvePreviewOptions(asset, options, purpose);
    const language = renderLanguage(asset, version.content, partner.language, askedLanguage(options.language));
    const brand = await this.brandKits.brandState(partner);
    // Values given with the preview (the launch wizard's editable block as it is being written)
    // are checked exactly as a launch checks them: refused at their field.
    const slotValues = options.slotValues && Object.keys(options.slotValues).length ? options.slotValues : undefined;
    if (slotValues) {
      const known = new Set(version.content.slots.map((s) => s.name));
      const problems = Object.keys(slotValues)
        .filter((name) => !known.has(name))
        .map((name) => ({ path: `slotValues.${name}`, message: 'is not a slot of this campaign' }));
      problems.push(
        ...resolveSlotValues(version.content.slots, brand.brand, slotValues).invalid.filter((p) =>
          p.path.startsWith('slots.'),
        ),
      );
      if (problems.length) throw new InvalidError('The slot values cannot be used', problems);
    }
    const key = renderKey({
      versionId: version.id,
      assetId,
      partnerId: partner.id,
      brandRevision: brand.revision,
      ...resolved,
      ...(slotValues ? { slotValues } : {}),
      ...(language ? { language } : {}),
    });
    const etag = `"${key}"`;
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
      return { etag, notModified: true };

    const stored = await this.rendered.find(key);
    const bytes = stored ? await this.storage.get(stored.blobKey) : null;
    if (stored && bytes) return { etag, notModified: false, contentType: stored.contentType, bytes };

    const missing = resolveSlotValues(version.content.slots, brand.brand, slotValues).missing;
    if (missing.length) throw missingSlots(missing);
    const result = await this.renderInWorker({
      renderKey: key,
      vendorId: actor.vendorId,
      campaignId,
      version: versionNumber,
      assetId,
      partnerId: partner.id,
      ...resolved,
      ...(slotValues ? { slotValues } : {}),
      ...(language ? { language } : {}),
    });
    const output = await this.storage.get(result.blobKey);
    if (!output) throw new UnavailableError('The rendered file is not in storage yet; try again');
    return { etag, notModified: false, contentType: result.contentType, bytes: output };
  }

  /**
   * A render for a public address that decided for itself what may be shown (a landing
   * page's Open Graph image: the campaign's social image for the page's partner).
   */
  async renderForSystem(
    version: CampaignVersionRow,
    assetId: string,
    partner: PartnerRow,
    options: PreviewOptions,
    /** Whose language (a BCP 47 tag): the closest of the asset's variants; absent: the partner's. */
    reader?: string,
  ): Promise<{ etag: string; contentType: string; bytes: Buffer }> {
    const asset = version.content.assets.find((a) => a.id === assetId);
    if (!asset) throw new NotFoundError('Asset');
    const resolved = resolvePreviewOptions(asset, options);
    const language = renderLanguage(asset, version.content, partner.language, reader);
    const brand = await this.brandKits.brandState(partner);
    const key = renderKey({
      versionId: version.id,
      assetId,
      partnerId: partner.id,
      brandRevision: brand.revision,
      ...resolved,
      ...(language ? { language } : {}),
    });
    const stored = await this.rendered.find(key);
    const bytes = stored ? await this.storage.get(stored.blobKey) : null;
    if (stored && bytes) return { etag: `"${key}"`, contentType: stored.contentType, bytes };
    const result = await this.renderInWorker({
      renderKey: key,
      vendorId: partner.vendorId,
      campaignId: version.campaignId,
      version: version.version,
      assetId,
      partnerId: partner.id,
      ...resolved,
      ...(language ? { language } : {}),
    });
    const output = await this.storage.get(result.blobKey);
    if (!output) throw new UnavailableError('The rendered file is not in storage yet; try again');
    return { etag: `"${key}"`, contentType: result.contentType, bytes: output };
  }

  /**
   * Has the worker make, ahead of any request, the renders of these jobs not stored yet (the
   * catalogue's thumbnails, so the first view of a card finds its image ready). A job id is its
   * render key: asking twice queues one render.
   */
  async prepare(jobs: RenderAssetJob[]): Promise<void> {
    const stored = await this.rendered.storedKeys(jobs.map((j) => j.renderKey));
    const missing = jobs.filter((j) => !stored.has(j.renderKey));
    if (!missing.length) return;
    await this.queue.addBulk(
      missing.map((job) => ({
        name: JobName.RenderAsset,
        data: traced(job),
        opts: jobOptions[JobName.RenderAsset](job.renderKey),
      })),
    );
  }

  private async renderInWorker(job: RenderAssetJob): Promise<RenderAssetResult> {
    this.events ??= new QueueEvents(QueueName.Render, {
      connection: { url: this.config.redisUrl },
      prefix: this.config.queuePrefix,
    });
    await this.events.waitUntilReady();
    // A failed render under the same key is dropped, so that asking again retries it.
    const previous = await this.queue.getJob(job.renderKey);
    if (previous && (await previous.isFailed())) await previous.remove();
    const added = await this.queue.add(
      JobName.RenderAsset,
      traced(job),
      jobOptions[JobName.RenderAsset](job.renderKey),
    );
    try {
      return (await added.waitUntilFinished(this.events, PREVIEW_TIMEOUT_MS)) as RenderAssetResult;
    } catch (e) {
      const message = (e as Error).message ?? '';
      if (/timed out/i.test(message)) throw new UnavailableError('Rendering is taking too long; try again shortly');
      throw new Error(`Rendering failed in the worker: ${message}`, { cause: e });
    }
  }

  /** Vendor users may preview any version; partner users only the latest they may launch. */
  private async visibleVersion(actor: Actor, campaignId: string, version: number): Promise<CampaignVersionRow> {
    if (isPartnerRole(actor.role)) {
      const published = await this.campaignsService.getPublished(actor, campaignId);
      if (published.version !== version) throw new NotFoundError('Campaign version');
    } else {
      await this.campaignsService.findForVendor(actor, campaignId);
    }
    const found = await this.campaigns.findVersion(scopeOf(actor), campaignId, version);
    if (!found) throw new NotFoundError('Campaign version');
    return found;
  }

  private async partnerFor(actor: Actor, partnerId: string | undefined): Promise<PartnerRow> {
    if (isPartnerRole(actor.role)) return this.partners.get(actor, partnerId ?? actor.partnerId ?? '');
    if (!partnerId)
      throw new BadRequestError('Choose the partner to preview for', [
        { path: 'partnerId', message: 'is required for vendor users' },
      ]);
    return this.partners.get(actor, partnerId);
  }
}

/** The language a preview asks for (`?language=`), canonical; 400 at `language` when it is not BCP 47. */
function askedLanguage(asked: string | undefined): string | undefined {
  if (asked === undefined) return undefined;
  const tag = canonicalLanguage(asked);
  if (!tag)
    throw new BadRequestError('The language is not a BCP 47 tag', [
      { path: 'language', message: 'must be a BCP 47 language tag, such as de, fr-CA or pt-BR' },
    ]);
  return tag;
}
