import { samlClaims } from './saml-claims';

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

describe(samlClaims.name, () => {
  it('reads email, name and its parts from the usual attribute names, keeping every attribute under its own', () => {
    const sut = samlClaims('opaque-id', 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', {
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'ann@partner.example',
      givenName: 'Ann',
      sn: 'Lee',
      prm_account: 'PRM-7',
      groups: ['staff', 'partner_admin'],
    });
    expect(sut).toMatchObject({
      email: 'ann@partner.example',
      given_name: 'Ann',
      family_name: 'Lee',
      prm_account: 'PRM-7',
      groups: ['staff', 'partner_admin'],
    });
    expect(sut.name).toBeUndefined();
  });

  it('takes the email from the NameID when no attribute gives one and the NameID is an address', () => {
    expect(samlClaims('bo@vendor.example', EMAIL_FORMAT, {}).email).toBe('bo@vendor.example');
    expect(samlClaims('bo@vendor.example', undefined, {}).email).toBe('bo@vendor.example');
    expect(samlClaims('bo', 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', {}).email).toBeUndefined();
    // An attribute wins over the NameID.
    expect(samlClaims('old@vendor.example', EMAIL_FORMAT, { mail: 'new@vendor.example' }).email).toBe(
      'new@vendor.example',
    );
  });

  it('never carries an email_verified the provider could set to pass as verified or not', () => {
    expect(samlClaims('a@b.example', EMAIL_FORMAT, { email_verified: 'false' })).not.toHaveProperty('email_verified');
  });
});
