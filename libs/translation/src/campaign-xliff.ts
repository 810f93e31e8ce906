import type { CampaignContent, EmailAsset } from '@tcma/campaign-model';
import { CopyText, hasWords } from './copy-text';
import { copyOfMjml } from './mjml-copy';
import { importXliff, XliffImport } from './xliff-import';
import { writeXliff, XliffFile } from './xliff-write';

/** A plain-text field (a subject, a preheader) as copy: no tags, placeholders as written. */
const plain = (text: string): CopyText => ({ text, codes: new Map() });

/**
 * An email's units: `subject` and `preheader` (when they have words), then the MJML's copy as
 * `m1`, `m2`… (copyOfMjml). The file's id is the asset's, so an import finds its asset.
 */
export function emailCopyFile(asset: EmailAsset): XliffFile {
  const mjmlUnits = copyOfMjml(asset.mjml, 'm');
  const fields = [
    { id: 'subject', source: plain(asset.subject) },
    { id: 'preheader', source: plain(asset.preheader) },
  ].filter((u) => hasWords(u.source.text));
  return {
    id: asset.id,
    original: `email ${asset.name}`,
    units: [...fields, ...mjmlUnits.map((u) => ({ id: u.id, source: u.copy }))],
  };
}

/**
 * A version's copy for translators into `trgLang`: one file per email, in the campaign's order.
 * PDFs, social posts and pages are not in it yet (their copy is an uploaded file, an image's
 * text or a page's own blocks): what a translator receives is what the emails say.
 */
export function campaignXliff(content: CampaignContent, trgLang: string): string {
  const emails = content.assets.filter((a): a is EmailAsset => a.kind === 'email');
  return writeXliff({ srcLang: content.language, trgLang, files: emails.map(emailCopyFile) });
}

/** A translated file checked against the version it was exported from (importXliff), per email. */
export function importCampaignXliff(content: CampaignContent, trgLang: string, xml: string): XliffImport {
  const emails = content.assets.filter((a): a is EmailAsset => a.kind === 'email');
  return importXliff(xml, {
    srcLang: content.language,
    trgLang,
    files: emails.map(emailCopyFile),
  });
}
