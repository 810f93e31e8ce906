/**
 * Where a visitor goes once signed in: the deep link they opened signed out. It travels as the
 * `next` query parameter of the sign-in, password-reset and invitation pages, and the tab also
 * remembers it (sessionStorage) so a link of the flow opened in the same tab without it (an
 * invitation pasted from an email) still ends there. Only the app's own paths are ever followed:
 * never another origin, a protocol-relative `//host`, or a page of the sign-in flow itself.
 */

/** The query parameter carrying the deep link. */
export const NEXT_PARAM = 'next';

/** Where the tab remembers it (sessionStorage: this tab only, gone when it closes). */
const STORAGE_KEY = 'tcma.next';

/** Longer than any of the app's addresses: anything longer is not one of them. */
const MAX_LENGTH = 2000;

/** An origin no real address has: a path resolved against it that lands elsewhere is refused. */
const PROBE = 'https://app.invalid';

/** The sign-in flow's own pages: going back to one after signing in would loop. */
const FLOW = ['/sign-in', '/reset-password', '/invitations'];

/** `value` when it is a path of this app to open after signing in; otherwise null. */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_LENGTH) return null;
  // One leading slash, then not a second one (protocol-relative), and no backslash, control
  // character or space anywhere (browsers read `/\host` as `//host` and drop tabs and newlines).
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  if (/[\\\s]/.test(value) || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  let url: URL;
  try {
    url = new URL(value, PROBE);
  } catch {
    return null;
  }
  if (url.origin !== PROBE) return null;
  // An encoded slash must not turn into a second one when a router decodes the path.
  if (/^\/(?:%2f|%5c)/i.test(url.pathname) || url.pathname.startsWith('//')) return null;
  if (FLOW.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `path` with the deep link as its `next` parameter, when it is a safe one. */
export function withNext(path: string, next: string | null | undefined): string {
  const safe = safeNextPath(next);
  return safe ? `${path}?${new URLSearchParams({ [NEXT_PARAM]: safe }).toString()}` : path;
}

/** The deep link in an address's query (`location.search`), when it is a safe one. */
export function nextFromSearch(search: string): string | null {
  return safeNextPath(new URLSearchParams(search).get(NEXT_PARAM));
}

/** Keeps the deep link for this tab (a safe one only). */
export function rememberNext(path: string): void {
  const safe = safeNextPath(path);
  if (safe && typeof sessionStorage !== 'undefined') sessionStorage.setItem(STORAGE_KEY, safe);
}

/** The tab's remembered deep link, forgotten as it is read; null when none (or not a safe one). */
export function takeNext(): string | null {
  if (typeof sessionStorage === 'undefined') return null;
  const value = sessionStorage.getItem(STORAGE_KEY);
  sessionStorage.removeItem(STORAGE_KEY);
  return safeNextPath(value);
}

/** Forgets the tab's remembered deep link (signing out). */
export function forgetNext(): void {
  if (typeof sessionStorage !== 'undefined') sessionStorage.removeItem(STORAGE_KEY);
}
