import { readScimPatch, readScimUser, ScimError, SCIM_TCMA, userNameFilter } from './scim-user';

const status = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ScimError) return `${e.status} ${e.scimType}`;
    throw e;
  }
  return 'ok';
};

describe('SCIM users', () => {
  it('reads a user: the userName as the email, a name from its parts, the partner and role of the extension', () => {
    expect(
      readScimUser({
        userName: 'Ana@Partner.Example',
        name: { givenName: 'Ana', familyName: 'Lima' },
        active: 'False',
        [SCIM_TCMA]: { partnerExternalId: 'PRM-1', role: 'partner_admin' },
      }),
    ).toEqual({
      email: 'ana@partner.example',
      name: 'Ana Lima',
      active: false,
      role: 'partner_admin',
      partnerExternalId: 'PRM-1',
    });
    expect(readScimUser({ userName: 'bo@v.example' })).toMatchObject({
      name: 'bo',
      active: true,
      role: null,
      partnerExternalId: null,
    });
    expect(status(() => readScimUser({ userName: 'not mail' }))).toBe('400 invalidValue');
    expect(status(() => readScimUser({ userName: 'a@v.example', active: 'maybe' }))).toBe('400 invalidValue');
  });

  it('filters by userName only', () => {
    expect(userNameFilter('userName eq "Ana@Partner.Example"')).toBe('ana@partner.example');
    expect(userNameFilter(undefined)).toBeNull();
    expect(status(() => userNameFilter('emails co "x"'))).toBe('400 invalidFilter');
  });

  it('reads the PATCH operations Okta and Entra ID send to deactivate and rename', () => {
    expect(readScimPatch({ Operations: [{ op: 'replace', value: { active: false } }] })).toEqual({ active: false });
    expect(readScimPatch({ Operations: [{ op: 'Replace', path: 'active', value: 'False' }] })).toEqual({
      active: false,
    });
    expect(
      readScimPatch({ Operations: [{ op: 'add', path: 'name', value: { givenName: 'Cy', familyName: 'Do' } }] }),
    ).toEqual({
      name: 'Cy Do',
    });
    expect(status(() => readScimPatch({ Operations: [{ op: 'remove', path: 'active' }] }))).toBe('400 invalidValue');
  });
});
