import { CopyText } from './copy-text';
import { targetProblems } from './target-check';
import { readXliff, XliffInline, XliffProblem } from './xliff-read';
import { placeholderIds } from './xliff-write';

/** What an import is checked against: the version's copy, per file (asset), as exported. */
export interface ExpectedXliff {
  srcLang: string;
  trgLang: string;
  /**
   * The files as written (writeXliff's), each unit's source the copy its target must match. An
   * `optional` file may be absent from the translation altogether (no unit of it), not in part.
   */
  files: Array<{ id: string; optional?: boolean; units: Array<{ id: string; source: CopyText }> }>;
}

export type XliffImport =
  { ok: true; targets: Map<string, Map<string, string>> } | { ok: false; problems: XliffProblem[] };

/** Inline pieces as marker text, placeholders resolved by their id in the source (never by what the file says they hold). */
function markerText(pieces: XliffInline[], copy: CopyText): { text: string; unknown: string[] } {
  const byId = new Map<string, string>();
  for (const [text, ids] of placeholderIds(copy.text)) for (const id of ids) byId.set(id, text);
  const unknown: string[] = [];
  const text = pieces
    .map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.kind === 'pc-open') return `[${p.id}]`;
      if (p.kind === 'pc-close') return `[/${p.id}]`;
      if (/^\d+$/.test(p.id)) return `[${p.id}/]`;
      const placeholder = byId.get(p.id);
      if (placeholder === undefined) unknown.push(p.id);
      return placeholder ?? '';
    })
    .join('');
  return { text, unknown };
}

/**
 * Checks a translated XLIFF file against the version it was exported from: the languages, every
 * unit present with a target (of an optional file, every unit once any is), each unit's source unchanged (else the file is of an older version),
 * and each target keeping its placeholders and codes (targetProblems). Answers every problem with
 * its line, or the targets (marker text) per file and unit, all or nothing.
 */
export function importXliff(xml: string, expected: ExpectedXliff): XliffImport {
  const read = readXliff(xml);
  const problems = [...read.problems];
  if (problems.length) return { ok: false, problems };
  const lang = (tag: string | null) => (tag ?? '').toLowerCase();
  if (lang(read.srcLang) !== lang(expected.srcLang))
    problems.push({
      line: read.line,
      message: `The file translates from ${read.srcLang}, not from ${expected.srcLang}`,
    });
  if (lang(read.trgLang) !== lang(expected.trgLang))
    problems.push({
      line: read.line,
      message: `The file translates into ${read.trgLang ?? 'no language'}, not ${expected.trgLang}`,
    });

  const units = new Map(expected.files.flatMap((f) => f.units.map((u) => [`${f.id}\u0000${u.id}`, u.source] as const)));
  const present = (file: ExpectedXliff['files'][number]) =>
    !file.optional || read.units.some((r) => r.file === file.id);
  // Only the files translated get targets: a caller saves a variant for each file it finds here.
  const targets = new Map(expected.files.filter(present).map((f) => [f.id, new Map<string, string>()]));
  for (const unit of read.units) {
    const copy = units.get(`${unit.file}\u0000${unit.id}`);
    const at = (line: number, message: string) => problems.push({ line, unit: unit.id, message });
    if (!copy) {
      at(unit.line, `The unit ${unit.id} of ${unit.file} is not in this version`);
      continue;
    }
    if (unit.source && markerText(unit.source, copy).text !== copy.text)
      at(unit.line, 'The source text changed since the file was exported: export the version again');
    if (!unit.target) {
      at(unit.line, 'The unit has no translation');
      continue;
    }
    const target = markerText(unit.target, copy);
    for (const id of target.unknown) at(unit.targetLine, `The placeholder <ph id="${id}"> is not in the source`);
    for (const message of targetProblems(copy.text, target.text)) at(unit.targetLine, message);
    targets.get(unit.file)?.set(unit.id, target.text);
  }
  for (const file of expected.files.filter(present))
    for (const u of file.units)
      if (!read.units.some((r) => r.file === file.id && r.id === u.id))
        problems.push({
          line: read.line,
          unit: u.id,
          message: `The unit ${u.id} of ${file.id} is missing from the file`,
        });
  return problems.length ? { ok: false, problems } : { ok: true, targets };
}
