import type { Problem } from '@tcma/errors';
import type { TemplateAnalysis } from './template-analysis';

/** Elements that run code, embed other documents or redirect: mail clients drop them. */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'portal',
]);
/** Address schemes that run code where a browser follows or loads them. */
const SCRIPT_SCHEME = /(^|url\(['"]?)(javascript|vbscript|livescript):/;
/** CSS that runs code in some engines (old Internet Explorer, old Firefox). */
const SCRIPTED_CSS = /expression\s*\(|-moz-binding|behavior\s*:/i;
/** Attributes that are only ever read as text, where "javascript:" is just a word. */
const TEXT_ATTRIBUTE = /^(alt|title|aria-.*)$/;
const NAMED_REFERENCES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  lpar: '(',
  rpar: ')',
  quot: '"',
  apos: "'",
  amp: '&',
};

const WHY = 'emails cannot hold active content (mail clients remove it, and previews must never run it)';

/** An attribute value as a browser reads it: references decoded, whitespace and controls (which URL parsing drops) removed. */
function asBrowserReads(value: string): string {
  const decoded = value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] !== '#') return NAMED_REFERENCES[ref.toLowerCase()] ?? m;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
  // eslint-disable-next-line no-control-regex
  return decoded.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
}

/**
 * Finds scripts, event handlers, javascript: addresses and other active content in a markup
 * template, with their lines. Template expressions are opaque (partner and prospect values are
 * escaped and checked where they land); everything else the vendor wrote counts, comments too.
 */
export function activeContentProblems(analysis: TemplateAnalysis): Problem[] {
  const { source, lines } = analysis;
  // Expressions blanked out, keeping offsets: what is left is what reaches the HTML as written.
  let text = '';
  let cursor = 0;
  for (const [start, end] of analysis.mustacheRanges) {
    if (start < cursor) continue;
    text += source.slice(cursor, start) + source.slice(start, end).replace(/[^\n]/g, ' ');
    cursor = end;
  }
  text += source.slice(cursor);

  const problems: Problem[] = [];
  const add = (offset: number, message: string) =>
    problems.push({ path: '', line: lines.lineOf(offset), message: `${message}: ${WHY}` });
  const tag = /<([A-Za-z][\w:-]*)/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const name = m[1].toLowerCase();
    const attributes: Array<{ name: string; value: string; at: number }> = [];
    let i = m.index + m[0].length;
    // Attributes up to the tag's end; quoted values may hold ">".
    while (i < text.length && text[i] !== '>') {
      const attribute = /^[\s/]*([^\s"'>/=]+)(\s*=\s*("([^"]*)"|'([^']*)'|[^\s"'>]+))?/.exec(text.slice(i, i + 8192));
      if (!attribute || attribute[0].length === 0) {
        i++;
        continue;
      }
      attributes.push({
        name: attribute[1].toLowerCase(),
        value: attribute[4] ?? attribute[5] ?? attribute[3] ?? '',
        at: i,
      });
      i += attribute[0].length;
    }
    tag.lastIndex = i;
    if (ACTIVE_ELEMENTS.has(name)) add(m.index, `<${name}> is not allowed`);
    if (name === 'meta' && attributes.some((a) => a.name === 'http-equiv' && /refresh/i.test(a.value)))
      add(m.index, 'A <meta http-equiv="refresh"> is not allowed');
    for (const a of attributes) {
      if (/^on[a-z]/.test(a.name)) add(a.at, `The event handler ${a.name}="…" is not allowed`);
      else if (!TEXT_ATTRIBUTE.test(a.name) && SCRIPT_SCHEME.test(asBrowserReads(a.value)))
        add(a.at, `A javascript: (or vbscript:) address in ${a.name} is not allowed`);
      else if (SCRIPTED_CSS.test(a.value))
        add(a.at, `CSS that runs code (expression(), behavior, -moz-binding) in ${a.name} is not allowed`);
    }
    if (name === 'mj-style' || name === 'style') {
      const close = new RegExp(`</${name}\\s*>`, 'i').exec(text.slice(i));
      const css = text.slice(i, close ? i + close.index : text.length);
      const script = /url\(\s*['"]?\s*(javascript|vbscript):/i.exec(css.replace(/\\/g, ''));
      if (script) add(i + script.index, 'A javascript: address in a style sheet is not allowed');
      const scripted = SCRIPTED_CSS.exec(css);
      if (scripted) add(i + scripted.index, 'CSS that runs code (expression(), behavior, -moz-binding) is not allowed');
    }
  }
  return problems;
}
