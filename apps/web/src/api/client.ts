import createClient, { type Middleware } from 'openapi-fetch';
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
 * The only way the browser talks to the engine: typed from the API's own OpenAPI document
 * (regenerate with `npm run openapi`). Same origin: the API serves this app, and in
 * development Vite passes API paths on to it. The session cookie goes with every request.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

export type { components, operations, paths } from './schema';
