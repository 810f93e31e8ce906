import { textBlockHtml } from '../slots/text-block';
import { escapeAttribute, escapeHtmlText, escapeUrlAttribute } from './escape';
import type { HbsProgram, HbsStatement } from './handlebars-env';
import type { Placement } from './placement';
import type { ReferenceSite, TemplateAnalysis } from './template-analysis';

/** Normalised partner values by slot name; null or absent means "not filled". */
export type PartnerValues = ReadonlyMap<string, string | null>;

/** Values known before any recipient: the partner's slots and, optionally, campaign links. */
export interface StaticValues {
  partner: PartnerValues;
  /** Campaign link URLs by name; links not listed here stay as expressions. */
  links?: ReadonlyMap<string, string>;
}

export interface PartnerPassOptions {
  /** Pad removed branches with newlines so that line numbers still match the source. */
  preserveLines?: boolean;
}

function escapeFor(placement: Placement, value: string): string {
  switch (placement) {
    case 'text':
      return escapeHtmlText(value);
    case 'attribute':
      return escapeAttribute(value);
    case 'url':
      return escapeUrlAttribute(value);
    case 'css':
      // Only normalised hex colours are placed here (see placement rules and slot values).
      return /^#[0-9a-f]{6}$/.test(value) ? value : '';
  }
}

const newlines = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};

/**
 * The first of the two rendering stages: partner values replace their {{partner.*}}
 * expressions (and campaign links their {{links.*}}), escaped for where each lands, and
 * {{#if partner.*}} (and {{#if links.*}} of campaign links) blocks are resolved. Everything else, prospect expressions and the
 * per-recipient links included, is left exactly as written.
 * `placements` maps a site's start offset to its escaping, as decided by placementOf().
 */
export function applyPartnerValues(
  analysis: TemplateAnalysis,
  placements: ReadonlyMap<number, Placement>,
  valuesOrStatic: PartnerValues | StaticValues,
  options: PartnerPassOptions = {},
): string {
  const { source, lines, program } = analysis;
  if (!program) throw new Error('Cannot render a template that did not parse');
  const statics: StaticValues =
    valuesOrStatic instanceof Map ? { partner: valuesOrStatic as PartnerValues } : (valuesOrStatic as StaticValues);
  const values: PartnerValues = statics.partner;
  const links: ReadonlyMap<string, string> = statics.links ?? new Map<string, string>();
  const sitesByStart = new Map<number, ReferenceSite>();
  for (const site of analysis.sites)
    if (site.ref.kind === 'partner' || (site.ref.kind === 'link' && links.has(site.ref.name)))
      sitesByStart.set(site.start, site);
  const at = (loc: hbs.AST.SourceLocation) =>
    [lines.offset(loc.start.line, loc.start.column), lines.offset(loc.end.line, loc.end.column)] as const;
  const filled = (slot: string) => {
    const v = values.get(slot);
    return v !== null && v !== undefined && v !== '';
  };

  const rewriteProgram = (p: HbsProgram | undefined): string =>
    p && p.loc && p.body.length ? rewrite(p.body, ...at(p.loc)) : '';

  function rewrite(body: HbsStatement[], from: number, to: number): string {
    let out = '';
    let cursor = from;
    for (const statement of body) {
      if (statement.type !== 'MustacheStatement' && statement.type !== 'BlockStatement') continue;
      const [start, end] = at(statement.loc);
      const site = sitesByStart.get(start);
      if (statement.type === 'MustacheStatement') {
        if (!site) continue;
        const value =
          site.ref.kind === 'partner'
            ? values.get(site.ref.slot.name)
            : site.ref.kind === 'link'
              ? links.get(site.ref.name)
              : undefined;
        const placement = placements.get(start) ?? 'text';
        // A partner's editable block is its own small, safe HTML (escaped text, <strong>, <em>,
        // <br />, links to its website); it may only stand where text goes (placementOf).
        const block = site.ref.kind === 'partner' && site.ref.slot.type === 'text_block' ? site.ref.slot : null;
        out +=
          source.slice(cursor, start) +
          (!value
            ? ''
            : block
              ? placement === 'text'
                ? textBlockHtml(value, { links: !!block.allowLinks })
                : ''
              : escapeFor(placement, value));
        cursor = end;
        continue;
      }
      const block = statement as hbs.AST.BlockStatement;
      out += source.slice(cursor, start);
      if (site) {
        // A block on a partner value or a campaign link is settled here: both are known now.
        const isIf = block.path.original === 'if';
        const truthy =
          (site.ref.kind === 'partner'
            ? filled(site.ref.slot.name)
            : !!(site.ref.kind === 'link' && links.get(site.ref.name))) === isIf;
        const chosen = rewriteProgram(truthy ? block.program : block.inverse);
        out += chosen;
        if (options.preserveLines)
          out += '\n'.repeat(Math.max(0, newlines(source.slice(start, end)) - newlines(chosen)));
      } else {
        // A prospect-level block stays for the second stage; partner values inside it are filled.
        const branches = [block.program, block.inverse]
          .filter((b): b is HbsProgram => !!b?.loc && b.body.length > 0)
          .sort((a, b) => at(a.loc)[0] - at(b.loc)[0]);
        let inner = start;
        for (const branch of branches) {
          const [bs, be] = at(branch.loc);
          out += source.slice(inner, bs) + rewriteProgram(branch);
          inner = be;
        }
        out += source.slice(inner, end);
      }
      cursor = end;
    }
    return out + source.slice(cursor, to);
  }

  return rewrite(program.body, 0, source.length);
}
