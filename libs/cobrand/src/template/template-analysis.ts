import {
  CUSTOM_FIELD_KEY_PATTERN,
  PROSPECT_TEMPLATE_FIELDS,
  RESERVED_LINK_NAMES,
  SlotDefinition,
} from '@tcma/campaign-model';
import type { Problem } from '@tcma/errors';
import { derivedColorNames, derivedColorSlot } from '../slots/derived-colors';
import { handlebars, HbsProgram, HbsStatement } from './handlebars-env';
import { LineIndex } from './line-index';

/** What a template may name: the campaign's slots and links, plus fixed prospect fields. */
export interface TemplateVocabulary {
  slots: ReadonlyMap<string, SlotDefinition>;
  linkNames: ReadonlySet<string>;
}

export type VariableRef =
  /** A slot, or a colour derived from one (`derivedFrom`, see DERIVED_COLORS). */
  | { kind: 'partner'; slot: SlotDefinition; derivedFrom?: SlotDefinition }
  | { kind: 'prospect'; field: string }
  | { kind: 'link'; name: string };

export interface Guard {
  variable: string;
  /** true inside {{else}} of an if, or the body of an unless. */
  negated: boolean;
}

/** One place a variable is used: as output ({{x}}) or as a block's condition ({{#if x}}). */
export interface ReferenceSite {
  ref: VariableRef;
  variable: string;
  usage: 'output' | 'condition';
  /** Offsets of the whole mustache, or of the whole block for a condition. */
  start: number;
  end: number;
  line: number;
  /** The conditions this site sits inside, outermost first. */
  guards: Guard[];
}

export interface TemplateAnalysis {
  source: string;
  program: HbsProgram | null;
  lines: LineIndex;
  sites: ReferenceSite[];
  /** Offsets of every mustache, block tag and comment: text a markup scanner must skip. */
  mustacheRanges: Array<[number, number]>;
  problems: Problem[];
}

const ALLOWED_BLOCK_HELPERS = new Set(['if', 'unless']);
const PROSPECT_FIELDS = new Set<string>(PROSPECT_TEMPLATE_FIELDS);
const RESERVED_LINKS = new Set<string>(RESERVED_LINK_NAMES);

function knownVariablesHint(vocabulary: TemplateVocabulary): string {
  const partner = [...vocabulary.slots.values()]
    .flatMap((s) => [s.name, ...derivedColorNames(s)])
    .map((s) => `partner.${s}`);
  const links = [...RESERVED_LINK_NAMES, ...vocabulary.linkNames].map((l) => `links.${l}`);
  return [...partner, ...PROSPECT_TEMPLATE_FIELDS.map((f) => `prospect.${f}`), 'prospect.custom.<key>', ...links].join(
    ', ',
  );
}

export function resolveVariable(path: hbs.AST.PathExpression, vocabulary: TemplateVocabulary): VariableRef | null {
  if (path.data || path.depth > 0 || /^(this|\.)/.test(path.original)) return null;
  const [root, name, extra, ...rest] = path.parts;
  if (rest.length) return null;
  if (root === 'partner' && name && extra === undefined) {
    const slot = vocabulary.slots.get(name);
    if (slot) return { kind: 'partner', slot };
    const derived = derivedColorSlot(name, vocabulary.slots);
    return derived ? { kind: 'partner', slot: derived.slot, derivedFrom: derived.base } : null;
  }
  if (root === 'prospect' && name) {
    if (extra === undefined && PROSPECT_FIELDS.has(name)) return { kind: 'prospect', field: name };
    if (name === 'custom' && extra !== undefined && CUSTOM_FIELD_KEY_PATTERN.test(extra))
      return { kind: 'prospect', field: `custom.${extra}` };
    return null;
  }
  if (root === 'links' && name && extra === undefined && (RESERVED_LINKS.has(name) || vocabulary.linkNames.has(name))) {
    return { kind: 'link', name };
  }
  return null;
}

/**
 * Syntax Handlebars parses but the rest of the pipeline does not render as written: paths
 * with slashes or [literal] segments (the second stage only knows dotted names) and
 * whitespace control (partner values are placed by offset, which ~ would make wrong).
 */
function unsupportedSyntax(statement: HbsStatement): string | null {
  const s = statement as {
    strip?: hbs.AST.StripFlags;
    openStrip?: hbs.AST.StripFlags;
    inverseStrip?: hbs.AST.StripFlags;
    closeStrip?: hbs.AST.StripFlags;
    program?: HbsProgram;
  };
  const strips = [s.strip, s.openStrip, s.inverseStrip, s.closeStrip];
  if (strips.some((f) => f?.open || f?.close)) return 'Whitespace control ({{~ … ~}}) is not supported; remove the ~';
  if (s.program?.blockParams?.length) return 'Block parameters (as |x|) are not supported';
  return null;
}

function pathSyntaxProblem(path: hbs.AST.PathExpression): string | null {
  if (path.data || path.depth > 0 || /^(this|\.)/.test(path.original)) return null;
  const dotted = path.parts.join('.');
  return path.original === dotted
    ? null
    : `Write {{${dotted}}} instead of {{${path.original}}}: variables are written with dots only`;
}

function parseErrorLine(error: unknown): number | undefined {
  const e = error as { lineNumber?: number; message?: string };
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  const m = /line (\d+)/.exec(e.message ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * Parses a template and checks every expression in it: only known variables, no helpers
 * beyond {{#if}}/{{#unless}} on a variable, no partials, no unescaped output. Collects where
 * each variable is used, which the renderer and the markup checks build on.
 */
export function analyzeTemplate(source: string, vocabulary: TemplateVocabulary): TemplateAnalysis {
  const lines = new LineIndex(source);
  const analysis: TemplateAnalysis = { source, program: null, lines, sites: [], mustacheRanges: [], problems: [] };
  let program: HbsProgram;
  try {
    program = handlebars.parse(source);
  } catch (e) {
    const first = String((e as Error).message ?? e).split('\n')[0];
    analysis.problems.push({ path: '', line: parseErrorLine(e), message: `Template syntax error: ${first}` });
    return analysis;
  }
  analysis.program = program;
  const hint = () => knownVariablesHint(vocabulary);
  const offsetOf = (loc: hbs.AST.SourceLocation) =>
    [lines.offset(loc.start.line, loc.start.column), lines.offset(loc.end.line, loc.end.column)] as const;
  const problem = (line: number, message: string) => analysis.problems.push({ path: '', line, message });

  const visit = (body: HbsStatement[], guards: Guard[]): void => {
    for (const statement of body) {
      const line = statement.loc.start.line;
      const unsupported = unsupportedSyntax(statement);
      if (unsupported) {
        problem(line, unsupported);
        if (statement.type !== 'BlockStatement') continue;
      }
      switch (statement.type) {
        case 'ContentStatement':
          break;
        case 'CommentStatement': {
          analysis.mustacheRanges.push([...offsetOf(statement.loc)]);
          break;
        }
        case 'MustacheStatement': {
          const m = statement as hbs.AST.MustacheStatement;
          const [start, end] = offsetOf(m.loc);
          analysis.mustacheRanges.push([start, end]);
          if (m.path.type !== 'PathExpression') {
            problem(line, 'Only variables can be output here');
            break;
          }
          const path = m.path as hbs.AST.PathExpression;
          if (m.params.length || m.hash) {
            problem(line, `Helpers are not allowed: {{${path.original} …}}`);
            break;
          }
          if (!m.escaped) {
            problem(
              line,
              `Unescaped output is not allowed: use {{${path.original}}} instead of {{{${path.original}}}}`,
            );
            break;
          }
          const syntax = pathSyntaxProblem(path);
          if (syntax) {
            problem(line, syntax);
            break;
          }
          const ref = resolveVariable(path, vocabulary);
          if (!ref) {
            problem(line, `Unknown variable ${path.original}; known variables are ${hint()}`);
            break;
          }
          analysis.sites.push({ ref, variable: path.original, usage: 'output', start, end, line, guards });
          break;
        }
        case 'BlockStatement': {
          const b = statement as hbs.AST.BlockStatement;
          const [start, end] = offsetOf(b.loc);
          const helper = b.path.original;
          if (!ALLOWED_BLOCK_HELPERS.has(helper)) {
            problem(line, `Block {{#${helper}}} is not allowed; only {{#if}} and {{#unless}} are`);
            break;
          }
          const param = b.params[0];
          if (b.params.length !== 1 || param.type !== 'PathExpression' || b.hash) {
            problem(line, `{{#${helper}}} takes exactly one variable`);
            break;
          }
          const variable = (param as hbs.AST.PathExpression).original;
          const syntax = pathSyntaxProblem(param as hbs.AST.PathExpression);
          if (syntax) {
            problem(line, syntax);
            break;
          }
          const ref = resolveVariable(param as hbs.AST.PathExpression, vocabulary);
          if (!ref) {
            problem(line, `Unknown variable ${variable}; known variables are ${hint()}`);
            break;
          }
          const chained =
            b.inverse?.body.length === 1 &&
            (b.inverse.body[0] as hbs.AST.BlockStatement).type === 'BlockStatement' &&
            (b.inverse as { chained?: boolean }).chained;
          if (chained) {
            problem(line, '{{else if}} chains are not supported; nest an {{#if}} inside {{else}} instead');
            break;
          }
          analysis.sites.push({ ref, variable, usage: 'condition', start, end, line, guards });
          // Block tags ({{#if x}}, {{else}}, {{/if}}) are skipped by markup scanners: record
          // the spans between the branches' content.
          const branches = [b.program, b.inverse].filter((p): p is HbsProgram => !!p && !!p.loc && p.body.length > 0);
          let cursor = start;
          for (const branch of branches.sort(
            (x, y) => x.loc.start.line - y.loc.start.line || x.loc.start.column - y.loc.start.column,
          )) {
            const [bs, be] = offsetOf(branch.loc);
            analysis.mustacheRanges.push([cursor, bs]);
            cursor = be;
          }
          analysis.mustacheRanges.push([cursor, end]);
          const negatedInProgram = helper === 'unless';
          if (b.program) visit(b.program.body, [...guards, { variable, negated: negatedInProgram }]);
          if (b.inverse) visit(b.inverse.body, [...guards, { variable, negated: !negatedInProgram }]);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement':
          problem(line, 'Partials are not allowed');
          break;
        default:
          problem(line, `${statement.type} is not allowed`);
      }
    }
  };
  visit(program.body, []);
  analysis.mustacheRanges.sort((a, b) => a[0] - b[0]);
  return analysis;
}

/** Sites that are not inside any conditional block: output every recipient will see. */
export function unconditionalSites(analysis: TemplateAnalysis): ReferenceSite[] {
  return analysis.sites.filter((s) => s.usage === 'output' && s.guards.length === 0);
}
