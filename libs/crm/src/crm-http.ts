import { CrmError, CrmMaybeWritten, CrmRateLimited, CrmRejected, CrmUnauthorized, CrmUnavailable } from './crm-errors';

/** When a 429 names no wait: HubSpot's limits are counted per ten seconds. */
export const DEFAULT_CRM_RETRY_AFTER_SECONDS = 10;
const MESSAGE_MAX = 300;

export interface CrmHttpCall {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  /** True when the call writes: without an answer it may have happened (CrmMaybeWritten). */
  writes?: boolean;
  /** Statuses answered to the caller rather than thrown (409 for a contact that exists). */
  accept?: number[];
  /**
   * A CRM's own reading of a failed answer, ahead of the status codes' (Salesforce says it is
   * rate limited with a 403 and an error code); undefined leaves it to them.
   */
  classify?: (status: number, body: unknown, message: string, headers: Headers) => CrmError | undefined;
}

export interface CrmAnswer {
  status: number;
  body: unknown;
}

function messageOf(body: unknown, status: number): string {
  // Salesforce answers a list of { errorCode, message }.
  if (Array.isArray(body) && body.length && body[0] && typeof body[0] === 'object') {
    const first = body[0] as { errorCode?: unknown; message?: unknown };
    const text = [first.errorCode, first.message].filter((v) => typeof v === 'string' && v).join(': ');
    if (text) return text.slice(0, MESSAGE_MAX);
  }
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const text = [b.message, b.error_description, typeof b.error === 'string' ? b.error : undefined].find(
      (v) => typeof v === 'string' && v,
    );
    if (typeof text === 'string') return text.slice(0, MESSAGE_MAX);
  }
  if (typeof body === 'string' && body) return body.slice(0, MESSAGE_MAX);
  return `HTTP ${status}`;
}

/** Seconds from Retry-After (seconds or a date), else the default. */
export function crmRetryAfter(
  headers: Headers,
  nowMs: number,
  fallback: number = DEFAULT_CRM_RETRY_AFTER_SECONDS,
): number {
  const value = headers.get('retry-after')?.trim();
  if (value) {
    if (/^\d+$/.test(value)) return Math.max(1, Number(value));
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - nowMs) / 1000));
  }
  return fallback;
}

/**
 * One call to a CRM, its failures as the typed CRM errors: 401 unauthorized, 429 rate limited,
 * another 4xx rejected, a 5xx or no answer "maybe written" for a writing call (refused
 * connections excepted: nothing left) and unavailable for any other.
 */
export async function crmRequest(
  crm: string,
  call: CrmHttpCall,
  timeoutMs: number,
  nowMs: () => number,
): Promise<CrmAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    text = await response.text();
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    const what =
      (e as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : (cause?.code ?? (e as Error).message);
    if (call.writes && cause?.code !== 'ECONNREFUSED')
      throw new CrmMaybeWritten(`${crm}: ${what}; the record may have been written`);
    throw new CrmUnavailable(`${crm}: ${what}`);
  }
  let body: unknown = text;
  if (text && (response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (response.ok || call.accept?.includes(response.status)) return { status: response.status, body };
  const message = `${crm}: ${messageOf(body, response.status)}`;
  const own = call.classify?.(response.status, body, message, response.headers);
  if (own) throw own;
  if (response.status === 401) throw new CrmUnauthorized(message);
  if (response.status === 429) throw new CrmRateLimited(message, crmRetryAfter(response.headers, nowMs()));
  if (response.status >= 400 && response.status < 500) throw new CrmRejected(message);
  if (call.writes) throw new CrmMaybeWritten(`${message}; the record may have been written`);
  throw new CrmUnavailable(message);
}
