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
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'too_large' | 'unsupported_type' | 'precondition_failed' | 'bad_request' | 'unavailable';

  constructor(message: string, readonly problems: Problem[] = []) {
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

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
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
