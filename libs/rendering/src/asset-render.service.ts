import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Asset, CampaignContent } from '@tcma/campaign-model';
import { BrandKitsService, BrandRenderInputs } from '@tcma/brand-kits';
import { CampaignsRepository } from '@tcma/campaigns';
import {
  compilePage,
  emailCardContent,
  renderEmailCard,
  withoutWebFonts,
  RenderPool,
  renderEmail,
  renderPage,
  renderSocialCopy,
  renderSocialImage,
  resolveSlotValues,
  SocialImageSize,
} from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import { NotFoundError } from '@tcma/errors';
import { PartnerScope } from '@tcma/persistence';
import type { RenderAssetJob, RenderAssetResult } from '@tcma/queue';
import { BlobStorage } from '@tcma/storage';
import { PartnersRepository } from '@tcma/tenancy';
import { assetInLanguage } from './asset-language';
import { EmailRenderService, landingPageUrl, missingSlots } from './email-render.service';
import { RenderedAssetsRepository } from './rendered-assets.repository';
import { sampleRecipient } from './sample-recipient';

interface Output {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Renders one asset of a campaign version for one partner, stores the bytes (content-
 * addressed) and records them under the render key. Runs in the worker's render role; the
 * CPU-heavy parts go to the render pool's threads.
 */
@Injectable()
export class AssetRenderService implements OnApplicationShutdown {
  private readonly logger = new Logger(AssetRenderService.name);
  private threads?: RenderPool;

  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly partners: PartnersRepository,
    private readonly brandKits: BrandKitsService,
    private readonly emails: EmailRenderService,
    private readonly storage: BlobStorage,
    private readonly rendered: RenderedAssetsRepository,
    private readonly config: AppConfig,
  ) {}

  /** Threads start on the first render, so a worker without the render role starts none. */
  get pool(): RenderPool {
    return (this.threads ??= new RenderPool(this.config.renderThreads));
  }

  // Not onModuleDestroy: that runs before the worker's queues drain, under renders in flight.
  async onApplicationShutdown(): Promise<void> {
    await this.threads?.close();
  }

  async render(job: RenderAssetJob): Promise<RenderAssetResult> {
    const done = await this.rendered.find(job.renderKey);
    if (done && (await this.storage.has(done.blobKey)))
      return { blobKey: done.blobKey, contentType: done.contentType, byteSize: done.byteSize };
    // The job names its tenant (the API checked the caller's access before queueing it).
    const scope = new PartnerScope(job.vendorId, job.partnerId);
    const version = await this.campaigns.findVersion(scope, job.campaignId, job.version);
    const partner = await this.partners.find(scope, job.partnerId);
    const asset = version?.content.assets.find((a) => a.id === job.assetId);
    if (!version || !partner || !asset) throw new NotFoundError('Asset');
    const brand = await this.brandKits.renderInputs(partner);
    const campaign = await this.campaigns.find(scope, job.campaignId);
    const pageUrl = campaign ? landingPageUrl(this.config.publicBaseUrl, partner.slug, campaign.slug) : null;
    const started = process.hrtime.bigint();
    const output = await this.produce(version.id, version.content, asset, brand, job, pageUrl);
    const blobKey = await this.storage.put(
      Buffer.from(output.bytes.buffer, output.bytes.byteOffset, output.bytes.byteLength),
    );
    await this.rendered.record({
      renderKey: job.renderKey,
      blobKey,
      contentType: output.contentType,
      byteSize: output.bytes.byteLength,
      partnerId: partner.id,
      campaignVersionId: version.id,
      brandRevision: brand.revision,
    });
    this.logger.debug(
      `Rendered ${asset.kind} ${job.format} for partner ${partner.id} in ${Number(process.hrtime.bigint() - started) / 1e6} ms`,
    );
    return { blobKey, contentType: output.contentType, byteSize: output.bytes.byteLength };
  }

  private async produce(
    versionId: string,
    content: CampaignContent,
    asset: Asset,
    brand: BrandRenderInputs,
    job: RenderAssetJob,
    pageUrl: string | null,
  ): Promise<Output> {
    const { asset: localised, language } = assetInLanguage(asset, content, job.language ?? null);
    return this.produceLocalised(versionId, content, localised, language, brand, job, pageUrl);
  }

  private async produceLocalised(
    versionId: string,
    content: CampaignContent,
    asset: Asset,
    language: string,
    brand: BrandRenderInputs,
    job: RenderAssetJob,
    pageUrl: string | null,
  ): Promise<Output> {
    if (asset.kind === 'email') {
      const email = renderEmail(
        await this.emails.compiled(versionId, content, asset, brand, job.slotValues ?? {}, pageUrl, language),
        sampleRecipient(this.config.publicBaseUrl),
      );
      if (job.format === 'text') return text(email.text, 'text/plain; charset=utf-8');
      if (job.format === 'json') return text(JSON.stringify(email), 'application/json; charset=utf-8');
      // The catalogue's card of an email: drawn from the email as rendered, without a browser.
      if (job.format === 'png')
        return {
          bytes: await renderEmailCard({
            content: emailCardContent(email),
            logo: brand.logoPng,
            logoFallback: brand.brand.companyName,
          }),
          contentType: 'image/png',
        };
      // A preview fetches nothing from elsewhere: no web font (see withoutWebFonts).
      return text(withoutWebFonts(email.html), 'text/html; charset=utf-8');
    }
    const resolved = resolveSlotValues(content.slots, brand.brand, job.slotValues ?? {});
    if (resolved.missing.length) throw missingSlots(resolved.missing);
    if (asset.kind === 'page') {
      // The same bytes the public address serves to a first visit (the blank form).
      const social = content.assets.find((a) => a.kind === 'social');
      const url = pageUrl ?? this.config.publicBaseUrl;
      return text(
        renderPage(
          compilePage(asset, content, resolved.values, { pageUrl: url, ogImageUrl: social ? `${url}/og.png` : null }),
        ),
        'text/html; charset=utf-8',
      );
    }
    const slotTypes = new Map(content.slots.map((s) => [s.name, s.type]));
    const logo = brand.logoPng
      ? { png: new Uint8Array(brand.logoPng), key: `${brand.partnerId}:${brand.revision}` }
      : null;
    // Without a logo, logo rectangles show the partner's name as the campaign fills it.
    const logoFallback = resolved.values.get('company_name') || brand.brand.companyName;
    if (asset.kind === 'pdf') {
      const vendorPdf = await this.blob(asset.file.key);
      const pdf = await this.pool.run('pdf', {
        vendorPdf,
        rects: asset.slots,
        slotTypes: [...slotTypes],
        values: [...resolved.values],
        logo,
        logoFallback,
        // A variant's language: an Arabic PDF's slot text runs right to left.
        language,
      });
      if (job.format === 'png')
        return {
          bytes: await this.pool.run('pdfPage', { pdf, page: job.page ?? 1, dpi: job.dpi ?? 100 }),
          contentType: 'image/png',
        };
      return { bytes: pdf, contentType: 'application/pdf' };
    }
    if (job.format === 'json')
      return text(
        JSON.stringify({ copy: renderSocialCopy(asset.copy, resolved.values) }),
        'application/json; charset=utf-8',
      );
    const format = job.format === 'jpeg' ? 'jpeg' : 'png';
    const image = await renderSocialImage({
      background: await this.blob(asset.image.key),
      backgroundKey: asset.image.key,
      rects: asset.slots,
      slotTypes,
      values: resolved.values,
      logo,
      logoFallback,
      size: (job.size ?? 'linkedin') as SocialImageSize,
      format,
    });
    return { bytes: image, contentType: `image/${format}` };
  }

  private async blob(key: string): Promise<Uint8Array> {
    const bytes = await this.storage.get(key);
    if (!bytes) throw new NotFoundError('Stored file');
    return bytes;
  }
}

const text = (s: string, contentType: string): Output => ({ bytes: Buffer.from(s, 'utf8'), contentType });
