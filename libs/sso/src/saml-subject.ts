import type { Profile } from '@node-saml/node-saml';
import { SsoRefusedError } from './sso-claims';

/** Assertions' time windows are accepted this far off the engine's clock (as ID tokens' are). */
export const SAML_CLOCK_SKEW_MS = 60_000;
/** An assertion good for longer than this is refused: its id would have to be kept that long. */
export const MAX_ASSERTION_LIFETIME_MS = 24 * 3_600_000;

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

type Node = { $?: Record<string, string>; _?: string } & Record<string, unknown>;
const children = (node: Node | undefined, name: string): Node[] =>
  Array.isArray(node?.[name]) ? (node[name] as Node[]) : [];
const instant = (value: string | undefined): number | null => {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : ms;
};

export interface CheckedSubject {
  assertionId: string;
  /** Until when its id must be kept: past this, no copy of it is accepted anyway. */
  keepUntil: Date;
}

/**
 * What node-saml leaves to its caller, on the assertion whose signature it verified: the issuer
 * is the connection's identity provider; a bearer subject confirmation is for this assertion
 * consumer service (Recipient), within its time window (NotOnOrAfter is required: it bounds how
 * long the id must be kept) and for the request the response answers, if any. Pure; `now` is
 * the engine's clock.
 */
export function checkSubject(
  profile: Profile,
  expected: { idpEntityId: string; acsUrl: string; now: Date },
): CheckedSubject {
  const assertion = (profile.getAssertion?.() as { Assertion?: Node } | undefined)?.Assertion;
  const assertionId = assertion?.$?.ID;
  if (!assertion || !assertionId) throw new SsoRefusedError('provider', 'assertion without an ID');
  if (profile.issuer !== expected.idpEntityId)
    throw new SsoRefusedError('provider', `issuer ${String(profile.issuer)} is not ${expected.idpEntityId}`);
  const now = expected.now.getTime();
  const confirmations = children(children(assertion, 'Subject')[0], 'SubjectConfirmation')
    .filter((c) => c.$?.Method === BEARER)
    .map((c) => children(c, 'SubjectConfirmationData')[0]?.$ ?? {});
  if (!confirmations.length) throw new SsoRefusedError('provider', 'no bearer subject confirmation');
  const problems: string[] = [];
  const valid = confirmations.find((data) => {
    const notOnOrAfter = instant(data.NotOnOrAfter);
    const notBefore = instant(data.NotBefore);
    if (data.Recipient !== expected.acsUrl)
      problems.push(`recipient ${String(data.Recipient)} is not ${expected.acsUrl}`);
    else if (notOnOrAfter === null) problems.push('subject confirmation without NotOnOrAfter');
    else if (now - SAML_CLOCK_SKEW_MS >= notOnOrAfter) problems.push(`expired at ${data.NotOnOrAfter}`);
    else if (notBefore !== null && now + SAML_CLOCK_SKEW_MS < notBefore)
      problems.push(`not valid before ${data.NotBefore}`);
    else if ((data.InResponseTo ?? null) !== ((profile.inResponseTo as string | undefined) ?? null))
      problems.push(`subject answers ${String(data.InResponseTo)}, the response ${String(profile.inResponseTo)}`);
    else return true;
    return false;
  });
  if (!valid) throw new SsoRefusedError('provider', problems.join('; '));
  const conditionsEnd = instant(children(assertion, 'Conditions')[0]?.$?.NotOnOrAfter) ?? Infinity;
  const end = Math.min(instant(valid.NotOnOrAfter)!, conditionsEnd);
  if (end - now > MAX_ASSERTION_LIFETIME_MS)
    throw new SsoRefusedError('provider', `good until ${new Date(end).toISOString()}, longer than a day`);
  return { assertionId, keepUntil: new Date(end + SAML_CLOCK_SKEW_MS) };
}
