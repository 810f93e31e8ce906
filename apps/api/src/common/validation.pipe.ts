import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { Problem } from '@tcma/errors';

/** Flattens class-validator's tree into one problem per failed constraint, with its path. */
export function validationProblems(errors: ValidationError[], parent = ''): Problem[] {
  return errors.flatMap((error) => {
    const path = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...validationProblems(error.children ?? [], path)];
  });
}

/** Where a NUL character sits in a value (PostgreSQL text and jsonb cannot hold one), or null. */
export function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 40) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = nulPath(child, childPath, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Class-validator's checks, after one of its own: no text anywhere in the request carries a NUL. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const path = nulPath(value, metadata.data ?? '');
      if (path !== null)
        throw new BadRequestException({
          message: 'The request is invalid',
          errors: [
            { path: path || metadata.type, message: `${path || metadata.type} must not contain NUL characters` },
          ],
        });
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'The request is invalid', errors: validationProblems(errors) }),
  });
}
