import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * For edits: the property may be left out, but when given it is validated, null included.
 * `@IsOptional()` would let null through, and a column that cannot be empty then refuses it
 * in the database (a 500 instead of a 400 naming the field).
 */
export const IsOptionalNotNull = (options?: ValidationOptions): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined, options);
