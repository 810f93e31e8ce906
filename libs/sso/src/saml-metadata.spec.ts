import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetadataProblem, readIdpMetadata } from './saml-metadata';

const CERT = readFileSync(join(__dirname, '../../../test/support/fixtures/saml-idp.crt'), 'utf8');
const body = CERT.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
const metadata = (inner: string, entityId = 'https://idp.example/saml') =>
  `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
    <md:EntityDescriptor entityID="https://sp.example"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>
    <md:EntityDescriptor entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</md:IDPSSODescriptor></md:EntityDescriptor>
  </md:EntitiesDescriptor>`;
const key = (use: string | null, cert = body) =>
  `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const sso = (binding: string, location: string) =>
  `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${binding}" Location="${location}"/>`;

describe(readIdpMetadata.name, () => {
  it("reads the identity provider's entity id, HTTP-Redirect sign-in service and signing certificates", async () => {
    const sut = await readIdpMetadata(
      metadata(
        key('encryption', 'bm90IGEgY2VydA==') +
          key('signing') +
          key(null) +
          sso('HTTP-POST', 'https://idp.example/post') +
          sso('HTTP-Redirect', 'https://idp.example/redirect'),
      ),
    );
    expect(sut).toEqual({
      entityId: 'https://idp.example/saml',
      ssoUrl: 'https://idp.example/redirect',
      certificates: [expect.stringContaining('-----BEGIN CERTIFICATE-----')],
    });
  });

  it.each([
    ['not XML', 'this is not <xml', /not XML/],
    [
      'no identity provider',
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
      /no identity provider/,
    ],
    [
      'no HTTP-Redirect service',
      metadata(key('signing') + sso('HTTP-POST', 'https://idp.example/post')),
      /HTTP-Redirect/,
    ],
    [
      'no signing certificate',
      metadata(key('signing', 'bm90IGEgY2VydA==') + sso('HTTP-Redirect', 'https://i.example/r')),
      /signing certificate/,
    ],
  ])('refuses metadata with %s, saying so', async (_case, xml, message) => {
    await expect(readIdpMetadata(xml)).rejects.toThrow(MetadataProblem);
    await expect(readIdpMetadata(xml)).rejects.toThrow(message);
  });
});
