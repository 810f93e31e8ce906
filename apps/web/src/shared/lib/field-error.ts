import { ApiError } from '../../api/api-error';

/** The API's own message for one field of a failed request, to show next to that field. */
export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.problems.find((p) => p.path === path)?.message : undefined;
}

/** The request's message when no field carries it (shown above the form). */
export function formError(error: unknown, fields: string[]): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.problems.length && error.problems.every((p) => fields.includes(p.path)))
    return undefined;
  return error instanceof Error ? error.message : 'Something went wrong';
}
