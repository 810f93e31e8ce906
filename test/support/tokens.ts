/**
 * A token with its first character changed, so it is always a different, well-formed spelling.
 * Overwriting the last characters with fixed ones is not: a random token ends in them now and
 * then (a 16-byte base64url token ends in "AA" once in 256), and the "forged" token is the real one.
 */
export function tampered(token: string): string {
  return `${token.startsWith('A') ? 'B' : 'A'}${token.slice(1)}`;
}
