import { textDirection } from '@tcma/translation';
import type { CampaignContent, EmailAsset } from '@tcma/campaign-model';
import { convert } from 'html-to-text';
import { withDerivedColors } from '../slots/derived-colors';
import { checkMarkupTemplate, checkTextTemplate } from '../template/checked-template';
import { handlebars, RECIPIENT_COMPILE_OPTIONS } from '../template/handlebars-env';
import { escapeAttribute, escapeHtml } from '../template/escape';
import { applyPartnerValues, PartnerValues } from '../template/partner-pass';
import { printTemplate, PrintRules } from '../template/print-template';
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
const COMBINED_COMPILE_OPTIONS: CompileOptions = {
  ...RECIPIENT_COMPILE_OPTIONS,
  knownHelpers: { ...RECIPIENT_COMPILE_OPTIONS.knownHelpers, __part: true },
};

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
  /** Whether the plain parts hold characters standing in for literal braces or backslashes. */
  plainHasStandIns: boolean;
  /** The second-stage template sources, for inspection and benchmarks. */
  sources: { html: string; text: string };
  /** Rough retained size, for bounding the cache. */
  size: number;
}

export class EmailCompileError extends Error {}

// Braces and backslashes written as HTML character references (partner values are escaped
// that way; a vendor may write any form) would be decoded by html-to-text into live template
// syntax, so they travel as private-use characters through the conversion and are put back
// after rendering. Every form a parser decodes counts: decimal or hex, leading zeros, no
// semicolon, named.
const STAND_INS: Array<[RegExp, string]> = [
  [/&#0*123(?![0-9]);?|&#[xX]0*7[bB](?![0-9a-fA-F]);?|&lbrace;|&lcub;/g, '\uE000'],
  [/&#0*125(?![0-9]);?|&#[xX]0*7[dD](?![0-9a-fA-F]);?|&rbrace;|&rcub;/g, '\uE001'],
  [/&#0*92(?![0-9]);?|&#[xX]0*5[cC](?![0-9a-fA-F]);?|&bsol;/g, '\uE002'],
];
const STAND_IN_FOR: Record<string, string> = { '{': '\uE000', '}': '\uE001', '\\': '\uE002' };
/** Literal text with every brace and backslash, written or referenced, as its stand-in. */
function standInsFor(text: string): string {
  let out = text.replace(/[{}\\]/g, (c) => STAND_IN_FOR[c]);
  for (const [reference, standIn] of STAND_INS) out = out.replace(reference, standIn);
  return out;
}
const HAS_STAND_IN = /[\uE000-\uE002]/;

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
const RECIPIENT_VARIABLE =
  /^(prospect\.(email|first_name|last_name|company|title|country|custom\.[a-z][a-z0-9_]{0,39})|links\.(unsubscribe|view_in_browser|preferences)|t\.l\d+|t\.open)$/;

/**
 * Checks that a second-stage template holds only recipient expressions. This is the
 * guarantee behind "a partner value is never compiled as a template": if escaping had ever
 * let a value's braces through, they would show up here as an unexpected expression.
 */
function assertRecipientOnly(source: string, what: string): hbs.AST.Program {
  let ast: hbs.AST.Program;
  try {
    ast = handlebars.parse(source);
  } catch (e) {
    throw new EmailCompileError(`${what} is not a valid second-stage template: ${(e as Error).message.split('\n')[0]}`);
  }
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as {
      type?: string;
      path?: hbs.AST.PathExpression;
      params?: unknown[];
      program?: unknown;
      inverse?: unknown;
      body?: unknown[];
    };
    if (n.type === 'MustacheStatement' || n.type === 'BlockStatement') {
      const path = n.type === 'BlockStatement' ? (n.params?.[0] as hbs.AST.PathExpression | undefined) : n.path;
      const helper = n.type === 'BlockStatement' ? n.path?.original : null;
      if (
        (helper !== null && helper !== 'if' && helper !== 'unless') ||
        !path ||
        path.type !== 'PathExpression' ||
        !RECIPIENT_VARIABLE.test(path.original)
      ) {
        throw new EmailCompileError(`${what} contains an unexpected expression ${path?.original ?? n.type}`);
      }
    } else if (n.type && n.type !== 'Program' && n.type !== 'ContentStatement' && n.type !== 'CommentStatement') {
      throw new EmailCompileError(`${what} contains ${n.type}`);
    }
    for (const child of [...(n.body ?? []), n.program, n.inverse]) visit(child);
  };
  visit(ast);
  return ast;
}

/** Literal text of a plain part: braces and backslashes as stand-ins, so no text can form syntax. */
const PLAIN_RULES: PrintRules = {
  content: (text) => text.replace(/[{}\\]/g, (c) => STAND_IN_FOR[c]),
  output: (variable) => `{{{${variable}}}}`,
};
/** The preheader's copy at the top of the HTML: text escaped for HTML, values escaped at render time. */
const HTML_TEXT_RULES: PrintRules = { content: escapeHtml, output: (variable) => `{{${variable}}}` };

/** A plain-text template (text part, subject, preheader), printed from its parse tree. */
const plainTemplate = (source: string) => printTemplate(handlebars.parse(source), PLAIN_RULES);

function rewriteTrackableLinks(
  html: string,
  named: ReadonlyMap<string, string>,
): { html: string; links: TrackableLink[] } {
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
  return body
    ? `${html.slice(0, body.index + body[0].length)}${hidden}${html.slice(body.index + body[0].length)}`
    : `${hidden}${html}`;
}

/** The open-tracking pixel, last in the body; its address is per recipient ({{t.open}}). */
function insertOpenPixel(html: string): string {
  const pixel =
    '<img src="{{t.open}}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />';
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end >= 0 ? `${html.slice(0, end)}${pixel}${html.slice(end)}` : `${html}${pixel}`;
}

const MJML_ROOT = /<mjml(?=[\s>])([^>]*)>/;
const LANG_ATTRIBUTE = /\s+lang\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const DIR_ATTRIBUTE = /\s+dir\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

/**
 * The email's language on the root element, which MJML turns into <html lang> ("und" without
 * it); a language written right to left also sets <html dir="rtl"> (Arabic, Hebrew, Persian…),
 * whatever the template said, so the copy and MJML's columns run from the right.
 */
function withLanguage(mjml: string, language: string): string {
  const rtl = textDirection(language) === 'rtl';
  return mjml.replace(MJML_ROOT, (_m, attributes: string) => {
    const rest = attributes.replace(LANG_ATTRIBUTE, '');
    return `<mjml${rtl ? rest.replace(DIR_ATTRIBUTE, '') : rest} lang="${escapeAttribute(language)}"${rtl ? ' dir="rtl"' : ''}>`;
  });
}

/**
 * The first, expensive stage (≈ one MJML compile): the vendor's template with one
 * partner's values, compiled to HTML and a text part, each then compiled once as a
 * Handlebars template of recipient data only. Links are numbered for tracking.
 */
export async function compileEmail(
  asset: Pick<EmailAsset, 'mjml' | 'subject' | 'preheader'>,
  content: Pick<CampaignContent, 'slots' | 'links' | 'language'>,
  partner: PartnerValues,
): Promise<CompiledEmail> {
  const vocabulary = vocabularyOf(content);
  const markup = checkMarkupTemplate(asset.mjml, vocabulary);
  if (!markup.template)
    throw new EmailCompileError(`The template is invalid: ${markup.problems.map((p) => p.message).join('; ')}`);
  const namedLinks = new Map<string, string>(content.links.map((l) => [l.name, l.url]));
  const values = withDerivedColors(content.slots, partner);
  const mjml = applyPartnerValues(markup.template.analysis, markup.template.placements, {
    partner: values,
    links: namedLinks,
  });
  const compiled = await compileMjml(withLanguage(mjml, content.language));
  if (!compiled.ok)
    throw new EmailCompileError(
      `MJML failed to compile for this partner: ${compiled.problems.map((p) => p.message).join('; ')}`,
    );

  const { html: tracked, links } = rewriteTrackableLinks(
    compiled.html,
    new Map([...namedLinks].map(([name, url]) => [name, new URL(url).href])),
  );
  const trackedProgram = assertRecipientOnly(tracked, 'The HTML');
  // The text part is converted from the HTML template with its literal text made inert:
  // once the tags are gone, a brace of the text must not merge with an expression beside it.
  const textSource = printTemplate(trackedProgram, { content: standInsFor, output: (variable) => `{{${variable}}}` });
  const text = convert(textSource, TEXT_OPTIONS).trim();
  assertRecipientOnly(text, 'The text part');

  // Subject and preheader are the vendor's own text templates (checked at save); partner
  // values reach them as data at render time. The preheader also opens the HTML, as text.
  const subject = checkTextTemplate(asset.subject, vocabulary, { allow: ['partner', 'prospect'] });
  const preheader = checkTextTemplate(asset.preheader, vocabulary, { allow: ['partner', 'prospect'] });
  if (!subject.template?.program || !preheader.template?.program)
    throw new EmailCompileError('The subject or preheader is invalid');
  const html = insertOpenPixel(insertPreheader(tracked, printTemplate(preheader.template.program, HTML_TEXT_RULES)));
  const parts = [
    plainTemplate(text),
    printTemplate(subject.template.program, PLAIN_RULES),
    printTemplate(preheader.template.program, PLAIN_RULES),
  ];
  const plain = parts.map((part, i) => `{{#__part "${PLAIN_PARTS[i]}"}}${part}{{/__part}}`).join('');
  const partnerData: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
  for (const [name, value] of values) partnerData[name] = value;

  return {
    template: handlebars.compile(`${plain}${html}`, COMBINED_COMPILE_OPTIONS),
    partner: partnerData,
    links,
    plainHasStandIns: parts.some((part) => HAS_STAND_IN.test(part)),
    sources: { html, text },
    size: html.length * 4 + text.length * 4 + 4096,
  };
}
