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
export { campaignXliff, emailCopyFile, importCampaignXliff } from './campaign-xliff';
export { canonicalLanguage, textDirection } from './language-tag';
export { closestLanguage } from './closest-language';
export {
  campaignLanguages,
  emailCopyDigest,
  emailInLanguage,
  incompleteLanguages,
  needsReview,
  variantReady,
  emailVariantOf,
  variantState,
} from './email-variants';
export type { VariantState } from './email-variants';
export { collateralDigest, collateralInLanguage, collateralVariantState } from './collateral-variants';
export type { Collateral } from './collateral-variants';
