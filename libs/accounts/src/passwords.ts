import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { Problem } from '@tcma/errors';

/** OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 20-40 ms on one core here. */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase; bounded so a request cannot make hashing expensive. */
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** A hash of no password anyone knows: verified against when there is no account, so timing does not tell whether one exists. */
let decoy: Promise<string> | undefined;

/** Whether the password matches the stored hash; with no hash, the same work and false. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  if (!stored) {
    decoy ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** The rules a new password must follow, as field problems (empty: it may be used). */
export function passwordProblems(password: string, email: string, path = 'password'): Problem[] {
  if (password.length < MIN_PASSWORD_LENGTH)
    return [{ path, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }];
  if (password.length > MAX_PASSWORD_LENGTH)
    return [{ path, message: `must be at most ${MAX_PASSWORD_LENGTH} characters` }];
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    return [{ path, message: 'must not be your email address' }];
  return [];
}
