import type { Actor } from '@tcma/tenancy';
import type { Request } from 'express';

/**
 * Turns a request's credential into an Actor. Bearer API tokens are the one kind today;
 * a session cookie for the partner portal becomes a second resolver, and neither the guard
 * nor any controller changes.
 */
export interface CredentialResolver {
  /** undefined: this resolver found no credential of its kind; null: found one, and it is not valid. */
  resolve(request: Request): Promise<Actor | null | undefined>;
}

export const CREDENTIAL_RESOLVERS = Symbol('CREDENTIAL_RESOLVERS');
