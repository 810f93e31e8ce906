import type { Query } from '@tanstack/react-query';
import createQueryHooks from 'openapi-react-query';
import { ApiError } from './api-error';
import { api, type ApiPaths } from './client';

/**
 * TanStack Query hooks typed from the OpenAPI document: `$api.useQuery('get', '/launches/{id}',
 * { params: { path: { id } } })`. A query's key is its method, path and parameters
 * (`['get', '/launches/{id}', { params: … }]`), so two pages reading the same thing share one cache
 * entry without naming a key, and `$api.queryOptions(…).queryKey` finds it again.
 */
export const $api = createQueryHooks(api);

/** An API path template, or the start of one (`/partners/{partnerId}`). */
export type ApiPath = keyof ApiPaths | `/${string}`;

/**
 * Filters the cached reads of these paths and of every path under them: `under('/launches')`
 * holds the pages of `/launches`, each `/launches/{id}` and its `/progress`. What a change makes
 * stale is said by the paths it touches, whatever their parameters.
 */
export function under(...paths: ApiPath[]): { predicate: (query: Query) => boolean } {
  return {
    predicate: (query) => {
      const path = query.queryKey[1];
      return typeof path === 'string' && paths.some((p) => path === p || path.startsWith(`${p}/`));
    },
  };
}

/**
 * The data of an answer: a refusal never gets here (the client's middleware throws it as an
 * ApiError), and an answer without the body its operation documents is one too.
 */
export async function unwrap<Data>(answer: Promise<{ data?: Data; response: Response }>): Promise<Data> {
  const { data, response } = await answer;
  if (data === undefined) throw new ApiError(response, { message: 'The engine answered without a body' });
  return data;
}

/**
 * The key `$api` gives a read, for the few queries that read it their own way (a 401 answered as
 * "nobody", two requests combined): they share its cache entry and its invalidation.
 */
export function keyOf(method: 'get' | 'post', path: keyof ApiPaths, init?: object): readonly unknown[] {
  return init === undefined ? [method, path] : [method, path, init];
}

/** A read of the signed-in user's own things: `null` when nobody is signed in (the API answers 401). */
export async function orSignedOut<Data>(read: Promise<Data>): Promise<Data | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
