import { ScimError, SCIM_PATCH } from './scim-user';

/** SCIM groups are the vendor's partners: a group's members are the partner's users. */
export const SCIM_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** What a group resource asks of the engine's partner. */
export interface ScimGroupInput {
  displayName: string;
  externalId: string | null;
  /** User ids; undefined when the resource says nothing of members. */
  members: string[] | undefined;
}

/** What a group PATCH does. */
export interface ScimGroupChanges {
  displayName?: string;
  externalId?: string | null;
  add: string[];
  remove: string[];
  /** A replace of the members: exactly these. */
  members?: string[];
}

export interface ScimGroupFilter {
  displayName?: string;
  externalId?: string;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function memberIds(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((m) => {
    const id = text((m as Record<string, unknown> | null)?.value);
    if (!id) throw new ScimError(400, 'Each member needs a value (a user id)', 'invalidValue');
    return id;
  });
}

export function readScimGroup(body: Record<string, unknown>): ScimGroupInput {
  const displayName = text(body.displayName);
  if (!displayName) throw new ScimError(400, 'displayName is required', 'invalidValue');
  if (displayName.length > 200) throw new ScimError(400, 'displayName is longer than 200 characters', 'invalidValue');
  const externalId = text(body.externalId);
  if (externalId && externalId.length > 200)
    throw new ScimError(400, 'externalId is longer than 200 characters', 'invalidValue');
  return { displayName, externalId, members: body.members === undefined ? undefined : memberIds(body.members) };
}

/** `members[value eq "…"]`, the path Entra ID and Okta remove one member by. */
const MEMBER_PATH = /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i;

export function readGroupPatch(body: Record<string, unknown>): ScimGroupChanges {
  const schemas = body.schemas;
  if (Array.isArray(schemas) && !schemas.includes(SCIM_PATCH))
    throw new ScimError(400, `A PATCH names the schema ${SCIM_PATCH}`, 'invalidSyntax');
  const ops = body.Operations;
  if (!Array.isArray(ops)) throw new ScimError(400, 'Operations must be a list', 'invalidSyntax');
  const changes: ScimGroupChanges = { add: [], remove: [] };
  for (const raw of ops as Array<Record<string, unknown>>) {
    const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
    const path = typeof raw.path === 'string' ? raw.path.trim() : null;
    const one = path ? MEMBER_PATH.exec(path) : null;
    if (op === 'remove') {
      if (one) changes.remove.push(one[1]);
      else if (path?.toLowerCase() === 'members') changes.remove.push(...memberIds(raw.value));
      else throw new ScimError(400, `remove is supported for members only`, 'invalidPath');
    } else if (op === 'add' || op === 'replace') {
      const values: Record<string, unknown> = path
        ? { [path]: raw.value }
        : ((raw.value ?? {}) as Record<string, unknown>);
      for (const [key, value] of Object.entries(values)) {
        if (key.toLowerCase() === 'members') {
          if (op === 'add') changes.add.push(...memberIds(value));
          else changes.members = memberIds(value);
        } else if (key === 'displayName') {
          const name = text(value);
          if (!name || name.length > 200)
            throw new ScimError(400, 'displayName must be 1 to 200 characters', 'invalidValue');
          changes.displayName = name;
        } else if (key === 'externalId') changes.externalId = text(value);
        else throw new ScimError(400, `${key} cannot be changed`, 'mutability');
      }
    } else throw new ScimError(400, `op ${JSON.stringify(raw.op)} is not supported`, 'invalidValue');
  }
  return changes;
}

/** `displayName eq "…"` or `externalId eq "…"`; null for none. */
export function groupFilter(filter: unknown): ScimGroupFilter | null {
  if (filter === undefined || filter === '') return null;
  const m =
    typeof filter === 'string' ? /^\s*(displayName|externalId)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter) : null;
  if (!m)
    throw new ScimError(400, 'Only filters displayName eq "…" and externalId eq "…" are supported', 'invalidFilter');
  const value = m[2].replace(/\\(.)/g, '$1').trim();
  return m[1].toLowerCase() === 'displayname' ? { displayName: value } : { externalId: value };
}

export interface ScimGroupView {
  id: string;
  companyName: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  members: Array<{ id: string; email: string }>;
}

export function toScimGroup(group: ScimGroupView, location: string, withMembers = true): object {
  return {
    schemas: [SCIM_GROUP],
    id: group.id,
    displayName: group.companyName,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    ...(withMembers
      ? {
          members: group.members.map((m) => ({
            value: m.id,
            display: m.email,
            $ref: `${location.replace(/Groups$/, 'Users')}/${m.id}`,
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: `${location}/${group.id}`,
    },
  };
}
