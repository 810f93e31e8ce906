import { SlotDefinition, TEXT_BLOCK_DEFAULT_MAX_LENGTH, TEXT_BLOCK_MAX_LENGTH } from '@tcma/campaign-model';
import { FORBIDDEN_CHARACTERS, FORBIDDEN_CHARACTERS_MESSAGE } from '@tcma/email-address';
import { escapeHtml, escapeUrlAttribute } from '../template/escape';

/**
 * A partner's own words in an editable block (slot type `text_block`). The text is plain text
 * with a small, documented formatting subset, and nothing else:
 *
 * - paragraphs are separated by a blank line; a single line break stays a line break;
 * - `**bold**` and `_italic_` within one line;
 * - an http(s) address becomes a link, only when the block allows links and only to the
 *   partner's own website (its host or a subdomain of it); an e-mail address or a bare domain
 *   (`name.tld`) counts as a link too and is held to the same rule, but stays text.
 *
 * Every other character is HTML-escaped, so no markup, script or template syntax gets through.
 */

export type TextBlockResult = { ok: true; value: string } | { ok: false; message: string };

/** What a partner's text is checked against beyond the slot itself. */
export interface TextBlockContext {
  /** The host of the partner's website (brand kit), the only one links may point to. */
  partnerHost?: string | null;
}

export const TEXT_BLOCK_MAX_PARAGRAPHS = 20;

export function textBlockMaxLength(slot: Pick<SlotDefinition, 'maxLength'>): number {
  return Math.min(slot.maxLength ?? TEXT_BLOCK_DEFAULT_MAX_LENGTH, TEXT_BLOCK_MAX_LENGTH);
}

/** The host of a website address, lower-case, without a leading "www."; null when it is not one. */
export function websiteHost(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website.trim()) ? website.trim() : `https://${website.trim()}`);
    return url.hostname ? url.hostname.toLowerCase().replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

const SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAILTO = /^mailto:/i;
const EMAIL = /^[^\s@]+@((?:[a-z0-9-]+\.)+[a-z]{2,24})$/i;
const BARE_DOMAIN = /^(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})(?:[/:?#].*)?$/i;
const TRIM_PUNCTUATION = /^[("'[<*_]+|[)"'\]>.,;:!?*_]+$/g;

/** Every address-like word of a text, as the host it points to (null: not a web or mail address we accept). */
function addressesIn(text: string): Array<{ word: string; host: string | null }> {
  const found: Array<{ word: string; host: string | null }> = [];
  for (const raw of text.split(/\s+/)) {
    const word = raw.replace(TRIM_PUNCTUATION, '');
    if (!word) continue;
    if (SCHEME_URL.test(word) || MAILTO.test(word)) {
      if (MAILTO.test(word)) {
        const m = EMAIL.exec(word.slice(7).split('?')[0]);
        found.push({ word, host: m ? m[1].toLowerCase() : null });
        continue;
      }
      try {
        const url = new URL(word);
        const web = url.protocol === 'http:' || url.protocol === 'https:';
        found.push({ word, host: web && !url.username && !url.password ? url.hostname.toLowerCase() : null });
      } catch {
        found.push({ word, host: null });
      }
      continue;
    }
    const email = EMAIL.exec(word);
    if (email) {
      found.push({ word, host: email[1].toLowerCase() });
      continue;
    }
    const domain = BARE_DOMAIN.exec(word);
    if (domain) found.push({ word, host: domain[1].toLowerCase() });
  }
  return found;
}

const isPartnerHost = (host: string, partnerHost: string) =>
  host === partnerHost || host.endsWith(`.${partnerHost}`) || host === `www.${partnerHost}`;

/** The text as stored and compared: line breaks as \n, tabs as spaces, no trailing spaces, at most one blank line in a row. */
export function canonicalTextBlock(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Checks and normalises a partner's text for a block: no control, bidirectional-override or
 * private-use characters, within the block's length (counted in characters of the canonical
 * text, formatting marks included), at most TEXT_BLOCK_MAX_PARAGRAPHS paragraphs, and no
 * address unless the block allows links and it is on the partner's own website.
 */
export function normalizeTextBlock(
  slot: Pick<SlotDefinition, 'maxLength' | 'allowLinks'>,
  raw: string,
  context: TextBlockContext = {},
): TextBlockResult {
  if (FORBIDDEN_CHARACTERS.test(raw)) return { ok: false, message: FORBIDDEN_CHARACTERS_MESSAGE };
  const value = canonicalTextBlock(raw);
  if (!value) return { ok: false, message: 'must not be empty' };
  const max = textBlockMaxLength(slot);
  if ([...value].length > max) return { ok: false, message: `must be at most ${max} characters` };
  if (value.split(/\n\n/).length > TEXT_BLOCK_MAX_PARAGRAPHS)
    return { ok: false, message: `must have at most ${TEXT_BLOCK_MAX_PARAGRAPHS} paragraphs` };
  const addresses = addressesIn(value);
  if (addresses.length) {
    if (!slot.allowLinks)
      return { ok: false, message: `must not contain links or web or e-mail addresses ("${addresses[0].word}")` };
    const partnerHost = context.partnerHost ?? null;
    if (!partnerHost)
      return {
        ok: false,
        message: `may only link to the partner's own website, and the brand kit names no website ("${addresses[0].word}")`,
      };
    const foreign = addresses.find((a) => a.host === null || !isPartnerHost(a.host, partnerHost));
    if (foreign)
      return {
        ok: false,
        message: `may only link to the partner's own website (${partnerHost}); "${foreign.word}" is not on it`,
      };
  }
  return { ok: true, value };
}

const WEB_URL = /https?:\/\/[^\s<>"]+/gi;
const TRAILING = /[)"'\].,;:!?*_]+$/;

/** One line's inline formatting on its escaped text: **bold** and _italic_. */
function inline(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(>])_(?=\S)([^_]+?)(?<=\S)_(?=$|[\s).,;:!?<])/g, '$1<em>$2</em>');
}

/** One line as HTML: web addresses as links (when `links`), the rest escaped and formatted. */
function lineHtml(line: string, links: boolean): string {
  if (!links) return inline(escapeHtml(line));
  let out = '';
  let cursor = 0;
  for (const m of line.matchAll(WEB_URL)) {
    const url = m[0].replace(TRAILING, '');
    out += inline(escapeHtml(line.slice(cursor, m.index)));
    out += `<a href="${escapeUrlAttribute(url)}" target="_blank">${escapeHtml(url)}</a>`;
    cursor = m.index + url.length;
  }
  return out + inline(escapeHtml(line.slice(cursor)));
}

/**
 * A checked text as HTML that can stand wherever text goes (inside a <p>, a <td> or an
 * <mj-text>): paragraphs are separated by two line breaks rather than wrapped in <p>, so the
 * result never nests block elements. The text part of an email is converted from this HTML.
 */
export function textBlockHtml(value: string, options: { links: boolean }): string {
  return value
    .split(/\n\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => lineHtml(line, options.links))
        .join('<br />'),
    )
    .join('<br /><br />');
}
