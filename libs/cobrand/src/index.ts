export { contrastRatio, contrastWarnings, readableTextColor, shadeForContrast } from './brand/contrast';
export type { ContrastWarning } from './brand/contrast';
export { LOGO_BOX, MAX_LOGO_BYTES, normalizeLogo } from './brand/normalize-logo';
export { checkSvgComplexity, SVG_LIMITS } from './brand/svg-complexity';
export type { LogoResult, NormalizedLogo } from './brand/normalize-logo';
export { CompiledEmailCache, DEFAULT_COMPILE_CACHE_LIMITS } from './email/compiled-email.cache';
export type { CompileCacheLimits } from './email/compiled-email.cache';
export { checkEmailAsset } from './email/email-asset-check';
export { compileEmail, EmailCompileError } from './email/email-compiler';
export type { CompiledEmail, TrackableLink } from './email/email-compiler';
export { renderEmail, templateProspect } from './email/email-renderer';
export type { ProspectData, Recipient, RenderedEmail } from './email/email-renderer';
export { compileMjml } from './email/mjml-compiler';
export { inspectRaster, MAX_IMAGE_PIXELS } from './files/inspect-image';
export type { ImageInspection, RasterFormat } from './files/inspect-image';
export { inspectPdf, MAX_PDF_PAGE_POINTS, MAX_PDF_PAGES } from './files/inspect-pdf';
export { sniffType } from './files/sniff';
export { FONT_FAMILY, FONT_FILES, fontBytes } from './fonts/fonts';
export { renderCobrandedPdf } from './pdf/render-pdf';
export { RenderPool } from './pool/render-pool';
export {
  DEFAULT_SANDBOX_OPTIONS,
  FileSandbox,
  SandboxTimeoutError,
  UNTRUSTED_FILE_TIMEOUT_MS,
} from './sandbox/file-sandbox';
export type { FileSandboxOptions } from './sandbox/file-sandbox';
export { FILE_IMAGE_PREVIEW_MAX_SIDE } from './sandbox/sandbox-tasks';
export type { FilePageTaskInput, PdfPreviewTaskInput, SocialPreviewTaskInput } from './sandbox/sandbox-tasks';
export { MAX_PAGE_DPI, MAX_PAGE_PREVIEW_PIXELS } from './pool/render-tasks';
export type { RenderTasks } from './pool/render-tasks';
export type { PdfRenderInput } from './pdf/render-pdf';
export { renderSocialImage } from './social/render-social';
export type { SocialRenderInput } from './social/render-social';
export { fillSocialCopy, renderSocialCopy, SocialCopyTooLongError } from './social/social-copy';
export { SOCIAL_IMAGE_FORMATS, SOCIAL_IMAGE_SIZES } from './social/social-sizes';
export type { SocialImageFormat, SocialImageSize } from './social/social-sizes';
export type { SniffedType } from './files/sniff';
export {
  maxLengthOf,
  normalizeColor,
  normalizeHttpUrl,
  normalizeSlotValue,
  SAMPLE_SLOT_VALUES,
} from './slots/slot-values';
export type { SlotValueResult } from './slots/slot-values';
export { BRAND_KIT_SLOT_NAMES, resolveSlotValues } from './slots/resolve-slot-values';
export { DERIVED_COLORS, derivedColorNames, withDerivedColors } from './slots/derived-colors';
export type { BrandValues, ResolvedSlotValues } from './slots/resolve-slot-values';
export { checkMarkupTemplate, checkTextTemplate } from './template/checked-template';
export type { CheckedMarkup } from './template/checked-template';
export { analyzeTemplate } from './template/template-analysis';
export type { TemplateAnalysis, TemplateVocabulary } from './template/template-analysis';
export { vocabularyOf } from './template/vocabulary';
export { vocabularyEntries } from './template/vocabulary-entries';
export type { FooterSnippet, TemplateVocabularyList, VocabularyEntry } from './template/vocabulary-entries';
export { checkPageAsset } from './page/page-check';
export { CONSENT_FIELD, checkSubmission, FORM_ERROR, HONEYPOT_FIELD } from './page/page-form';
export type { PageFormState, SubmissionCheck } from './page/page-form';
export { compilePage, PageCompileError, renderPage } from './page/page-renderer';
export type { CompiledPage, PageMeta } from './page/page-renderer';
