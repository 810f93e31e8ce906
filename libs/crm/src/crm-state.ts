import type { Signer } from '@tcma/signing';

/** How long a connection may stay at the CRM's authorization page before its state is void. */
export const CRM_STATE_TTL_MS = 10 * 60_000;

/** What connecting keeps between its start and the CRM's redirect, in a sealed cookie of the browser that started it. */
export interface CrmState {
  provider: string;
  vendorId: string;
  partnerId: string | null;
  userId: string | null;
  state: string;
  codeVerifier: string;
  expiresAt: number;
}

// The prefix keeps a sealed value of another kind (an SSO state, a password) from passing as one.
const PREFIX = 'crm-state:';

export function sealCrmState(signer: Signer, state: CrmState): string {
  return signer.seal(PREFIX + JSON.stringify(state));
}

/** The state a cookie holds, or null when it is not one of ours, was tampered with or has expired. */
export function openCrmState(signer: Signer, cookie: string | undefined, now: Date): CrmState | null {
  if (!cookie) return null;
  let plain: string;
  try {
    plain = signer.unseal(cookie);
  } catch {
    return null;
  }
  if (!plain.startsWith(PREFIX)) return null;
  const state = JSON.parse(plain.slice(PREFIX.length)) as CrmState;
  return state.expiresAt > now.getTime() ? state : null;
}
