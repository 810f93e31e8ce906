import { EmailAsset, PREHEADER_MAX_LENGTH, SUBJECT_MAX_LENGTH } from '@tcma/campaign-model';
import type { Problem } from '@tcma/errors';
import { SAMPLE_SLOT_VALUES } from '../slots/slot-values';
import { activeContentProblems } from '../template/active-content';
import { checkMarkupTemplate, checkTextTemplate, CheckedMarkup, TextTemplateRules } from '../template/checked-template';
import { applyPartnerValues } from '../template/partner-pass';
import { ReferenceSite, TemplateVocabulary, unconditionalSites } from '../template/template-analysis';
import { compileMjml } from './mjml-compiler';

/** A subject's rules (its single line and length, the placeholders it may hold), as a save checks them. */
export const SUBJECT_RULES: TextTemplateRules = {
  allow: ['partner', 'prospect'],
  maxLength: SUBJECT_MAX_LENGTH,
  singleLine: true,
};

/** A preheader's rules, as a save checks them. */
export const PREHEADER_RULES: TextTemplateRules = { ...SUBJECT_RULES, maxLength: PREHEADER_MAX_LENGTH };

const at = (path: string, problems: Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, path: p.path ? `${path}.${p.path}` : path }));

/**
 * Where a missing footer belongs, so an editor can show the problem at a line: the closing
 * </mj-body> (the footer goes just before it), or the last line of the template.
 */
function footerLine(source: string): number {
  const close = source.toLowerCase().lastIndexOf('</mj-body');
  const upTo = close >= 0 ? source.slice(0, close) : source.replace(/\s+$/, '');
  return upTo.split('\n').length;
}

/** Compliance: every recipient must get a way out and the sender's postal address. */
function complianceProblems(checked: CheckedMarkup): Problem[] {
  const problems: Problem[] = [];
  const line = footerLine(checked.analysis.source);
  const everywhere = unconditionalSites(checked.analysis);
  if (!everywhere.some((s) => s.ref.kind === 'link' && s.ref.name === 'unsubscribe')) {
    problems.push({
      path: '',
      line,
      message: 'Every email must contain the unsubscribe link {{links.unsubscribe}}, outside any {{#if}} block',
    });
  }
  const address = everywhere.find((s) => s.ref.kind === 'partner' && s.ref.slot.type === 'address');
  if (!address) {
    problems.push({
      path: '',
      line,
      message:
        "Every email must contain the partner's postal address: an address slot such as {{partner.address}}, outside any {{#if}} block",
    });
  } else if (address.ref.kind === 'partner' && !address.ref.slot.required && !address.ref.slot.fallback) {
    problems.push({
      path: '',
      line: address.line,
      message: `The postal address slot ${address.ref.slot.name} must be required or have a fallback`,
    });
  }
  return problems;
}

/**
 * An optional slot with no fallback may be empty: it must be output only under {{#if}} of
 * itself (or, for a derived colour, of the colour it derives from: they are empty together).
 */
export function unguardedOptionalSlots(checked: CheckedMarkup): Problem[] {
  const guardsOf = (s: ReferenceSite) =>
    s.ref.kind === 'partner' && s.ref.derivedFrom ? [s.variable, `partner.${s.ref.derivedFrom.name}`] : [s.variable];
  return checked.analysis.sites
    .filter((s) => s.usage === 'output' && s.ref.kind === 'partner' && !s.ref.slot.required && !s.ref.slot.fallback)
    .filter((s) => !s.guards.some((g) => guardsOf(s).includes(g.variable) && !g.negated))
    .map((s) => ({
      path: '',
      line: s.line,
      message: `{{${s.variable}}} is optional and has no fallback: wrap it in {{#if ${s.variable}}}…{{/if}}`,
    }));
}

/**
 * Validates the MJML as it will be compiled for partners: once with every slot filled and,
 * when the template branches on partner slots, once with the optional ones empty. Line
 * numbers in MJML's errors match the vendor's source.
 */
async function mjmlProblems(checked: CheckedMarkup): Promise<Problem[]> {
  const slots = [...new Set(checked.analysis.sites.flatMap((s) => (s.ref.kind === 'partner' ? [s.ref.slot] : [])))];
  const full = new Map<string, string | null>(slots.map((s) => [s.name, SAMPLE_SLOT_VALUES[s.type]]));
  const variants = [full];
  if (checked.analysis.sites.some((s) => s.usage === 'condition' && s.ref.kind === 'partner')) {
    variants.push(new Map(slots.map((s) => [s.name, s.required || s.fallback ? SAMPLE_SLOT_VALUES[s.type] : null])));
  }
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const values of variants) {
    const mjml = applyPartnerValues(checked.analysis, checked.placements, values, { preserveLines: true });
    const result = await compileMjml(mjml);
    if (result.ok) continue;
    for (const p of result.problems) {
      const key = `${p.line}:${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ path: '', ...(p.line ? { line: p.line } : {}), message: p.message });
    }
  }
  return problems;
}

/** Every check an email asset must pass before it can be saved. Paths are relative to the asset. */
export async function checkEmailAsset(
  asset: Pick<EmailAsset, 'subject' | 'preheader' | 'mjml'>,
  vocabulary: TemplateVocabulary,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  problems.push(...at('subject', checkTextTemplate(asset.subject, vocabulary, SUBJECT_RULES).problems));
  problems.push(...at('preheader', checkTextTemplate(asset.preheader, vocabulary, PREHEADER_RULES).problems));
  if (!asset.subject.trim()) problems.push({ path: 'subject', message: 'must not be empty' });
  if (/<mj-include\b/i.test(asset.mjml))
    problems.push({ path: 'mjml', message: '<mj-include> is not supported: a template must be self-contained' });
  const { template, problems: markupProblems, analysis } = checkMarkupTemplate(asset.mjml, vocabulary);
  problems.push(...at('mjml', markupProblems));
  if (analysis.program) problems.push(...at('mjml', activeContentProblems(analysis)));
  if (template) {
    problems.push(...at('mjml', complianceProblems(template)));
    problems.push(...at('mjml', unguardedOptionalSlots(template)));
    problems.push(...at('mjml', await mjmlProblems(template)));
  }
  return problems;
}
