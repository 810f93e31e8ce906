import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * The first and last day any date the API takes may name, in UTC. Every date a query or body
 * takes lies in this range: PostgreSQL refuses year 0, JavaScript and PostgreSQL disagree far
 * out, and no campaign, launch or report of this product needs a date beyond it.
 */
export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2100-12-31';
/** Said in the OpenAPI description of every date field. */
export const DATE_RANGE_NOTE = `Between ${EARLIEST_DAY} and ${LATEST_DAY} (UTC).`;

const EARLIEST_MS = Date.parse(`${EARLIEST_DAY}T00:00:00Z`);
const AFTER_LATEST_MS = Date.parse(`${LATEST_DAY}T00:00:00Z`) + 86_400_000;
const EARLIEST_YEAR = Number(EARLIEST_DAY.slice(0, 4));
const LATEST_YEAR = Number(LATEST_DAY.slice(0, 4));

/**
 * False for a date outside the range: a Date (an instant, judged in UTC) or text starting with
 * a four-digit year (a day `YYYY-MM-DD`, a local date-time `YYYY-MM-DDTHH:mm`). Anything else is
 * left to the field's own format check, so a wrong-typed value gets one message, not two.
 */
export function isInDateRange(value: unknown): boolean {
  if (value instanceof Date) {
    const at = value.getTime();
    return Number.isNaN(at) || (at >= EARLIEST_MS && at < AFTER_LATEST_MS);
  }
  if (typeof value === 'string') {
    const year = /^(\d{4})-/.exec(value)?.[1];
    return year === undefined || (Number(year) >= EARLIEST_YEAR && Number(year) <= LATEST_YEAR);
  }
  return true;
}

/** Every date field of a DTO carries this beside its format check (`IsDate`, `IsUtcDay`, a pattern). */
export function IsInDateRange(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInDateRange',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be between ${EARLIEST_DAY} and ${LATEST_DAY}`, ...options },
      validator: { validate: isInDateRange },
    });
}
