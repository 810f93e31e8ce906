import { readClaims, safeReturnPath, SsoRefusedError } from './sso-claims';

const partners = {
  audience: 'partner_users' as const,
  partnerClaim: 'prm_account',
  roleClaim: 'groups',
  defaultRole: 'partner_user' as const,
};
const vendors = {
  audience: 'vendor_users' as const,
  partnerClaim: null,
  roleClaim: 'role',
  defaultRole: 'vendor_marketer' as const,
};

const refusal = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof SsoRefusedError) return e.reason;
    throw e;
  }
  return undefined;
};

describe('readClaims', () => {
  it('reads email, name, partner and the first role of the audience in a list claim', () => {
    expect(
      readClaims(
        {
          email: 'Ana@Partner.Example',
          name: 'Ana Lima',
          prm_account: 'P-1',
          groups: ['staff', 'vendor_admin', 'partner_admin'],
        },
        partners,
      ),
    ).toEqual({ email: 'ana@partner.example', name: 'Ana Lima', role: 'partner_admin', partnerExternalId: 'P-1' });
  });

  it('gives the default role when no claimed role belongs to the audience, and a name from the parts or the address', () => {
    expect(
      readClaims({ email: 'bo@v.example', role: 'partner_admin', given_name: 'Bo', family_name: 'Ek' }, vendors),
    ).toMatchObject({
      role: 'vendor_marketer',
      name: 'Bo Ek',
    });
    expect(readClaims({ email: 'cy@v.example' }, vendors).name).toBe('cy');
    expect(readClaims({ email: 'cy@v.example', prm_account: 42 }, partners).partnerExternalId).toBe('42');
  });

  it('refuses a missing or unverified email, and a partner connection without its partner claim', () => {
    expect(refusal(() => readClaims({}, vendors))).toBe('email');
    expect(refusal(() => readClaims({ email: 'not an address' }, vendors))).toBe('email');
    expect(refusal(() => readClaims({ email: 'a@v.example', email_verified: false }, vendors))).toBe('email');
    expect(refusal(() => readClaims({ email: 'a@p.example', prm_account: ' ' }, partners))).toBe('partner');
    expect(refusal(() => readClaims({ email: 'a@p.example' }, { ...partners, partnerClaim: null }))).toBe('partner');
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/portal/campaigns/1?x=1', '/portal/campaigns/1?x=1'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['portal', '/'],
    ['/a\nb', '/'],
    ['/a b', '/'],
    ['/%2fevil.example', '/'],
    ['/sign-in?next=/x', '/'],
    ['/invitations/abc', '/'],
    [undefined, '/'],
  ])('%p → %p', (input, expected) => expect(safeReturnPath(input)).toBe(expected));
});
