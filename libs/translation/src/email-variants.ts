import type { CampaignContent, EmailAsset, EmailVariant, VariantOrigin } from '@tcma/campaign-model';
import { createHash } from 'node:crypto';
import { closestLanguage } from './closest-language';
import { copyOfMjml, withTranslations } from './mjml-copy';

type EmailCopy = Pick<EmailAsset, 'subject' | 'preheader' | 'mjml'>;

/** Whether a language's variant of an email is there and translates the default as it is now. */
export type VariantState = 'current' | 'stale' | 'missing';

/**
 * A digest of an email's default copy: a variant records the one it translated, so a later
 * change to the default (a word, a link, a slot moved) shows the variant as stale.
 */
export function emailCopyDigest(copy: EmailCopy): string {
  return createHash('sha256')
    .update(JSON.stringify([copy.subject, copy.preheader, copy.mjml]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * The variant a translation makes of an email: the translated subject and preheader where the
 * file had them (units `subject`, `preheader`), and the MJML with each copy unit (`m1`, `m2`…,
 * emailCopyFile's ids) replaced; everything else (tags, attributes, placeholders) is the
 * default's. The targets were checked against the default's units (importXliff) beforehand.
 */
export function emailVariantOf(
  asset: EmailCopy,
  targets: ReadonlyMap<string, string>,
  origin: VariantOrigin,
  savedAt: Date,
): EmailVariant {
  return {
    subject: targets.get('subject') ?? asset.subject,
    preheader: targets.get('preheader') ?? asset.preheader,
    mjml: withTranslations(asset.mjml, copyOfMjml(asset.mjml, 'm'), targets),
    sourceDigest: emailCopyDigest(asset),
    origin,
    savedAt: savedAt.toISOString(),
  };
}

export function variantState(asset: EmailAsset, language: string): VariantState {
  const variant = asset.variants?.[language];
  if (!variant) return 'missing';
  return variant.sourceDigest === emailCopyDigest(asset) ? 'current' : 'stale';
}

/**
 * The email someone who reads `reader` (null: unknown) receives, and in which language: the
 * closest of the campaign's language and the email's variants (closestLanguage), its copy put in
 * place of the default's. The result carries no variants: it is what is rendered.
 */
export function emailInLanguage(
  asset: EmailAsset,
  campaignLanguage: string,
  reader: string | null,
): { email: EmailAsset; language: string } {
  const { variants, ...email } = asset;
  const language = variants ? closestLanguage([campaignLanguage, ...Object.keys(variants)], reader) : campaignLanguage;
  const variant = variants?.[language];
  if (!variant) return { email, language: campaignLanguage };
  return { email: { ...email, subject: variant.subject, preheader: variant.preheader, mjml: variant.mjml }, language };
}

/** A campaign's languages: its own first, then every language any of its emails has a variant in, alphabetically. */
export function campaignLanguages(content: CampaignContent): string[] {
  const variants = content.assets.flatMap((a) => (a.kind === 'email' ? Object.keys(a.variants ?? {}) : []));
  return [content.language, ...[...new Set(variants)].sort()];
}
