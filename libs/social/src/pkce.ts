import { createHash, randomBytes } from 'node:crypto';

/** A PKCE code verifier (RFC 7636): 43 characters of base64url from 32 random bytes. */
export function newCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/** Its S256 challenge: base64url(SHA-256(verifier)). */
export function codeChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
