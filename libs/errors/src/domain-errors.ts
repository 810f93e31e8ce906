/**
 * Errors the domain raises, independent of HTTP. The API maps each to a status code with
 * a body clients can act on; the worker logs them. None carries a stack to a client.
 */
export interface Problem {
  /** Where the problem is, as a path into the request or document: `assets[2].mjml`. */
  path: string;
  message: string;
  /** 1-based line inside a template, when the problem is in one. */
  line?: number;
  /** A stable machine code, where a client acts on the kind of problem (launch readiness). */
  code?: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind:
    | 'not_found'
    | 'conflict'
    | 'invalid'
    | 'too_large'
    | 'unsupported_type'
    | 'precondition_failed'
    | 'bad_request'
    | 'unavailable'
    | 'unauthenticated'
    | 'forbidden'
    | 'too_many_requests'
    | 'gone';

  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** The request is well-formed but its content breaks a rule (422). */
export class InvalidError extends DomainError {
  readonly kind = 'invalid';
}

/** The request itself is malformed (400). */
export class BadRequestError extends DomainError {
  readonly kind = 'bad_request';
}

export class TooLargeError extends DomainError {
  readonly kind = 'too_large';
}

export class UnsupportedTypeError extends DomainError {
  readonly kind = 'unsupported_type';
}

export class PreconditionFailedError extends DomainError {
  readonly kind = 'precondition_failed';
}

/** A dependency did not answer in time (503); the request can be retried. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
}

/** No valid credential, or credentials that do not match (401). */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}

/** The caller is known and may not do this (403). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** Too many attempts in a while; try again later (429), after `retryAfterSeconds` when known (the Retry-After header). */
export class TooManyRequestsError extends DomainError {
  readonly kind = 'too_many_requests';

  constructor(
    message: string,
    problems: Problem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message, problems);
  }
}

/** What the request names existed and is no longer usable: a used or expired link (410). */
export class GoneError extends DomainError {
  readonly kind = 'gone';
}
