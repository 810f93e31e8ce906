import type { CampaignContent, EmailAsset, EmailVariant, VariantOrigin } from '@tcma/campaign-model';
import { createHash } from 'node:crypto';
import { closestLanguage } from './closest-language';
import { Collateral, collateralVariantHolds } from './collateral-variants';
import { copyOfMjml, withTranslations } from './mjml-copy';
import { needsReview } from './review';

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

/** Whether an email's variant in `language` may be sent as it is: there, current and, a model's, reviewed. */
export const variantReady = (asset: EmailAsset, language: string): boolean =>
  variantState(asset, language) === 'current' && !needsReview(asset.variants?.[language]);

/**
 * The draft's languages that are not ready: an email missing, stale or not reviewed in it, or a
 * PDF's, social post's or page's variant in it stale or not reviewed (one without a variant gives that
 * language's readers the default's, as most collateral is never translated: that is no gap).
 * Each with what is not ready: publishing asks what to do with each language.
 */
export function incompleteLanguages(
  content: CampaignContent,
): Array<{ language: string; emails: EmailAsset[]; assets: Collateral[] }> {
  const emails = content.assets.filter((a): a is EmailAsset => a.kind === 'email');
  const collateral = content.assets.filter((a): a is Collateral => a.kind !== 'email');
  return campaignLanguages(content)
    .slice(1)
    .map((language) => ({
      language,
      emails: emails.filter((e) => !variantReady(e, language)),
      assets: collateral.filter((a) => collateralVariantHolds(a, language)),
    }))
    .filter((l) => l.emails.length > 0 || l.assets.length > 0);
}

/**
 * The variants of an email a version sends, by the publisher's choices: a held language's never,
 * a language published with `fallback` only where the variant is ready.
 */
function sendableVariants(
  asset: EmailAsset,
  choices: CampaignContent['languageChoices'],
): Record<string, EmailVariant> | undefined {
  if (!asset.variants || !choices) return asset.variants;
  return Object.fromEntries(
    Object.entries(asset.variants).filter(([language]) => {
      const choice = choices[language];
      return choice === undefined || (choice === 'fallback' && variantReady(asset, language));
    }),
  );
}

/**
 * The email someone who reads `reader` (null: unknown) receives, and in which language: the
 * closest of the campaign's language and the email's variants (closestLanguage), its copy put in
 * place of the default's. The result carries no variants: it is what is rendered.
 */
export function emailInLanguage(
  asset: EmailAsset,
  content: Pick<CampaignContent, 'language' | 'languageChoices'>,
  reader: string | null,
): Localised {
  let memo = memos.get(asset);
  if (!memo || memo.language !== content.language || memo.choices !== content.languageChoices) {
    memo = {
      language: content.language,
      choices: content.languageChoices,
      variants: sendableVariants(asset, content.languageChoices),
      byReader: new Map(),
      byLanguage: new Map(),
    };
    memos.set(asset, memo);
  }
  const known = memo.byReader.get(reader);
  if (known) return known;
  const { variants } = memo;
  const language = variants ? closestLanguage([content.language, ...Object.keys(variants)], reader) : content.language;
  let found = memo.byLanguage.get(language);
  if (!found) {
    const { variants: _all, ...email } = asset;
    const variant = variants?.[language];
    found = variant
      ? { email: { ...email, subject: variant.subject, preheader: variant.preheader, mjml: variant.mjml }, language }
      : { email, language: content.language };
    memo.byLanguage.set(language, found);
  }
  if (memo.byReader.size < MAX_READERS_REMEMBERED) memo.byReader.set(reader, found);
  return found;
}

/** An email in the language it is sent in; shared between sends, so read only. */
export interface Localised {
  email: EmailAsset;
  language: string;
}

/**
 * Each email's choices so far: a version's content is immutable and cached by the send path, so
 * every send of a step asks about the same object, and the choice for a reader's tag is made
 * once (closestLanguage costs about as much as a tenth of a render). Held weakly: a version that
 * leaves the cache takes its memo with it; at most this many reader tags per email.
 */
const memos = new WeakMap<
  EmailAsset,
  {
    language: string;
    choices: CampaignContent['languageChoices'];
    variants: Record<string, EmailVariant> | undefined;
    byReader: Map<string | null, Localised>;
    byLanguage: Map<string, Localised>;
  }
>();
const MAX_READERS_REMEMBERED = 1_000;

/**
 * A campaign's languages: its own first, then every language any of its assets (emails, PDFs,
 * social posts, its page) has a variant in, alphabetically; a version's held languages
 * (languageChoices) are not among them.
 */
export function campaignLanguages(content: Pick<CampaignContent, 'language' | 'assets' | 'languageChoices'>): string[] {
  const variants = content.assets.flatMap((a) => Object.keys(a.variants ?? {}));
  const held = (language: string) => content.languageChoices?.[language] === 'hold';
  return [content.language, ...[...new Set(variants)].filter((l) => !held(l)).sort()];
}
