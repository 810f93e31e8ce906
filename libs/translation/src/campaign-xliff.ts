import type { Asset, CampaignContent, EmailAsset, PageAsset, SocialAsset, VariantOrigin } from '@tcma/campaign-model';
import { pageCopyFile, pageVariantOf, plainCopy, socialCopyFile, socialVariantOf } from './collateral-copy';
import { collateralDigest } from './collateral-variants';
import { hasWords } from './copy-text';
import { emailCopyDigest, emailVariantOf } from './email-variants';
import { copyOfMjml } from './mjml-copy';
import { importXliff, XliffImport } from './xliff-import';
import { writeXliff, XliffFile } from './xliff-write';

/**
 * An email's units: `subject` and `preheader` (when they have words), then the MJML's copy as
 * `m1`, `m2`… (copyOfMjml). The file's id is the asset's, so an import finds its asset.
 */
export function emailCopyFile(asset: EmailAsset): XliffFile {
  const mjmlUnits = copyOfMjml(asset.mjml, 'm');
  const fields = [
    { id: 'subject', source: plainCopy(asset.subject) },
    { id: 'preheader', source: plainCopy(asset.preheader) },
  ].filter((u) => hasWords(u.source.text));
  return {
    id: asset.id,
    original: `email ${asset.name}`,
    units: [...fields, ...mjmlUnits.map((u) => ({ id: u.id, source: u.copy }))],
  };
}

/**
 * The assets whose words are text a translator can change: emails, social posts (their copy) and
 * landing pages (their words). A PDF's words are its file: it is translated by uploading another.
 */
export type Translatable = EmailAsset | SocialAsset | PageAsset;
export const isTranslatable = (asset: Asset): asset is Translatable => asset.kind !== 'pdf';

/** An asset's copy as an XLIFF file (its units in a stable order, the file's id the asset's). */
export function copyFileOf(asset: Translatable): XliffFile {
  if (asset.kind === 'email') return emailCopyFile(asset);
  return asset.kind === 'social' ? socialCopyFile(asset) : pageCopyFile(asset);
}

/** The digest a translation of the asset records: a change to it meanwhile makes the translation stale. */
export const copyDigestOf = (asset: Translatable): string =>
  asset.kind === 'email' ? emailCopyDigest(asset) : collateralDigest(asset);

/**
 * Saves a translation (targets by unit id, checked against the asset's units beforehand) as the
 * asset's variant in `language`, replacing one there; a model's draft is saved not reviewed.
 */
export function putTranslation(
  asset: Translatable,
  language: string,
  targets: ReadonlyMap<string, string>,
  origin: VariantOrigin,
  now: Date,
): void {
  if (asset.kind === 'email')
    asset.variants = { ...asset.variants, [language]: emailVariantOf(asset, targets, origin, now) };
  else if (asset.kind === 'social')
    asset.variants = {
      ...asset.variants,
      [language]: socialVariantOf(asset, targets, origin, now, asset.variants?.[language]),
    };
  else asset.variants = { ...asset.variants, [language]: pageVariantOf(asset, targets, origin, now) };
}

/**
 * The files a version's XLIFF holds, in the campaign's order: every email's, and every social
 * post's and page's that has words. A post or page may be left out of a translator's file (it
 * then keeps the default's for that language, which holds nothing back); an email may not.
 */
function copyFiles(content: CampaignContent): Array<XliffFile & { optional: boolean }> {
  return content.assets
    .filter(isTranslatable)
    .map((asset) => ({ ...copyFileOf(asset), optional: asset.kind !== 'email' }))
    .filter((file) => !file.optional || file.units.length > 0);
}

/** A version's copy for translators into `trgLang`: one `<file>` per email, social post and page with words. */
export function campaignXliff(content: CampaignContent, trgLang: string): string {
  return writeXliff({ srcLang: content.language, trgLang, files: copyFiles(content) });
}

/** A translated file checked against the version it was exported from (importXliff), per asset. */
export function importCampaignXliff(content: CampaignContent, trgLang: string, xml: string): XliffImport {
  return importXliff(xml, { srcLang: content.language, trgLang, files: copyFiles(content) });
}
