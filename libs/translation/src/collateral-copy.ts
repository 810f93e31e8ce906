import {
  SOCIAL_NETWORKS,
  type PageAsset,
  type PageVariant,
  type SocialAsset,
  type SocialVariant,
  type VariantOrigin,
} from '@tcma/campaign-model';
import { collateralDigest } from './collateral-variants';
import { CopyText, hasWords } from './copy-text';
import { copyOfHtml } from './html-copy';
import { withTranslations } from './mjml-copy';
import { XliffFile } from './xliff-write';

/** A plain-text field (a subject, a post's copy, a label) as copy: no tags, placeholders as written. */
export const plainCopy = (text: string): CopyText => ({ text, codes: new Map() });

type Unit = XliffFile['units'][number];
const unitsWithWords = (units: Unit[]) => units.filter((u) => hasWords(u.source.text));

/** A social post's copy: a unit per network that has words, `copy.linkedin`, `copy.x`… in the networks' order. */
export function socialCopyFile(asset: SocialAsset): XliffFile {
  return {
    id: asset.id,
    original: `social ${asset.name}`,
    units: unitsWithWords(
      SOCIAL_NETWORKS.flatMap((network) => {
        const text = asset.copy[network];
        return text === undefined ? [] : [{ id: `copy.${network}`, source: plainCopy(text) }];
      }),
    ),
  };
}

/**
 * A landing page's words: `title`, the HTML's copy as `h1`, `h2`… (copyOfHtml), then its form's
 * (`label.<field>` per field, `consent`, `submit`, `success`). The fields themselves, what a
 * submission does and the page's address are not words: every language's page has the default's.
 */
export function pageCopyFile(asset: PageAsset): XliffFile {
  const form = asset.form;
  const formUnits: Unit[] = form
    ? [
        ...form.fields.map((f) => ({ id: `label.${f.name}`, source: plainCopy(f.label) })),
        ...(form.consent ? [{ id: 'consent', source: plainCopy(form.consent.text) }] : []),
        { id: 'submit', source: plainCopy(form.submitLabel) },
        { id: 'success', source: plainCopy(form.successMessage) },
      ]
    : [];
  return {
    id: asset.id,
    original: `page ${asset.name}`,
    units: unitsWithWords([
      { id: 'title', source: plainCopy(asset.title) },
      ...copyOfHtml(asset.html, 'h').map((u) => ({ id: u.id, source: u.copy })),
      ...formUnits,
    ]),
  };
}

/**
 * The variant a translation makes of a post: each translated network's copy (a network without
 * words keeps the default's). A variant with its own image keeps it and its rectangles: a
 * translation changes words, not pictures.
 */
export function socialVariantOf(
  asset: SocialAsset,
  targets: ReadonlyMap<string, string>,
  origin: VariantOrigin,
  savedAt: Date,
  prior?: SocialVariant,
): SocialVariant {
  const copy = Object.fromEntries(
    SOCIAL_NETWORKS.flatMap((n) => {
      const text = targets.get(`copy.${n}`);
      return text === undefined ? [] : [[n, text]];
    }),
  );
  return {
    copy,
    ...(prior?.image ? { image: prior.image, ...(prior.slots ? { slots: prior.slots } : {}) } : {}),
    sourceDigest: collateralDigest(asset),
    origin,
    savedAt: savedAt.toISOString(),
  };
}

/** The variant a translation makes of a page: its title, its HTML with each unit replaced, its form's words. */
export function pageVariantOf(
  asset: PageAsset,
  targets: ReadonlyMap<string, string>,
  origin: VariantOrigin,
  savedAt: Date,
): PageVariant {
  const form = asset.form;
  return {
    title: targets.get('title') ?? asset.title,
    html: withTranslations(asset.html, copyOfHtml(asset.html, 'h'), targets),
    ...(form
      ? {
          form: {
            labels: Object.fromEntries(form.fields.map((f) => [f.name, targets.get(`label.${f.name}`) ?? f.label])),
            ...(form.consent ? { consentText: targets.get('consent') ?? form.consent.text } : {}),
            submitLabel: targets.get('submit') ?? form.submitLabel,
            successMessage: targets.get('success') ?? form.successMessage,
          },
        }
      : {}),
    sourceDigest: collateralDigest(asset),
    origin,
    savedAt: savedAt.toISOString(),
  };
}
