import type { Signer } from '@tcma/signing';

/** How long a sign-in may stay at its identity provider before its state is void. */
export const SSO_STATE_TTL_MS = 10 * 60_000;

/** What a sign-in keeps between its start and the provider's answer, in a sealed cookie (nothing stored). */
export interface SsoState {
  connectionId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: number;
  /** A test sign-in's admin: the answer is shown to them, nobody is signed in. */
  testerId?: string;
}

// Sealed with the instance's sealing key; the prefix keeps a sealed value of any other kind from passing as one.
const PREFIX = 'sso-state:';

export function sealState(signer: Signer, state: SsoState): string {
  return signer.seal(PREFIX + JSON.stringify(state));
}

/** The state a cookie holds, or null when it is not one of ours, was tampered with or has expired. */
export function openState(signer: Signer, cookie: string | undefined, now: Date): SsoState | null {
  if (!cookie) return null;
  let plain: string;
  try {
    plain = signer.unseal(cookie);
  } catch {
    return null;
  }
  if (!plain.startsWith(PREFIX)) return null;
  const state = JSON.parse(plain.slice(PREFIX.length)) as SsoState;
  return state.expiresAt > now.getTime() ? state : null;
}
