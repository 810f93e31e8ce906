export { CODE, hasWords, piecesOf, PLACEHOLDER } from './copy-text';
export type { CopyPiece, CopyText } from './copy-text';
export { copyOfMjml, htmlCopy, unitSource, withTranslations } from './mjml-copy';
export type { CopyUnit } from './mjml-copy';
export { targetProblems } from './target-check';
export { importXliff } from './xliff-import';
export type { ExpectedXliff, XliffImport } from './xliff-import';
export { readXliff } from './xliff-read';
export type { XliffProblem } from './xliff-read';
export { writeXliff, XLIFF_NAMESPACE } from './xliff-write';
export type { XliffFile } from './xliff-write';
export {
  campaignXliff,
  copyDigestOf,
  copyFileOf,
  emailCopyFile,
  importCampaignXliff,
  isTranslatable,
  putTranslation,
} from './campaign-xliff';
export type { Translatable } from './campaign-xliff';
export { copyOfHtml } from './html-copy';
export { pageCopyFile, socialCopyFile } from './collateral-copy';
export { needsReview } from './review';
export { canonicalLanguage, textDirection } from './language-tag';
export { closestLanguage } from './closest-language';
export {
  campaignLanguages,
  emailCopyDigest,
  emailInLanguage,
  incompleteLanguages,
  variantReady,
  emailVariantOf,
  variantState,
} from './email-variants';
export type { VariantState } from './email-variants';
export {
  collateralDigest,
  collateralInLanguage,
  collateralVariantHolds,
  collateralVariantState,
} from './collateral-variants';
export type { Collateral } from './collateral-variants';
