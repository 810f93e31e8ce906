import type { Profile } from '@node-saml/node-saml';
import { parseXml2JsFromString } from '@node-saml/node-saml/lib/xml';
import { checkSubject, SAML_CLOCK_SKEW_MS } from './saml-subject';

const IDP = 'https://idp.example/saml';
const ACS = 'https://engine.example/auth/saml/c1/acs';
const NOW = new Date('2026-11-27T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

/** A verified assertion as node-saml hands it over (xml2js), with the response's InResponseTo. */
async function profile(
  o: { confirmation?: string; conditionsEnd?: string; issuer?: string; inResponseTo?: string } = {},
): Promise<Profile> {
  const confirmation =
    o.confirmation ??
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData Recipient="${ACS}" NotOnOrAfter="${at(300_000)}"/></saml:SubjectConfirmation>`;
  const parsed = await parseXml2JsFromString(
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1"><saml:Issuer>${o.issuer ?? IDP}</saml:Issuer>` +
      `<saml:Subject><saml:NameID>ann@partner.example</saml:NameID>${confirmation}</saml:Subject>` +
      `<saml:Conditions NotOnOrAfter="${o.conditionsEnd ?? at(600_000)}"/></saml:Assertion>`,
  );
  return {
    issuer: o.issuer ?? IDP,
    nameID: 'ann@partner.example',
    nameIDFormat: '',
    ...(o.inResponseTo ? { inResponseTo: o.inResponseTo } : {}),
    getAssertion: () => parsed,
  };
}
const bearer = (attributes: string) =>
  `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData ${attributes}/></saml:SubjectConfirmation>`;
const expected = { idpEntityId: IDP, acsUrl: ACS, now: NOW };

describe(checkSubject.name, () => {
  it('gives the assertion id, kept until its earliest NotOnOrAfter plus the clock skew', async () => {
    expect(checkSubject(await profile(), expected)).toEqual({
      assertionId: '_a1',
      keepUntil: new Date(NOW.getTime() + 300_000 + SAML_CLOCK_SKEW_MS),
    });
    expect(checkSubject(await profile({ conditionsEnd: at(120_000) }), expected).keepUntil).toEqual(
      new Date(NOW.getTime() + 120_000 + SAML_CLOCK_SKEW_MS),
    );
  });

  it('accepts a subject within the clock skew of its NotOnOrAfter, and answering the request the response names', async () => {
    const late = bearer(`Recipient="${ACS}" NotOnOrAfter="${at(-SAML_CLOCK_SKEW_MS / 2)}"`);
    expect(checkSubject(await profile({ confirmation: late }), expected).assertionId).toBe('_a1');
    const answering = bearer(`Recipient="${ACS}" NotOnOrAfter="${at(60_000)}" InResponseTo="_r1"`);
    expect(checkSubject(await profile({ confirmation: answering, inResponseTo: '_r1' }), expected).assertionId).toBe(
      '_a1',
    );
  });

  it.each([
    ['another issuer', { issuer: 'https://evil.example' }, /issuer/],
    [
      'another recipient',
      { confirmation: bearer(`Recipient="https://x.example/acs" NotOnOrAfter="${at(60_000)}"`) },
      /recipient/,
    ],
    ['no NotOnOrAfter', { confirmation: bearer(`Recipient="${ACS}"`) }, /without NotOnOrAfter/],
    [
      'expired beyond the skew',
      { confirmation: bearer(`Recipient="${ACS}" NotOnOrAfter="${at(-2 * SAML_CLOCK_SKEW_MS)}"`) },
      /expired/,
    ],
    [
      'not yet valid',
      { confirmation: bearer(`Recipient="${ACS}" NotBefore="${at(5 * 60_000)}" NotOnOrAfter="${at(10 * 60_000)}"`) },
      /not valid before/,
    ],
    [
      'a subject answering a request the response does not name',
      { confirmation: bearer(`Recipient="${ACS}" NotOnOrAfter="${at(60_000)}" InResponseTo="_r1"`) },
      /answers _r1/,
    ],
    [
      'a subject answering another request',
      {
        inResponseTo: '_r2',
        confirmation: bearer(`Recipient="${ACS}" NotOnOrAfter="${at(60_000)}" InResponseTo="_r1"`),
      },
      /answers _r1/,
    ],
    [
      'no bearer confirmation',
      { confirmation: '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"/>' },
      /no bearer/,
    ],
    [
      'a lifetime longer than a day',
      {
        confirmation: bearer(`Recipient="${ACS}" NotOnOrAfter="${at(48 * 3_600_000)}"`),
        conditionsEnd: at(48 * 3_600_000),
      },
      /longer than a day/,
    ],
  ])('refuses %s', async (_case, o, message) => {
    const p = await profile(o);
    expect(() => checkSubject(p, expected)).toThrow(message);
  });
});
