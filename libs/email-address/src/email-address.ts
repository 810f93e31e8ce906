import { Checked, checkedLine } from './checked-line';

/** The longest address SMTP carries (RFC 5321's 256-octet path less its angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * An email address as the engine keeps it (a prospect's, a sender's, a suppressed one): one line
 * with nothing invisible in it, the shape of an address, lower-cased.
 */
export function normalizeEmailAddress(raw: unknown): Checked {
  const line = checkedLine(raw, EMAIL_MAX_LENGTH);
  if (!line.ok) return line;
  return EMAIL.test(line.value)
    ? { ok: true, value: line.value.toLowerCase() }
    : { ok: false, message: 'must be an email address' };
}

/** The form an address is stored and looked up by (the emailLower columns, users' sign-in): trimmed, lower-cased. */
export function emailLower(address: string): string {
  return address.trim().toLowerCase();
}
