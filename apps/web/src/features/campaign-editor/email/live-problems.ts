import type { FieldProblem } from '../../../api/api-error';

/**
 * The problems of one email of the draft (`assets[3].subject`) with paths relative to it
 * (`subject`); problems elsewhere in the draft are left out (the email check names only its own).
 */
export function problemsOfEmail(problems: FieldProblem[], index: number): FieldProblem[] {
  const prefix = `assets[${index}].`;
  return problems.filter((p) => p.path.startsWith(prefix)).map((p) => ({ ...p, path: p.path.slice(prefix.length) }));
}

/** Two lists of problems as one, without repeats (a refused save and the live check often agree). */
export function mergeProblems(a: FieldProblem[], b: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((p) => {
    const key = `${p.path}|${p.line ?? ''}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
