export { AssetRenderService } from './asset-render.service';
export { CatalogueService, NEW_FOR_DAYS, THUMBNAIL_PDF_DPI, thumbnailSource } from './catalogue.service';
export type { AssetType, CatalogueItem } from './catalogue.service';
export { EmailRenderService, landingPageUrl, missingSlots } from './email-render.service';
export { DEFAULT_PAGE_DPI, resolvePreviewOptions } from './preview-request';
export type { PreviewOptions } from './preview-request';
export { PREVIEW_TIMEOUT_MS, PreviewsService } from './previews.service';
export type { PreviewResult } from './previews.service';
export { PreviewsModule } from './previews.module';
export { renderKey, RENDERER_VERSION } from './render-key';
export { RenderingModule } from './rendering.module';
export { sampleRecipient } from './sample-recipient';
export { DraftEmailCheckService, SAMPLE_PARTNER } from './draft-email-check.service';
export type { DraftEmailCheck, DraftEmailCheckInput, DraftEmailPreview } from './draft-email-check.service';
export { DraftAssetsService } from './draft-assets.service';
export type {
  DraftAssetPreviewOptions,
  DraftAssetPreviewResult,
  DraftSocialCheck,
  DraftSocialCheckInput,
  SocialCopyMeasure,
} from './draft-assets.service';
export { filePageKey, FilePagesService } from './file-pages.service';
export type { FilePageResult } from './file-pages.service';
