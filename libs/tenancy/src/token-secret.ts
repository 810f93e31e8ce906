import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'tcma_';
/** 32 random bytes: far beyond guessing, so a fast hash is the right storage. */
const TOKEN_BYTES = 32;
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

export interface TokenSecret {
  secret: string;
  hash: Buffer;
  prefix: string;
}

export function generateTokenSecret(): TokenSecret {
  const secret = TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
  return { secret, hash: hashTokenSecret(secret), prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export function hashTokenSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function looksLikeTokenSecret(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > TOKEN_PREFIX.length + 20 && value.length < 200;
}
