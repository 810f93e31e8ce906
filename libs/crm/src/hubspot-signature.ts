import { createHmac, timingSafeEqual } from 'node:crypto';

/** A webhook request older than this is refused (HubSpot's own advice), so a captured one cannot be replayed later. */
export const HUBSPOT_SIGNATURE_MAX_AGE_MS = 5 * 60_000;

/**
 * HubSpot's request signature v3: base64 of HMAC-SHA256, keyed with the app's client secret,
 * over the method, the full URI it called, the raw body and the timestamp header.
 */
export function hubspotSignature(secret: string, method: string, uri: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${method}${uri}${body}${timestamp}`).digest('base64');
}

export function hubspotSignatureValid(
  secret: string,
  request: { method: string; uri: string; body: string; timestamp: string | undefined; signature: string | undefined },
  nowMs: number,
): boolean {
  if (!request.timestamp || !request.signature || !/^\d{1,16}$/.test(request.timestamp)) return false;
  if (Math.abs(nowMs - Number(request.timestamp)) > HUBSPOT_SIGNATURE_MAX_AGE_MS) return false;
  const expected = Buffer.from(hubspotSignature(secret, request.method, request.uri, request.body, request.timestamp));
  const given = Buffer.from(request.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
