import type { PageAsset, PageVariant } from '@tcma/campaign-model';
import { checkPageAsset, type TemplateVocabulary } from '@tcma/cobrand';
import type { Problem } from '@tcma/errors';
import { collateralInLanguage } from '@tcma/translation';

/**
 * A page's variant in `language` by the page's own rules, as the page it makes (its words on the
 * default's form); its form's words only where the page has a form, its labels only for the
 * form's fields, its consent statement only where the page asks for consent. Paths are relative
 * to the variant, as it is given (`form.labels.<field>`).
 */
export function checkPageVariant(
  asset: PageAsset,
  language: string,
  variant: PageVariant,
  vocabulary: TemplateVocabulary,
): Problem[] {
  const problems: Problem[] = [];
  const words = variant.form;
  if (words && !asset.form) problems.push({ path: 'form', message: 'the page has no form to translate' });
  if (words && asset.form) {
    const fields = new Set(asset.form.fields.map((f) => f.name));
    for (const [name, label] of Object.entries(words.labels ?? {}))
      if (!fields.has(name)) problems.push({ path: `form.labels.${name}`, message: `the form has no field "${name}"` });
      else if (typeof label !== 'string' || !label.trim())
        problems.push({ path: `form.labels.${name}`, message: 'must not be empty' });
    if (words.consentText !== undefined && !asset.form.consent)
      problems.push({ path: 'form.consentText', message: 'the page asks for no consent' });
  }
  if (problems.length) return problems;
  const page = collateralInLanguage(asset, { language: '' }, language).asset;
  const names = asset.form?.fields.map((f) => f.name) ?? [];
  return checkPageAsset(page, vocabulary).map((p) => {
    const label = /^form\.fields\[(\d+)\]\.label$/.exec(p.path);
    if (label) return { ...p, path: `form.labels.${names[Number(label[1])]}` };
    if (p.path === 'form.consent.text') return { ...p, path: 'form.consentText' };
    return p;
  });
}
