import { CopyPiece, piecesOf } from './copy-text';

/**
 * What is wrong with a translation of `source`, in words a translator can act on: every
 * placeholder kept exactly and none added (each as often as in the source), every code kept
 * once and none added, paired codes opened before they close and nested as tags must be.
 * Empty when the target can replace the source.
 */
export function targetProblems(source: string, target: string): string[] {
  const problems: string[] = [];
  const want = piecesOf(source);
  const got = piecesOf(target);
  if (!got.some((p) => p.kind === 'text' && p.text.trim()) && want.some((p) => p.kind === 'text' && p.text.trim()))
    problems.push('The translation is empty');

  const count = (pieces: CopyPiece[], key: (p: CopyPiece) => string | null) => {
    const counts = new Map<string, number>();
    for (const p of pieces) {
      const k = key(p);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const placeholder = (p: CopyPiece) => (p.kind === 'placeholder' ? p.text : null);
  const code = (p: CopyPiece) =>
    p.kind === 'open' ? `[${p.id}]` : p.kind === 'close' ? `[/${p.id}]` : p.kind === 'alone' ? `[${p.id}/]` : null;
  for (const [label, key] of [
    ['placeholder', placeholder],
    ['code', code],
  ] as const) {
    const expected = count(want, key);
    const found = count(got, key);
    for (const [k, n] of expected) {
      const m = found.get(k) ?? 0;
      if (m < n) problems.push(`The ${label} ${k} is missing${n > 1 ? ` (${n} in the source, ${m} here)` : ''}`);
      if (m > n) problems.push(`The ${label} ${k} appears ${m} times, ${n} in the source`);
    }
    for (const k of found.keys())
      if (!expected.has(k))
        problems.push(
          label === 'placeholder'
            ? `The placeholder ${k} is not in the source: placeholders are kept exactly as written`
            : `The code ${k} is not in the source`,
        );
  }

  // Paired codes must nest: [1]…[2]…[/2]…[/1], never [1]…[2]…[/1]…[/2].
  const open: string[] = [];
  for (const p of got) {
    if (p.kind === 'open') open.push(p.id);
    if (p.kind === 'close') {
      if (open.at(-1) === p.id) open.pop();
      else if (open.includes(p.id)) {
        problems.push(`The code [/${p.id}] closes before the codes opened inside it`);
        open.splice(open.indexOf(p.id), 1);
      } else problems.push(`The code [/${p.id}] closes before [${p.id}] opens`);
    }
  }
  return [...new Set(problems)];
}
