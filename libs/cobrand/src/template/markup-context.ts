/**
 * Where in the markup a template expression sits, so a partner value can be checked and
 * escaped for exactly that place: element text, an attribute value, a style sheet, or
 * (never allowed) loose inside a tag.
 */
export type MarkupContext =
  | { kind: 'text' }
  | { kind: 'comment' }
  | { kind: 'css' }
  | { kind: 'tag'; tag: string }
  /** `prefix` is the attribute's value before the expression. */
  | { kind: 'attribute'; tag: string; attribute: string; prefix: string };

const STYLE_ELEMENTS = new Set(['mj-style', 'style']);

type State = 'text' | 'tag' | 'value' | 'comment' | 'css';

/**
 * Scans the markup once and reports the context at each of the given offsets. Template
 * expressions (the `skip` ranges) are opaque: quotes or brackets inside them do not count.
 */
export function markupContexts(
  source: string,
  skip: ReadonlyArray<readonly [number, number]>,
  offsets: readonly number[],
): Map<number, MarkupContext> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const result = new Map<number, MarkupContext>();
  let w = 0;
  let s = 0;
  let state: State = 'text';
  let tag = '';
  let closingTag = false;
  let attribute = '';
  let pendingAttribute = '';
  let quote = '';
  let valueText = '';

  const contextHere = (): MarkupContext => {
    switch (state) {
      case 'text':
        return { kind: 'text' };
      case 'comment':
        return { kind: 'comment' };
      case 'css':
        return { kind: 'css' };
      case 'tag':
        return { kind: 'tag', tag };
      case 'value':
        return { kind: 'attribute', tag, attribute, prefix: valueText };
    }
  };

  let i = 0;
  while (i <= source.length) {
    while (w < wanted.length && wanted[w] <= i) {
      if (wanted[w] === i) result.set(i, contextHere());
      w++;
    }
    if (i === source.length) break;
    while (s < skip.length && skip[s][1] <= i) s++;
    if (s < skip.length && skip[s][0] <= i) {
      // An expression: opaque, but inside an attribute value it is part of the value.
      if (state === 'value') valueText += source.slice(i, skip[s][1]);
      i = skip[s][1];
      continue;
    }
    const c = source[i];
    switch (state) {
      case 'text': {
        if (source.startsWith('<!--', i)) {
          state = 'comment';
          i += 4;
          continue;
        }
        const m = /^<(\/?)([A-Za-z][\w:-]*)/.exec(source.slice(i, i + 64));
        if (m) {
          closingTag = m[1] === '/';
          tag = m[2].toLowerCase();
          pendingAttribute = '';
          state = 'tag';
          i += m[0].length;
          continue;
        }
        break;
      }
      case 'comment':
        if (source.startsWith('-->', i)) {
          state = 'text';
          i += 3;
          continue;
        }
        break;
      case 'css': {
        const close = /^<\/(mj-style|style)\s*>/i.exec(source.slice(i, i + 20));
        if (close) {
          state = 'text';
          i += close[0].length;
          continue;
        }
        break;
      }
      case 'tag': {
        if (c === '>') {
          const selfClosing = source[i - 1] === '/';
          state = !closingTag && !selfClosing && STYLE_ELEMENTS.has(tag) ? 'css' : 'text';
        } else if (c === '"' || c === "'") {
          quote = c;
          attribute = pendingAttribute;
          valueText = '';
          state = 'value';
        } else if (/[A-Za-z_:-]/.test(c)) {
          const m = /^[A-Za-z_:][\w:.-]*/.exec(source.slice(i, i + 64));
          if (m) {
            pendingAttribute = m[0].toLowerCase();
            i += m[0].length;
            continue;
          }
        }
        break;
      }
      case 'value':
        if (c === quote) {
          state = 'tag';
          pendingAttribute = '';
        } else {
          valueText += c;
        }
        break;
    }
    i++;
  }
  return result;
}
