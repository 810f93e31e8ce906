import type { Problem } from '@tcma/errors';
import { markupContexts } from './markup-context';
import { Placement, placementOf } from './placement';
import { analyzeTemplate, TemplateAnalysis, TemplateVocabulary, VariableRef } from './template-analysis';

/** A markup template that passed every check, with the escaping each partner value needs. */
export interface CheckedMarkup {
  analysis: TemplateAnalysis;
  placements: Map<number, Placement>;
}

export interface CheckResult<T> {
  template: T | null;
  problems: Problem[];
}

export interface MarkupCheckResult extends CheckResult<CheckedMarkup> {
  /** The parsed template, also when it failed a check (for checks that can still run on it). */
  analysis: TemplateAnalysis;
}

/** Parses a markup (MJML) template and checks every expression and where it sits. */
export function checkMarkupTemplate(source: string, vocabulary: TemplateVocabulary): MarkupCheckResult {
  const analysis = analyzeTemplate(source, vocabulary);
  const problems = [...analysis.problems];
  if (!analysis.program) return { template: null, problems, analysis };
  const contexts = markupContexts(
    source,
    analysis.mustacheRanges,
    analysis.sites.map((s) => s.start),
  );
  const placements = new Map<number, Placement>();
  for (const site of analysis.sites) {
    const result = placementOf(site, contexts.get(site.start));
    if (result.ok) placements.set(site.start, result.placement);
    else problems.push({ path: '', line: site.line, message: result.message });
  }
  return { template: problems.length ? null : { analysis, placements }, problems, analysis };
}

export interface TextTemplateRules {
  /** Which kinds of variables the text may use; subjects take no links, social copy no prospect data. */
  allow: ReadonlyArray<VariableRef['kind']>;
  maxLength?: number;
  singleLine?: boolean;
}

/** Parses a plain-text template (subject, preheader, social copy) and checks its variables. */
export function checkTextTemplate(
  source: string,
  vocabulary: TemplateVocabulary,
  rules: TextTemplateRules,
): CheckResult<TemplateAnalysis> {
  const analysis = analyzeTemplate(source, vocabulary);
  const problems = [...analysis.problems];
  if (rules.singleLine && /[\r\n]/.test(source)) problems.push({ path: '', message: 'must be a single line' });
  if (rules.maxLength !== undefined && [...source].length > rules.maxLength)
    problems.push({ path: '', message: `must be at most ${rules.maxLength} characters` });
  for (const site of analysis.sites) {
    if (site.ref.kind === 'partner' && site.ref.slot.type === 'text_block' && site.usage !== 'condition') {
      problems.push({
        path: '',
        line: site.line,
        message: `{{${site.variable}}} is an editable text block: it belongs in an email's or page's body, not here`,
      });
      continue;
    }
    if (!rules.allow.includes(site.ref.kind)) {
      problems.push({
        path: '',
        line: site.line,
        message: `{{${site.variable}}} cannot be used here; allowed: ${rules.allow.map((k) => `${k === 'link' ? 'links' : k}.*`).join(', ')}`,
      });
    }
  }
  return { template: problems.length ? null : analysis, problems };
}
