/** The NameID format that says the NameID is an email address. */
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/** Common attribute names (plain, Entra ID/ADFS claim URIs, LDAP OIDs) for the claims readClaims reads. */
const ALIASES: Record<'email' | 'name' | 'given_name' | 'family_name', string[]> = {
  email: [
    'email',
    'mail',
    'emailAddress',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    'urn:oid:0.9.2342.19200300.100.1.3',
  ],
  name: [
    'name',
    'displayName',
    'http://schemas.microsoft.com/identity/claims/displayname',
    'urn:oid:2.16.840.1.113730.3.1.241',
  ],
  given_name: [
    'given_name',
    'givenName',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
    'urn:oid:2.5.4.42',
  ],
  family_name: [
    'family_name',
    'sn',
    'surname',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
    'urn:oid:2.5.4.4',
  ],
};

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/**
 * A SAML assertion's subject as the claims an OpenID ID token would carry, so both protocols
 * share readClaims' mapping: every attribute under its own name (the partner and role claims
 * name attributes), and email/name/given_name/family_name from their usual attributes. The
 * email falls back to the NameID when its format says it is one, or it looks like one.
 */
export function samlClaims(
  nameId: string | undefined,
  nameIdFormat: string | undefined,
  attributes: Record<string, unknown>,
): Record<string, unknown> {
  const claims: Record<string, unknown> = { ...attributes };
  for (const [claim, names] of Object.entries(ALIASES)) {
    const found = names.map((n) => first(attributes[n])).find((v) => typeof v === 'string' && v.trim() !== '');
    claims[claim] = found;
  }
  if (claims.email === undefined && nameId && (nameIdFormat === EMAIL_FORMAT || /^[^@\s]+@[^@\s]+$/.test(nameId)))
    claims.email = nameId;
  // SAML has no email_verified: the identity provider vouches for what it signs.
  delete claims.email_verified;
  return claims;
}
