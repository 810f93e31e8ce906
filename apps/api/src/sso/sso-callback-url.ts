import { requestHost } from '@tcma/auth';
import type { HostVendor } from '@tcma/vendor-hosts';
import type { Request } from 'express';

/** Where identity providers send the browser back (registered at the provider as a redirect URI). */
export const CALLBACK_PATH = '/auth/sso/callback';

/**
 * The callback on the host the sign-in started at: a vendor's verified host name keeps the
 * browser there (its cookies are that host's), the generic host uses PUBLIC_BASE_URL.
 */
export function callbackUrl(req: Request, publicBaseUrl: string, hostVendor: HostVendor | null): string {
  const base = new URL(publicBaseUrl);
  return hostVendor ? `${base.protocol}//${requestHost(req)}${CALLBACK_PATH}` : new URL(CALLBACK_PATH, base).href;
}

/** The origin sign-ins come back to: a vendor's verified host name's, or PUBLIC_BASE_URL's. */
export function returnOrigin(req: Request, publicBaseUrl: string, hostVendor: HostVendor | null): string {
  const base = new URL(publicBaseUrl);
  return hostVendor ? `${base.protocol}//${requestHost(req)}` : base.origin;
}
