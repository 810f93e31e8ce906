import { Parser } from 'htmlparser2';
import { CopyText, hasWords, piecesOf } from './copy-text';

/**
 * The MJML elements whose content is copy (HTML that translators change). `mj-raw` is left
 * alone: it holds markup (conditional comments, scripts for clients), not words.
 */
const COPY_ELEMENTS = new Set([
  'mj-text',
  'mj-button',
  'mj-title',
  'mj-preview',
  'mj-navbar-link',
  'mj-accordion-title',
  'mj-accordion-text',
  'mj-social-element',
  'mj-table',
]);
/** Attributes of MJML elements that carry copy (an image's alternative text, a link's title). */
const COPY_ATTRIBUTES = /(\s)(alt|title)(\s*=\s*)("([^"]*)"|'([^']*)')/g;

/** One unit of an email's copy and where it sits in the MJML (the characters it replaces). */
export interface CopyUnit {
  id: string;
  copy: CopyText;
  /** `element`: an element's content, HTML; `attribute`: an attribute's value. */
  kind: 'element' | 'attribute';
  start: number;
  end: number;
}

/**
 * The copy of an MJML document, in document order: each copy element's content and each
 * `alt`/`title` attribute of an `mj-*` element that has words in it. Ids are `<prefix><n>`,
 * numbered in that order, so the same MJML always yields the same ids.
 */
export function copyOfMjml(mjml: string, prefix = 'u'): CopyUnit[] {
  const units: Array<Omit<CopyUnit, 'id'>> = [];
  let inside: { name: string; start: number } | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        if (inside) return;
        const source = mjml.slice(parser.startIndex, parser.endIndex + 1);
        if (name.startsWith('mj-')) units.push(...attributeCopy(source, parser.startIndex));
        if (COPY_ELEMENTS.has(name) && !source.endsWith('/>')) inside = { name, start: parser.endIndex + 1 };
      },
      onclosetag(name, implied) {
        if (!inside || name !== inside.name) return;
        const end = implied ? inside.start : parser.startIndex;
        const copy = htmlCopy(mjml.slice(inside.start, end));
        if (hasWords(copy.text)) units.push({ copy, kind: 'element', start: inside.start, end });
        inside = null;
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: false },
  );
  parser.end(mjml);
  return units.sort((a, b) => a.start - b.start).map((u, i) => ({ ...u, id: `${prefix}${i + 1}` }));
}

/** The copy in a tag's attributes named by `attributes` (its groups as COPY_ATTRIBUTES'), placed at `offset`. */
export function attributeCopy(
  tag: string,
  offset: number,
  attributes: RegExp = COPY_ATTRIBUTES,
): Array<Omit<CopyUnit, 'id'>> {
  const found: Array<Omit<CopyUnit, 'id'>> = [];
  for (const m of tag.matchAll(attributes)) {
    const raw = m[5] ?? m[6];
    const text = decodeAttribute(raw, m[4][0]);
    if (!hasWords(text)) continue;
    const start = offset + m.index + m[1].length + m[2].length + m[3].length + 1;
    found.push({ copy: { text, codes: new Map() }, kind: 'attribute', start, end: start + raw.length });
  }
  return found;
}

/**
 * HTML content as copy: text decoded (`&amp;` is `&` to a translator), each tag a numbered code,
 * a tag and its end tag one pair, void and self-closed tags and tags without an end single codes.
 */
export function htmlCopy(html: string): CopyText {
  const codes = new Map<string, string>();
  const codeOffsets = new Map<string, number>();
  const parts: Array<{ kind: 'text'; text: string } | { kind: 'tag'; id: string; close: boolean; alone: boolean }> = [];
  const open: Array<{ name: string; part: number; id: string }> = [];
  let next = 1;
  const parser = new Parser(
    {
      ontext(text) {
        parts.push({ kind: 'text', text });
      },
      onopentag(name) {
        const id = String(next++);
        codes.set(id, html.slice(parser.startIndex, parser.endIndex + 1));
        codeOffsets.set(id, parser.startIndex);
        open.push({ name, part: parts.length, id });
        parts.push({ kind: 'tag', id, close: false, alone: false });
      },
      onclosetag(name, implied) {
        const at = open.map((o) => o.name).lastIndexOf(name);
        if (at < 0) return;
        const [own] = open.splice(at, 1);
        const part = parts[own.part] as { alone: boolean };
        if (implied) part.alone = true;
        else {
          codes.set(`/${own.id}`, html.slice(parser.startIndex, parser.endIndex + 1));
          parts.push({ kind: 'tag', id: own.id, close: true, alone: false });
        }
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: false },
  );
  parser.end(html);
  const text = parts
    .map((p) => (p.kind === 'text' ? p.text : p.alone ? `[${p.id}/]` : p.close ? `[/${p.id}]` : `[${p.id}]`))
    .join('');
  return { text, codes, codeOffsets };
}

function decodeAttribute(raw: string, quote: string): string {
  let value = '';
  new Parser({ onattribute: (_name, v) => (value = v) }, { decodeEntities: true }).end(`<x a=${quote}${raw}${quote}>`);
  return value;
}

const escapeText = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The copy's text back as source: HTML for an element's content (codes as their tags), a value
 * for an attribute. `codes`: the tags to put for the codes, when not the unit's own.
 */
export function unitSource(
  unit: Pick<CopyUnit, 'kind' | 'copy'>,
  text: string,
  codes: ReadonlyMap<string, string> = unit.copy.codes,
): string {
  return piecesOf(text)
    .map((p) => {
      if (p.kind === 'placeholder') return p.text;
      if (p.kind === 'text') return unit.kind === 'element' ? escapeText(p.text) : escapeAttribute(p.text);
      return codes.get(p.kind === 'close' ? `/${p.id}` : p.id) ?? '';
    })
    .join('');
}

/**
 * The unit's codes with the translations of the attribute units inside them (copyOfHtml's: an
 * image's `alt` or a link's `title` within a sentence is a unit of its own, its tag a code of the
 * sentence's), each put where it sits in its tag.
 */
function codesWithAttributes(
  unit: CopyUnit,
  inside: CopyUnit[],
  targets: ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  const codes = new Map(unit.copy.codes);
  for (const [id, offset] of unit.copy.codeOffsets ?? []) {
    const tag = codes.get(id) as string;
    const from = unit.start + offset;
    let out = tag;
    for (const attribute of inside
      .filter((a) => a.start >= from && a.end <= from + tag.length)
      .sort((a, b) => b.start - a.start)) {
      const target = targets.get(attribute.id);
      if (target === undefined) continue;
      out = out.slice(0, attribute.start - from) + unitSource(attribute, target) + out.slice(attribute.end - from);
    }
    codes.set(id, out);
  }
  return codes;
}

/**
 * The MJML with each unit's copy replaced by its translation (marker text, checked with
 * targetProblems first); units without one keep their source.
 */
export function withTranslations(mjml: string, units: CopyUnit[], targets: ReadonlyMap<string, string>): string {
  const elements = units.filter((u) => u.kind === 'element');
  const hostOf = (u: CopyUnit) =>
    u.kind === 'attribute' ? elements.find((e) => e.start <= u.start && u.end <= e.end) : undefined;
  const inside = new Map<CopyUnit, CopyUnit[]>();
  const outermost: CopyUnit[] = [];
  for (const unit of units) {
    const host = hostOf(unit);
    if (host) inside.set(host, [...(inside.get(host) ?? []), unit]);
    else outermost.push(unit);
  }
  let out = mjml;
  for (const unit of outermost.sort((a, b) => b.start - a.start)) {
    const nested = inside.get(unit) ?? [];
    const target = targets.get(unit.id);
    if (target === undefined && !nested.some((a) => targets.has(a.id))) continue;
    const codes = nested.length ? codesWithAttributes(unit, nested, targets) : unit.copy.codes;
    out = out.slice(0, unit.start) + unitSource(unit, target ?? unit.copy.text, codes) + out.slice(unit.end);
  }
  return out;
}
