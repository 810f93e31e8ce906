import { ApiError, type FieldProblem } from '../../../api/api-error';

/**
 * The API's problems with paths relative to the sequence: PUT …/sequence answers 400 with
 * `steps[0].wait.time` and 422 with `sequence.steps[0].wait.time`; the timeline says
 * `sequence.steps[0]…` too. The form shows both at the same field.
 */
export function sequenceProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.problems.map((p) =>
    p.path === 'sequence' || p.path.startsWith('sequence.') ? { ...p, path: p.path.replace(/^sequence\.?/, '') } : p,
  );
}

/** Whether a problem belongs to a field of the steps or exit rules (the form shows it there). */
export const isAtField = (p: FieldProblem, stepCount: number): boolean =>
  /^exit\.(clickedLink|converted)$/.test(p.path) ||
  Array.from({ length: stepCount }, (_, i) => `steps[${i}].`).some(
    (prefix) => p.path.startsWith(prefix) || p.path === prefix.slice(0, -1),
  );
