import { registerDecorator, ValidationOptions } from 'class-validator';

/** A calendar day as YYYY-MM-DD (the UTC days analytics counts by); no weeks, ordinals or times. */
export function isUtcDay(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export function IsUtcDay(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUtcDay',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a day as YYYY-MM-DD', ...options },
      validator: { validate: isUtcDay },
    });
}
