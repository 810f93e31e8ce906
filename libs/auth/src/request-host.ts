import type { Request } from 'express';

/**
 * The host a request came to, without its port: Express's `hostname`, which reads
 * X-Forwarded-Host only when the connection comes from a proxy TRUST_PROXY trusts (the
 * API sets Express's "trust proxy" from it), and the Host header otherwise.
 */
export function requestHost(request: Pick<Request, 'hostname'>): string | undefined {
  return request.hostname;
}
