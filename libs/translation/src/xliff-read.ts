import { SaxesParser, SaxesTagNS } from 'saxes';
import { XLIFF_NAMESPACE } from './xliff-write';

/** A problem with an imported file, at its line (1-based). */
export interface XliffProblem {
  line: number;
  unit?: string;
  message: string;
}

/** A unit's source or target as read: text and inline elements by their ids. */
export type XliffInline =
  | { kind: 'text'; text: string }
  | { kind: 'ph'; id: string }
  | { kind: 'pc-open'; id: string }
  | { kind: 'pc-close'; id: string };

export interface XliffUnitRead {
  file: string;
  id: string;
  line: number;
  source: XliffInline[] | null;
  target: XliffInline[] | null;
  targetLine: number;
}

export interface XliffRead {
  srcLang: string | null;
  trgLang: string | null;
  /** The line of the `<xliff>` element, where the languages are declared. */
  line: number;
  units: XliffUnitRead[];
  problems: XliffProblem[];
}

/** Elements whose content the reader keeps; everything else of XLIFF 2.0 core is read past. */
const INLINE = new Set(['ph', 'pc']);

/**
 * Reads an XLIFF 2.0 document (what writeXliff writes, as a translator's tool returns it): its
 * languages and each unit's source and target as inline pieces. A file that is not well-formed
 * XML, not XLIFF 2.0, or uses inline elements the engine does not write (`sc`/`ec`, `mrk`) is
 * a problem at its line; segments beyond the first of a unit are joined, as tools that split
 * sentences return them.
 */
export function readXliff(xml: string): XliffRead {
  const read: XliffRead = { srcLang: null, trgLang: null, line: 1, units: [], problems: [] };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let file = '';
  let unit: XliffUnitRead | null = null;
  let into: XliffInline[] | null = null;
  const stack: string[] = [];
  const problem = (message: string) => read.problems.push({ line: parser.line, unit: unit?.id, message });

  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = tag.local;
    const attr = (n: string) => tag.attributes[n]?.value;
    stack.push(name);
    if (tag.uri !== XLIFF_NAMESPACE) {
      if (!into) return;
      return problem(`<${tag.name}> is not XLIFF 2.0 inline content`);
    }
    if (name === 'xliff') {
      if (attr('version') !== '2.0') problem(`The file is XLIFF ${attr('version') ?? 'without a version'}, not 2.0`);
      read.line = parser.line;
      read.srcLang = attr('srcLang') ?? null;
      read.trgLang = attr('trgLang') ?? null;
    } else if (name === 'file') file = attr('id') ?? '';
    else if (name === 'unit') {
      unit = { file, id: attr('id') ?? '', line: parser.line, source: null, target: null, targetLine: parser.line };
      read.units.push(unit);
    } else if ((name === 'source' || name === 'target') && unit && stack.at(-2) === 'segment') {
      const pieces = unit[name] ?? [];
      unit[name] = pieces;
      if (name === 'target') unit.targetLine = parser.line;
      into = pieces;
    } else if (into) {
      const id = attr('id') ?? '';
      if (!INLINE.has(name)) problem(`<${name}> is not used by the engine's files: keep the inline codes as exported`);
      else if (name === 'ph') into.push({ kind: 'ph', id });
      else into.push({ kind: 'pc-open', id });
    }
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (!into) return;
    if (tag.local === 'pc') into.push({ kind: 'pc-close', id: tag.attributes.id?.value ?? '' });
    if (tag.local === 'source' || tag.local === 'target') into = null;
  });
  parser.on('text', (text) => into?.push({ kind: 'text', text }));
  parser.on('cdata', (text) => into?.push({ kind: 'text', text }));
  parser.on('error', (e) => {
    // The first is the one to fix: the rest follow from it.
    if (read.problems.some((p) => p.message.startsWith('Not well-formed'))) return;
    read.problems.push({
      line: parser.line,
      message: `Not well-formed XML: ${e.message.replace(/^[^:]*:\d+:\d+: /, '')}`,
    });
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (!read.problems.some((p) => p.message.startsWith('Not well-formed')))
      read.problems.push({ line: parser.line, message: `Not well-formed XML: ${(e as Error).message}` });
  }
  // Past a well-formedness error nothing read can be trusted.
  if (read.problems.some((p) => p.message.startsWith('Not well-formed'))) read.units = [];
  if (!read.problems.length && read.srcLang === null)
    read.problems.push({ line: 1, message: 'The file is not XLIFF 2.0' });
  return read;
}
