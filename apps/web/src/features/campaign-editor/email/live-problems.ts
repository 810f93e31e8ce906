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

/** An email's problems as one request answered them, with the revision of the text it sent (each edit is one more). */
export interface ProblemsAnswer {
  revision: number;
  problems: FieldProblem[];
}

/** The answer to keep when another arrives: the one about the later text, whatever order they arrive in. */
export function newerAnswer(kept: ProblemsAnswer | null, arrived: ProblemsAnswer | null): ProblemsAnswer | null {
  if (!kept || !arrived) return kept ?? arrived;
  return arrived.revision > kept.revision ? arrived : kept;
}

/**
 * The email's problems as the newest request answered them: a refused save's until a check of
 * a later text answers (fixing the MJML clears them without saving again), the live check's
 * after; both about the same text, they agree and show once.
 */
export function currentProblems(check: ProblemsAnswer | null, save: ProblemsAnswer | null): FieldProblem[] {
  if (!save) return check?.problems ?? [];
  if (!check || save.revision > check.revision) return save.problems;
  if (check.revision > save.revision) return check.problems;
  return mergeProblems(check.problems, save.problems);
}
