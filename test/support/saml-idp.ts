import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';

/** The test identity provider's key pair (openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=tcma-test-idp). */
export const IDP_KEY = readFileSync(join(__dirname, 'fixtures/saml-idp.key'), 'utf8');
export const IDP_CERT = readFileSync(join(__dirname, 'fixtures/saml-idp.crt'), 'utf8');

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface SamlAnswer {
  /** The AuthnRequest answered (SP-initiated); absent for an unsolicited (IdP-initiated) response. */
  inResponseTo?: string;
  /** The engine's entity id (the connection's); each spec passes its own. */
  audience: string;
  /** The ACS URL the assertion is for (SubjectConfirmationData's Recipient and the response's Destination). */
  recipient: string;
  /** Default: five minutes from now. */
  notOnOrAfter?: Date;
  /** Default: a fresh one. */
  assertionId?: string;
  nameId: string;
  attributes?: Record<string, string | string[]>;
  sign: 'assertion' | 'response' | 'none';
  /** Changes the XML after it was signed (a signature over other content). */
  tamper?: (signedXml: string) => string;
}

export interface TestSamlIdp {
  entityId: string;
  ssoUrl: string;
  metadataUrl: string;
  metadataXml: string;
  /** A base64 SAMLResponse, as the identity provider would post it to the ACS. */
  respond(answer: SamlAnswer): string;
  /** The ID of the AuthnRequest a start redirect (HTTP-Redirect binding) carries, and its RelayState. */
  requestOf(location: string): { id: string; relayState: string | null; xml: string };
  stop(): Promise<void>;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pemBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

/**
 * An in-process SAML 2.0 identity provider: its metadata served over HTTP (127.0.0.1), and
 * Responses built and signed (assertion or response; RSA-SHA256, exclusive c14n) with a key
 * committed under fixtures, as a PRM or a workforce directory would post them.
 */
export async function startSamlIdp(): Promise<TestSamlIdp> {
  let metadataXml = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/metadata')
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(metadataXml);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${origin}/idp`;
  const ssoUrl = `${origin}/sso`;
  metadataXml = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${pemBody(IDP_CERT)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ssoUrl}/post"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

  const respond = (a: SamlAnswer): string => {
    const now = new Date();
    const notOnOrAfter = (a.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString();
    const notBefore = new Date(Math.min(now.getTime(), Date.parse(notOnOrAfter)) - 60_000).toISOString();
    const answers = a.inResponseTo ? ` InResponseTo="${escape(a.inResponseTo)}"` : '';
    const attributes = Object.entries(a.attributes ?? {})
      .map(
        ([name, values]) =>
          `<saml:Attribute Name="${escape(name)}">${[values]
            .flat()
            .map((v) => `<saml:AttributeValue>${escape(v)}</saml:AttributeValue>`)
            .join('')}</saml:Attribute>`,
      )
      .join('');
    const assertion =
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${escape(a.assertionId ?? `_a${randomUUID()}`)}" Version="2.0" IssueInstant="${now.toISOString()}">` +
      `<saml:Issuer>${escape(entityId)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escape(a.nameId)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${escape(a.recipient)}"${answers}/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escape(a.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_s${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '') +
      `</saml:Assertion>`;
    let xml =
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID()}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escape(a.recipient)}"${answers}>` +
      `<saml:Issuer>${escape(entityId)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
      assertion +
      `</samlp:Response>`;
    if (a.sign === 'assertion') xml = signed(xml, "//*[local-name(.)='Assertion']");
    if (a.sign === 'response') xml = signed(xml, "/*[local-name(.)='Response']");
    return Buffer.from(a.tamper ? a.tamper(xml) : xml).toString('base64');
  };

  return {
    entityId,
    ssoUrl,
    metadataUrl: `${origin}/metadata`,
    get metadataXml() {
      return metadataXml;
    },
    respond,
    requestOf(location: string) {
      const url = new URL(location);
      const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
      const id = /<(?:\w+:)?AuthnRequest\b[^>]*\sID="([^"]+)"/.exec(xml)?.[1];
      if (!id) throw new Error(`no AuthnRequest ID in ${xml}`);
      return { id, relayState: url.searchParams.get('RelayState'), xml };
    },
    stop: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** The element at `xpath` signed in place: the signature right after its Issuer, as SAML places it. */
function signed(xml: string, xpath: string): string {
  const sig = new SignedXml({ privateKey: IDP_KEY, publicCert: IDP_CERT });
  sig.signatureAlgorithm = RSA_SHA256;
  sig.canonicalizationAlgorithm = EXC_C14N;
  sig.addReference({ xpath, digestAlgorithm: SHA256, transforms: [ENVELOPED, EXC_C14N] });
  sig.computeSignature(xml, { location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}
