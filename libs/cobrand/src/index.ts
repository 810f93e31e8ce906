export { contrastRatio, contrastWarnings, readableTextColor, shadeForContrast } from './brand/contrast';
export type { ContrastWarning } from './brand/contrast';
export { normalizeLogo } from './brand/normalize-logo';
export { CompiledEmailCache } from './email/compiled-email.cache';
export { checkEmailAsset, PREHEADER_RULES, SUBJECT_RULES } from './email/email-asset-check';
export { EMAIL_CARD_SIZE, renderEmailCard } from './email/email-card';
export { emailCardContent } from './email/email-card-content';
export type { EmailCardContent } from './email/email-card-content';
export { compileEmail, EmailCompileError } from './email/email-compiler';
export type { CompiledEmail } from './email/email-compiler';
export { renderEmail, templateProspect } from './email/email-renderer';
export { withoutWebFonts } from './email/web-fonts';
export type { Recipient, RenderedEmail } from './email/email-renderer';
export { sniffType } from './files/sniff';
export { RenderPool } from './pool/render-pool';
export { FileSandbox, SandboxTimeoutError, UNTRUSTED_FILE_TIMEOUT_MS } from './sandbox/file-sandbox';
export type { FilePageTaskInput, PdfPreviewTaskInput, SocialPreviewTaskInput } from './sandbox/sandbox-tasks';
export { MAX_PAGE_DPI } from './pool/render-tasks';
export { renderSocialImage } from './social/render-social';
export { fillSocialCopy, renderSocialCopy, SocialCopyTooLongError } from './social/social-copy';
export { SOCIAL_IMAGE_SIZES } from './social/social-sizes';
export type { SocialImageSize } from './social/social-sizes';
export {
  maxLengthOf,
  normalizeColor,
  normalizeHttpUrl,
  normalizeSlotValue,
  SAMPLE_SLOT_VALUES,
} from './slots/slot-values';
export { resolveSlotValues } from './slots/resolve-slot-values';
export {
  canonicalTextBlock,
  normalizeTextBlock,
  TEXT_BLOCK_MAX_PARAGRAPHS,
  textBlockHtml,
  textBlockMaxLength,
  websiteHost,
} from './slots/text-block';
export { derivedColorNames } from './slots/derived-colors';
export { textBlockDefault } from './slots/text-block-default';
export type { TextBlockDefault } from './slots/text-block-default';
export type { BrandValues } from './slots/resolve-slot-values';
export { checkTextTemplate, type TextTemplateRules } from './template/checked-template';
export { escapeHtml } from './template/escape';
export { analyzeTemplate } from './template/template-analysis';
export type { TemplateVocabulary } from './template/template-analysis';
export { vocabularyOf } from './template/vocabulary';
export { vocabularyEntries } from './template/vocabulary-entries';
export type { TemplateVocabularyList } from './template/vocabulary-entries';
export { checkPageAsset } from './page/page-check';
export { checkSubmission, FORM_ERROR } from './page/page-form';
export type { PageFormState } from './page/page-form';
export type { PageFormWords } from './page/page-form-words';
export { compilePage, PageCompileError, renderPage } from './page/page-renderer';
export type { CompiledPage } from './page/page-renderer';
