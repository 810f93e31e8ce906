import { Checked, checkedLine } from './checked-line';

/**
 * Characters a display name never needs and a spoofer does: quotes, angle brackets and
 * backslashes would let a name end its quoting or pose as an address part; an address inside
 * the name ("CEO <ceo@vendor.example>") shows the reader a sender it is not.
 */
const SPOOFING = /["<>\\]/;
const ADDRESS_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/**
 * The rules for a name that reaches an email header (a sender's display name, a partner's or
 * vendor's company name): the brand kit's text rules (no control, bidirectional-override or
 * private-use characters, one line, trimmed, not empty, bounded) and nothing that can pose as
 * an address or break its quoting.
 */
export function normalizeDisplayName(raw: unknown, maxLength = 200): Checked {
  const text = checkedLine(raw, maxLength);
  if (!text.ok) return text;
  if (SPOOFING.test(text.value))
    return { ok: false, message: 'must not contain quotes, angle brackets or backslashes' };
  if (ADDRESS_LIKE.test(text.value)) return { ok: false, message: 'must not contain an email address' };
  return text;
}

// eslint-disable-next-line no-control-regex
const NEVER_IN_A_HEADER = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\uE000-\uF8FF"<>\\]/g;

/**
 * A name as it may go into a header, whatever was stored before the rules above: the
 * characters they refuse are dropped, an address inside it is cut, spaces collapsed.
 */
export function headerSafeName(name: string): string {
  return name.replace(NEVER_IN_A_HEADER, '').replace(ADDRESS_LIKE, '').replace(/\s+/g, ' ').trim();
}
