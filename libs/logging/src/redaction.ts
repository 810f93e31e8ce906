/**
 * What never reaches a log line: credentials and the tokens that act as capabilities (an
 * unsubscribe link unsubscribes whoever holds it, a set-password link sets a password).
 * Structured fields are cut by name (REDACTED_PATHS, pino's `redact`); free text and request
 * addresses are scrubbed by shape here.
 */
export const REDACTED = '[redacted]';

/** Field names (any case) whose values are secrets wherever they appear in a logged object. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'token',
  'secret',
  'smtpurl',
  'smtppassword',
  'dkimprivatekey',
  'signingsecret',
  'metricstoken',
  'csrf',
  'x-csrf-token',
]);

/** How deep into a logged object secret fields are looked for (`req.headers.cookie` is three). */
const MAX_DEPTH = 4;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Error) &&
  !(v instanceof Date) &&
  !Buffer.isBuffer(v);

/**
 * A logged object with the values of secret fields replaced, and secrets scrubbed from its
 * text values (copied only where something changes; the same object otherwise). This does
 * what pino's `redact` paths would, at a fraction of their cost per line: an access line,
 * a handful of plain fields, costs a few key lookups.
 */
export function redactFields<T>(value: T, depth = 0): T {
  if (!isPlainObject(value) || depth >= MAX_DEPTH) return value;
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(value)) {
    const v = value[key];
    const next =
      SECRET_FIELDS.has(key.toLowerCase()) && v !== undefined && v !== null
        ? REDACTED
        : typeof v === 'string'
          ? scrubText(v)
          : isPlainObject(v)
            ? redactFields(v, depth + 1)
            : v;
    if (next !== v) (copy ??= { ...value })[key] = next;
  }
  return (copy ?? value) as T;
}

/**
 * Path prefixes whose next segments are capabilities: the unsubscribe token, a sender
 * confirmation, the web app's invitation and set-password pages, and the signatures of
 * tracked links (the send reference before them is not secret and stays).
 */
const CAPABILITY_PATHS: Array<[RegExp, string]> = [
  [/^\/u\/[^/?#]+/, `/u/${REDACTED}`],
  [/^\/sender-confirmations\/[^/?#]+/, `/sender-confirmations/${REDACTED}`],
  [/^\/(invitations|reset-password)\/[^/?#]+/, `/$1/${REDACTED}`],
  [/^\/user-invitations\/[^/?#]+/, `/user-invitations/${REDACTED}`],
  [/^\/c\/([^/?#]+)\/([^/?#]+)\/[^/?#]+/, `/c/$1/$2/${REDACTED}`],
  [/^\/o\/([^/?#]+)\/[^/?#]+/, `/o/$1/${REDACTED}`],
  [/^\/v\/([^/?#]+)\/[^/?#]+/, `/v/$1/${REDACTED}`],
];

/** Query parameters whose values are secrets. */
const SECRET_QUERY = /^(token|access_token|sig|signature|password|secret|code|key|api_key|apikey)$/i;

/** A request's address as it may be logged: capability segments and secret query values replaced. */
export function redactRequestUrl(url: string): string {
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  for (const [pattern, replacement] of CAPABILITY_PATHS) {
    if (pattern.test(path)) {
      path = path.replace(pattern, replacement);
      break;
    }
  }
  if (q === -1) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && SECRET_QUERY.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Shapes of secrets inside free text: URL passwords (SMTP and database URLs), bearer tokens, capability links. */
const TEXT_SECRETS: Array<[RegExp, string]> = [
  // scheme://user:password@host: keep the user, hide the password.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):[^\s@/?#]*@/gi, `$1:${REDACTED}@`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  [/\/(u|sender-confirmations|invitations|reset-password|user-invitations)\/[A-Za-z0-9._~%-]{8,}/g, `/$1/${REDACTED}`],
];

/** Free text (a message, an error) with the secrets it may quote replaced. Returns the same string when there is none. */
export function scrubText(text: string): string {
  // The common case, a line with no URL or credential in it, costs one scan.
  if (!/:\/\/|Bearer|Basic|\/(u|sender-confirmations|invitations|reset-password|user-invitations)\//.test(text))
    return text;
  let out = text;
  for (const [pattern, replacement] of TEXT_SECRETS) out = out.replace(pattern, replacement);
  return out;
}
