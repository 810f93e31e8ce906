import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './api-error';
import type { paths } from './schema';

/** Methods that change something: the API wants the session's CSRF token on each (cookie sessions). */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/** The signed-in session's CSRF token, from sign-in or GET /auth/session; null once signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The one place the CSRF defence is applied: every unsafe request carries the session's token. */
const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && UNSAFE.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/**
 * The headers the middlewares below add, for the one request the typed client cannot make
 * (an upload that reports its progress: api/upload.ts): the CSRF token and the concierge header.
 */
export function sessionHeaders(method: string): Record<string, string> {
  const partnerId = actingFor();
  return {
    ...(csrfToken && UNSAFE.has(method) ? { 'X-CSRF-Token': csrfToken } : {}),
    ...(partnerId ? { 'X-Acting-For': partnerId } : {}),
  };
}

/** Where the tab keeps the partner a vendor user acts for, so a reload stays in concierge mode. */
const ACTING_FOR_KEY = 'tcma.actingFor';

/**
 * The partner a vendor user acts for in this tab (concierge mode: the API treats each request as
 * the partner's, and records it in the partner's audit log); null when acting as oneself.
 */
export function actingFor(): string | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(ACTING_FOR_KEY);
}

export function setActingFor(partnerId: string | null): void {
  if (partnerId) sessionStorage.setItem(ACTING_FOR_KEY, partnerId);
  else sessionStorage.removeItem(ACTING_FOR_KEY);
}

/** Concierge mode: every request of the tab says for whom (X-Acting-For), or none. */
const concierge: Middleware = {
  onRequest({ request }) {
    const partnerId = actingFor();
    if (partnerId) request.headers.set('X-Acting-For', partnerId);
    return request;
  },
};

/**
 * Every answer that is not a success becomes an ApiError (its status, the API's message, field
 * problems and request id), thrown here once: no caller checks a response, and TanStack Query
 * sees a failed read or write as what it is.
 */
const refusals: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    const text = await response.clone().text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    throw new ApiError(response, body);
  },
};

/** What any operation may answer besides its documented success: the refusal the client throws. */
interface Refusal {
  headers: { [name: string]: unknown };
  content: { 'application/json': ApiError };
}
type WithRefusal<Operation> = Operation extends { responses: infer R }
  ? Omit<Operation, 'responses'> & { responses: R & { default: Refusal } }
  : Operation;

/**
 * The API's paths as the client answers them: the document lists each operation's success (and
 * rarely its refusals), so the one refusal every operation may answer, an ApiError, is added here
 * and becomes the error type of every query and mutation.
 */
export type ApiPaths = {
  [Path in keyof paths]: {
    [Key in keyof paths[Path]]: Key extends 'parameters' ? paths[Path][Key] : WithRefusal<paths[Path][Key]>;
  };
};

/**
 * The only way the browser talks to the engine: typed from the API's own OpenAPI document
 * (regenerate with `npm run openapi`). Same origin: the API serves this app, and in
 * development Vite passes API paths on to it. The session cookie goes with every request.
 */
export const api = createClient<ApiPaths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf, concierge, refusals);

export type { components, operations, paths } from './schema';
