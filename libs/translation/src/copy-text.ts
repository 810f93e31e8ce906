/**
 * A unit of copy as translators and the model see it: text in which the source's inline tags
 * are numbered codes (`[1]…[/1]` around text, `[2/]` alone) and Handlebars placeholders stay as
 * written (`{{partner.company_name}}`), with the tags' original source kept apart by number.
 * A copy whose text holds `[digits]` of its own reads them as codes: such text is not expected
 * in marketing copy, and a target that moves one is refused like any code.
 */
export interface CopyText {
  text: string;
  /** Code number → the tag's original source (`<a href="…">`, `</a>`, `<br/>`). */
  codes: ReadonlyMap<string, string>;
  /**
   * Code number → where its tag starts in the unit's source (htmlCopy's): an attribute unit
   * inside the unit (an image's `alt` within a sentence) is put back into its tag's code there.
   */
  codeOffsets?: ReadonlyMap<string, number>;
}

/** A placeholder: `{{…}}` or `{{{…}}}`, as Handlebars reads them. */
export const PLACEHOLDER = /\{\{\{?[^{}]*\}?\}\}/g;
/** A code: `[n]` opens, `[/n]` closes, `[n/]` stands alone. */
export const CODE = /\[(\/?)(\d+)(\/?)\]/g;

export type CopyPiece =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; text: string }
  | { kind: 'open' | 'close' | 'alone'; id: string };

/** The text's pieces in order: plain text, placeholders and codes. */
export function piecesOf(text: string): CopyPiece[] {
  const pieces: CopyPiece[] = [];
  const token = new RegExp(`${PLACEHOLDER.source}|${CODE.source}`, 'g');
  let at = 0;
  for (const match of text.matchAll(token)) {
    if (match.index > at) pieces.push({ kind: 'text', text: text.slice(at, match.index) });
    if (match[0].startsWith('{{')) pieces.push({ kind: 'placeholder', text: match[0] });
    else {
      const [, closing, id, alone] = match;
      pieces.push({ kind: closing ? 'close' : alone ? 'alone' : 'open', id });
    }
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}

/** Whether the text has anything to translate: words, not only placeholders, codes and space. */
export const hasWords = (text: string): boolean =>
  piecesOf(text).some((p) => p.kind === 'text' && /\p{L}/u.test(p.text));
