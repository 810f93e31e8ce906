import { ApiError, type FieldProblem } from '../../api/api-error';
import type { TFunction } from '../../shared/i18n';

/** Whether a problem's path is at `path` or inside it (`tags` holds `tags[2]`, `slots[0]` holds `slots[0].name`). */
const isUnder = (problemPath: string, path: string) =>
  problemPath === path || problemPath.startsWith(`${path}[`) || problemPath.startsWith(`${path}.`);

const problemsOf = (error: unknown): FieldProblem[] => (error instanceof ApiError ? error.problems : []);

/** One problem as a person reads it: with its line when it is in a template (the message is the API's own). */
export const describeProblem = (t: TFunction<'campaign-editor'>, p: FieldProblem): string =>
  p.line ? t('campaign-editor:problems.atLine', { line: p.line, message: p.message }) : p.message;

/** The messages of a list of problems at one path, joined, with their lines; undefined when none. */
export function messageIn(t: TFunction<'campaign-editor'>, problems: FieldProblem[], path: string): string | undefined {
  const found = problems.filter((p) => isUnder(p.path, path));
  return found.length ? found.map((p) => describeProblem(t, p)).join(' · ') : undefined;
}

/** The API's messages at a path of a refused request, to show under its field. */
export const messageAt = (t: TFunction<'campaign-editor'>, error: unknown, path: string): string | undefined =>
  messageIn(t, problemsOf(error), path);

/** The problems no field of the form shows (a path it has none for), to list above it. */
export function otherProblems(error: unknown, paths: string[]): FieldProblem[] {
  return problemsOf(error).filter((p) => !paths.some((path) => isUnder(p.path, path)));
}

/** The refusal's own message, when it names no field (field problems show where they belong). */
export function headline(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return problemsOf(error).length ? undefined : error.message;
}

/**
 * The problems of one item of a list the API checked as a whole (`assets[3].mjml`) with paths
 * relative to it (`mjml`), with those the request's own fields have (`mjml`); and the rest.
 */
export function problemsOfItem(
  error: unknown,
  prefix: string,
  fields: string[],
): { mine: FieldProblem[]; others: FieldProblem[] } {
  const mine: FieldProblem[] = [];
  const others: FieldProblem[] = [];
  for (const p of problemsOf(error)) {
    const relative = p.path.startsWith(`${prefix}.`) ? p.path.slice(prefix.length + 1) : p.path;
    if (fields.some((f) => isUnder(relative, f))) mine.push({ ...p, path: relative });
    else others.push(p);
  }
  return { mine, others };
}
