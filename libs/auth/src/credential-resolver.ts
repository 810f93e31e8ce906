import type { Actor } from '@tcma/tenancy';
import type { Request } from 'express';

/**
 * Turns a request's credential into an Actor: a bearer API token, or a browser's session
 * cookie. Neither the guard nor any controller knows which.
 */
export interface CredentialResolver {
  /** undefined: this resolver found no credential of its kind; null: found one, and it is not valid. */
  resolve(request: Request): Promise<Actor | null | undefined>;
}

export const CREDENTIAL_RESOLVERS = Symbol('CREDENTIAL_RESOLVERS');
