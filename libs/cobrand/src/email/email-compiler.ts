import type { CampaignContent, EmailAsset } from '@tcma/campaign-model';
import { convert } from 'html-to-text';
import { checkMarkupTemplate, checkTextTemplate } from '../template/checked-template';
import { handlebars, RECIPIENT_COMPILE_OPTIONS } from '../template/handlebars-env';
import { applyPartnerValues, PartnerValues } from '../template/partner-pass';
import { vocabularyOf } from '../template/vocabulary';
import { compileMjml } from './mjml-compiler';

/** A link of the compiled email that is tracked per recipient; `name` is the campaign link's. */
export interface TrackableLink {
  index: number;
  url: string;
  name: string | null;
}

/**
 * The plain-text parts (text, subject, preheader) ride along in the HTML's template, each in
 * a {{#__part}} block that hands its output to the caller instead of the HTML: one
 * Handlebars call per recipient. The helper exists only in this private environment and
 * vendor templates cannot call it: their blocks are limited to if/unless when they are checked.
 */
export const PLAIN_PARTS = ['text', 'subject', 'preheader'] as const;
export type PlainPart = (typeof PLAIN_PARTS)[number];

handlebars.registerHelper('__part', function (this: unknown, name: PlainPart, options: Handlebars.HelperOptions) {
  (options.data as { parts: Record<PlainPart, string> }).parts[name] = options.fn(this);
  return '';
});
const COMBINED_COMPILE_OPTIONS: CompileOptions = { ...RECIPIENT_COMPILE_OPTIONS, knownHelpers: { ...RECIPIENT_COMPILE_OPTIONS.knownHelpers, __part: true } };

/** One email for one partner: everything but the recipient is settled. */
export interface CompiledEmail {
  /**
   * HTML, text part, subject and preheader as one template (see PLAIN_PARTS): it returns the
   * HTML and leaves the plain parts in `data.parts`. Values are HTML-escaped in the HTML and
   * left as they are in the plain parts.
   */
  template: HandlebarsTemplateDelegate;
  /** Partner values for subject and preheader, which are rendered with them as data. */
  partner: Readonly<Record<string, string | null>>;
  links: TrackableLink[];
  /** Whether the text part holds characters standing in for braces from partner values. */
  textHasStandIns: boolean;
  /** The second-stage template sources, for inspection and benchmarks. */
  sources: { html: string; text: string };
  /** Rough retained size, for bounding the cache. */
  size: number;
}

export class EmailCompileError extends Error {}

// Braces and backslashes that came from partner values reach the text part escaped as HTML
// entities; html-to-text would decode them into live template syntax, so they travel as
// private-use characters through the conversion and are put back after rendering.
const STAND_INS: Array<[string, string, string]> = [
  ['&#123;', '\uE000', '{'],
  ['&#125;', '\uE001', '}'],
  ['&#92;', '\uE002', '\\'],
];

const TEXT_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', options: { uppercaseHeaderCells: false } },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
  ],
};

const HREF = /\bhref="(https?:\/\/[^"]*)"/gi;
const ENTITY = /&(#\d+|#x[0-9a-f]+|amp|quot|lt|gt|apos);/gi;
const decodeEntities = (s: string) =>
  s.replace(ENTITY, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** Every expression the second stage may contain; anything else means a value leaked in. */
const RECIPIENT_VARIABLE = /^(prospect\.(email|first_name|last_name|company|title|country|custom\.[a-z][a-z0-9_]{0,39})|links\.(unsubscribe|view_in_browser)|t\.l\d+|t\.open)$/;

/**
 * Checks that a second-stage template holds only recipient expressions. This is the
 * guarantee behind "a partner value is never compiled as a template": if escaping had ever
 * let a value's braces through, they would show up here as an unexpected expression.
 */
function assertRecipientOnly(source: string, what: string): void {
  let ast: hbs.AST.Program;
  try {
    ast = handlebars.parse(source);
  } catch (e) {
    throw new EmailCompileError(`${what} is not a valid second-stage template: ${(e as Error).message.split('\n')[0]}`);
  }
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; path?: hbs.AST.PathExpression; params?: unknown[]; program?: unknown; inverse?: unknown; body?: unknown[] };
    if (n.type === 'MustacheStatement' || n.type === 'BlockStatement') {
      const path = n.type === 'BlockStatement' ? (n.params?.[0] as hbs.AST.PathExpression | undefined) : n.path;
      const helper = n.type === 'BlockStatement' ? n.path?.original : null;
      if ((helper !== null && helper !== 'if' && helper !== 'unless') || !path || path.type !== 'PathExpression' || !RECIPIENT_VARIABLE.test(path.original)) {
        throw new EmailCompileError(`${what} contains an unexpected expression ${path?.original ?? n.type}`);
      }
    } else if (n.type && n.type !== 'Program' && n.type !== 'ContentStatement' && n.type !== 'CommentStatement') {
      throw new EmailCompileError(`${what} contains ${n.type}`);
    }
    for (const child of [...(n.body ?? []), n.program, n.inverse]) visit(child);
  };
  visit(ast);
}

/** The same plain-text template with every {{x}} as {{{x}}}: plain text is never HTML-escaped. */
function unescapedOutput(source: string): string {
  const lines = source.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const at = (p: hbs.AST.Position) => starts[p.line - 1] + p.column;
  const spans: Array<[number, number]> = [];
  const visit = (node: unknown): void => {
    const n = node as { type?: string; escaped?: boolean; loc?: hbs.AST.SourceLocation; body?: unknown[]; program?: unknown; inverse?: unknown } | null;
    if (!n) return;
    if (n.type === 'MustacheStatement' && n.escaped && n.loc) spans.push([at(n.loc.start), at(n.loc.end)]);
    for (const child of [...(n.body ?? []), n.program, n.inverse]) visit(child);
  };
  visit(handlebars.parse(source));
  let out = '';
  let cursor = 0;
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    out += `${source.slice(cursor, start)}{${source.slice(start, end)}}`;
    cursor = end;
  }
  return out + source.slice(cursor);
}

function rewriteTrackableLinks(html: string, named: ReadonlyMap<string, string>): { html: string; links: TrackableLink[] } {
  const links: TrackableLink[] = [];
  const byUrl = new Map<string, TrackableLink>();
  const nameByUrl = new Map([...named].map(([name, url]) => [url, name]));
  const rewritten = html.replace(HREF, (_m, raw: string) => {
    const url = decodeEntities(raw);
    let link = byUrl.get(url);
    if (!link) {
      link = { index: links.length, url, name: nameByUrl.get(url) ?? null };
      links.push(link);
      byUrl.set(url, link);
    }
    return `href="{{t.l${link.index}}}"`;
  });
  return { html: rewritten, links };
}

function insertPreheader(html: string, preheader: string): string {
  const hidden = `<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all">${preheader}</div>`;
  const body = /<body[^>]*>/i.exec(html);
  return body ? `${html.slice(0, body.index + body[0].length)}${hidden}${html.slice(body.index + body[0].length)}` : `${hidden}${html}`;
}

/** The open-tracking pixel, last in the body; its address is per recipient ({{t.open}}). */
function insertOpenPixel(html: string): string {
  const pixel = '<img src="{{t.open}}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />';
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end >= 0 ? `${html.slice(0, end)}${pixel}${html.slice(end)}` : `${html}${pixel}`;
}

/**
 * The first, expensive stage (≈ one MJML compile): the vendor's template with one
 * partner's values, compiled to HTML and a text part, each then compiled once as a
 * Handlebars template of recipient data only. Links are numbered for tracking.
 */
export async function compileEmail(asset: Pick<EmailAsset, 'mjml' | 'subject' | 'preheader'>, content: Pick<CampaignContent, 'slots' | 'links'>, partner: PartnerValues): Promise<CompiledEmail> {
  const vocabulary = vocabularyOf(content);
  const markup = checkMarkupTemplate(asset.mjml, vocabulary);
  if (!markup.template) throw new EmailCompileError(`The template is invalid: ${markup.problems.map((p) => p.message).join('; ')}`);
  const namedLinks = new Map<string, string>(content.links.map((l) => [l.name, l.url]));
  const mjml = applyPartnerValues(markup.template.analysis, markup.template.placements, { partner, links: namedLinks });
  const compiled = await compileMjml(mjml);
  if (!compiled.ok) throw new EmailCompileError(`MJML failed to compile for this partner: ${compiled.problems.map((p) => p.message).join('; ')}`);

  const { html: tracked, links } = rewriteTrackableLinks(compiled.html, new Map([...namedLinks].map(([name, url]) => [name, new URL(url).href])));
  let textSource = tracked;
  for (const [entity, standIn] of STAND_INS) textSource = textSource.split(entity).join(standIn);
  const text = convert(textSource, TEXT_OPTIONS).trim();
  assertRecipientOnly(tracked, 'The HTML');
  assertRecipientOnly(text, 'The text part');

  // Subject and preheader are the vendor's own text templates (checked at save); partner
  // values reach them as data at render time. The preheader also opens the HTML, escaped.
  const subject = checkTextTemplate(asset.subject, vocabulary, { allow: ['partner', 'prospect'] });
  const preheader = checkTextTemplate(asset.preheader, vocabulary, { allow: ['partner', 'prospect'] });
  if (!subject.template || !preheader.template) throw new EmailCompileError('The subject or preheader is invalid');
  const html = insertOpenPixel(insertPreheader(tracked, asset.preheader));
  const plain = ([text, asset.subject, asset.preheader] as const).map((part, i) => `{{#__part "${PLAIN_PARTS[i]}"}}${unescapedOutput(part)}{{/__part}}`).join('');
  const partnerData: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
  for (const [name, value] of partner) partnerData[name] = value;

  return {
    template: handlebars.compile(`${plain}${html}`, COMBINED_COMPILE_OPTIONS),
    partner: partnerData,
    links,
    textHasStandIns: STAND_INS.some(([, standIn]) => text.includes(standIn)),
    sources: { html, text },
    size: html.length * 4 + text.length * 4 + 4096,
  };
}
