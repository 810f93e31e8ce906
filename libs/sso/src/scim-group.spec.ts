import { groupFilter, readGroupPatch, readScimGroup } from './scim-group';
import { ScimError } from './scim-user';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof ScimError ? { status: e.status, scimType: e.scimType } : e;
  }
  return null;
};

describe('SCIM groups as identity providers send them', () => {
  it('reads a group: its name required, members as user ids', () => {
    expect(readScimGroup({ displayName: ' Contoso ', externalId: 'X1', members: [{ value: 'u1' }] })).toEqual({
      displayName: 'Contoso',
      externalId: 'X1',
      members: ['u1'],
    });
    expect(readScimGroup({ displayName: 'Contoso' }).members).toBeUndefined();
    expect(refusal(() => readScimGroup({}))).toEqual({ status: 400, scimType: 'invalidValue' });
    expect(refusal(() => readScimGroup({ displayName: 'C', members: [{}] }))).toEqual({
      status: 400,
      scimType: 'invalidValue',
    });
  });

  it('reads Okta’s and Entra ID’s patches: members added, one removed by its path, a rename', () => {
    expect(
      readGroupPatch({
        schemas: [PATCH],
        Operations: [
          { op: 'add', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] },
          { op: 'Remove', path: 'members[value eq "u3"]' },
          { op: 'replace', value: { displayName: 'New name', externalId: 'X2' } },
        ],
      }),
    ).toEqual({ add: ['u1', 'u2'], remove: ['u3'], displayName: 'New name', externalId: 'X2' });
    expect(readGroupPatch({ Operations: [{ op: 'replace', path: 'members', value: [{ value: 'u9' }] }] })).toEqual({
      add: [],
      remove: [],
      members: ['u9'],
    });
    expect(refusal(() => readGroupPatch({ Operations: [{ op: 'move' }] }))).toEqual({
      status: 400,
      scimType: 'invalidValue',
    });
    expect(refusal(() => readGroupPatch({ Operations: [{ op: 'replace', path: 'id', value: 'x' }] }))).toEqual({
      status: 400,
      scimType: 'mutability',
    });
    expect(refusal(() => readGroupPatch({ schemas: ['other'], Operations: [] }))).toEqual({
      status: 400,
      scimType: 'invalidSyntax',
    });
  });

  it('filters by displayName or externalId only', () => {
    expect(groupFilter('displayName eq "Contoso \\"EU\\""')).toEqual({ displayName: 'Contoso "EU"' });
    expect(groupFilter('externalId eq "X1"')).toEqual({ externalId: 'X1' });
    expect(groupFilter(undefined)).toBeNull();
    expect(refusal(() => groupFilter('displayName co "C"'))).toEqual({ status: 400, scimType: 'invalidFilter' });
  });
});
