import { CopyText, piecesOf } from './copy-text';

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

/** One file of an XLIFF document: an asset's copy (an email's MJML, a social post's text). */
export interface XliffFile {
  id: string;
  /** What the file holds, for the translator (`email welcome`). */
  original: string;
  units: Array<{ id: string; source: CopyText; target?: string }>;
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Marker text as XLIFF 2.0 inline content: each paired code a `<pc>` pointing at its tags in
 * `originalData`, a single code a `<ph>`, each placeholder a `<ph>` whose `equiv` and `disp`
 * show it as written (`p1`, `p2`… in the order of the source's placeholders), so a translator's
 * tool protects all of them.
 */
function inline(copy: CopyText, text: string): string {
  const ids = placeholderIds(copy.text);
  const used = new Map<string, number>();
  return piecesOf(text)
    .map((p) => {
      if (p.kind === 'text') return xml(p.text);
      if (p.kind === 'placeholder') {
        const nth = used.get(p.text) ?? 0;
        used.set(p.text, nth + 1);
        const id = ids.get(p.text)?.[nth];
        // A target is written only once checked against its source (importXliff): one naming a
        // placeholder the source lacks is a caller's mistake, never given an id of its own.
        if (!id) throw new Error(`${p.text} is not one of the source's placeholders`);
        return `<ph id="${id}" dataRef="d${id}" equiv="${xml(p.text)}" disp="${xml(p.text)}"/>`;
      }
      if (p.kind === 'alone') return `<ph id="${p.id}" dataRef="d${p.id}"/>`;
      if (p.kind === 'open') return `<pc id="${p.id}" dataRefStart="d${p.id}" dataRefEnd="d${p.id}e">`;
      return '</pc>';
    })
    .join('');
}

/** Each placeholder's ids in the source, by its text: `p1`, `p2`… in source order. */
export function placeholderIds(source: string): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  let n = 0;
  for (const p of piecesOf(source))
    if (p.kind === 'placeholder') ids.set(p.text, [...(ids.get(p.text) ?? []), `p${++n}`]);
  return ids;
}

function originalData(copy: CopyText): string[] {
  const data: string[] = [];
  for (const [key, tag] of copy.codes)
    data.push(`<data id="d${key.startsWith('/') ? `${key.slice(1)}e` : key}">${xml(tag)}</data>`);
  let n = 0;
  for (const p of piecesOf(copy.text))
    if (p.kind === 'placeholder') data.push(`<data id="dp${++n}">${xml(p.text)}</data>`);
  return data;
}

/**
 * An XLIFF 2.0 document (core only): one `<file>` per asset, one `<unit>` per unit of copy with
 * one `<segment>`, its `<target>` when a translation exists (a variant already saved).
 */
export function writeXliff(doc: { srcLang: string; trgLang: string; files: XliffFile[] }): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NAMESPACE}" version="2.0" srcLang="${xml(doc.srcLang)}" trgLang="${xml(doc.trgLang)}">`,
  ];
  for (const file of doc.files) {
    lines.push(`  <file id="${xml(file.id)}" original="${xml(file.original)}">`);
    for (const unit of file.units) {
      lines.push(`    <unit id="${xml(unit.id)}">`);
      const data = originalData(unit.source);
      if (data.length) lines.push('      <originalData>', ...data.map((d) => `        ${d}`), '      </originalData>');
      lines.push('      <segment>');
      lines.push(`        <source>${inline(unit.source, unit.source.text)}</source>`);
      if (unit.target !== undefined) lines.push(`        <target>${inline(unit.source, unit.target)}</target>`);
      lines.push('      </segment>', '    </unit>');
    }
    lines.push('  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}
