export type Checked = { ok: true; value: string } | { ok: false; message: string };

// Bidirectional overrides and other invisible controls let a value display differently from
// what it is; they have no place in an address, a name or any one-line value a person reads.
/* eslint-disable no-control-regex -- finding control characters is this pattern's purpose */
export const FORBIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\uE000-\uF8FF]/;
/* eslint-enable no-control-regex */
export const FORBIDDEN_CHARACTERS_MESSAGE =
  'must not contain control, bidirectional-override or private-use characters';

/** One line of text a person typed: a string, nothing invisible, trimmed, not empty, at most `maxLength` characters. */
export function checkedLine(raw: unknown, maxLength: number): Checked {
  if (typeof raw !== 'string') return { ok: false, message: 'must be a string' };
  if (FORBIDDEN_CHARACTERS.test(raw)) return { ok: false, message: FORBIDDEN_CHARACTERS_MESSAGE };
  const value = raw.trim();
  if (!value) return { ok: false, message: 'must not be empty' };
  if (value.includes('\n')) return { ok: false, message: 'must be a single line' };
  if ([...value].length > maxLength) return { ok: false, message: `must be at most ${maxLength} characters` };
  return { ok: true, value };
}
