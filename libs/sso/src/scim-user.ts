import { normalizeEmailAddress } from '@tcma/email-address';
import type { Role, UserRow } from '@tcma/persistence';

/** SCIM 2.0 (RFC 7643/7644) as the engine speaks it: users only; what each field means here. */
export const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
/** The engine's extension: the partner a user belongs to (by its external id) and its role. */
export const SCIM_TCMA = 'urn:ietf:params:scim:schemas:extension:tcma:2.0:User';
export const SCIM_LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
/** The most users one list answers (its `count` is capped here). */
export const SCIM_MAX_COUNT = 200;

/** A SCIM refusal: its HTTP status, `scimType` and detail, as RFC 7644 §3.12 shapes them. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: string,
  ) {
    super(detail);
  }

  body(): object {
    return { schemas: [SCIM_ERROR], status: String(this.status), detail: this.detail, scimType: this.scimType };
  }
}

/** What a SCIM user resource asks of the engine's user. */
export interface ScimUserInput {
  email: string;
  name: string;
  active: boolean;
  role: Role | null;
  partnerExternalId: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** SCIM booleans, as Entra ID sends them too ("False"). */
export function scimBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ScimError(400, `${field} must be true or false`, 'invalidValue');
}

/** Reads a user resource (POST or PUT): the userName is the email; a name from its parts or the display name. */
export function readScimUser(body: Record<string, unknown>): ScimUserInput {
  const email = normalizeEmailAddress(body.userName);
  if (!email.ok) throw new ScimError(400, `userName ${email.message}`, 'invalidValue');
  const name = (body.name ?? {}) as Record<string, unknown>;
  const parts = [text(name.givenName), text(name.familyName)].filter(Boolean).join(' ');
  const full = text(name.formatted) ?? text(body.displayName) ?? (parts || email.value.split('@')[0]);
  const extension = (body[SCIM_TCMA] ?? {}) as Record<string, unknown>;
  return {
    email: email.value,
    name: full.slice(0, 200),
    active: body.active === undefined ? true : scimBoolean(body.active, 'active'),
    role: (text(extension.role) as Role | null) ?? null,
    partnerExternalId: text(extension.partnerExternalId),
  };
}

/** The `userName eq "…"` filter identity providers search by before they create; null for none. */
export function userNameFilter(filter: unknown): string | null {
  if (filter === undefined || filter === '') return null;
  const m = typeof filter === 'string' ? /^\s*userName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter) : null;
  if (!m) throw new ScimError(400, 'Only filters of the form userName eq "…" are supported', 'invalidFilter');
  return m[1].replace(/\\(.)/g, '$1').trim().toLowerCase();
}

export interface ScimPatchChanges {
  active?: boolean;
  name?: string;
}

/** The replace/add operations of a PATCH that the engine acts on: active and the name. */
export function readScimPatch(body: Record<string, unknown>): ScimPatchChanges {
  const ops = body.Operations;
  if (!Array.isArray(ops)) throw new ScimError(400, 'Operations must be a list', 'invalidSyntax');
  const changes: ScimPatchChanges = {};
  for (const raw of ops as Array<Record<string, unknown>>) {
    const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
    if (op !== 'replace' && op !== 'add')
      throw new ScimError(400, `op ${JSON.stringify(raw.op)} is not supported`, 'invalidValue');
    const values: Record<string, unknown> =
      typeof raw.path === 'string' ? { [raw.path]: raw.value } : ((raw.value ?? {}) as Record<string, unknown>);
    for (const [path, value] of Object.entries(values)) {
      if (path === 'active') changes.active = scimBoolean(value, 'active');
      else if (path === 'displayName' || path === 'name.formatted') changes.name = text(value)?.slice(0, 200);
      else if (path === 'name' && value && typeof value === 'object') {
        const n = value as Record<string, unknown>;
        changes.name =
          (text(n.formatted) ?? [text(n.givenName), text(n.familyName)].filter(Boolean).join(' ')) || undefined;
      }
    }
  }
  return changes;
}

/** The engine's user as a SCIM user resource. */
export function toScimUser(user: UserRow, partnerExternalId: string | null, location: string): object {
  return {
    schemas: [SCIM_USER, SCIM_TCMA],
    id: user.id,
    userName: user.email,
    name: { formatted: user.name },
    displayName: user.name,
    active: user.disabledAt === null,
    emails: [{ value: user.email, primary: true }],
    [SCIM_TCMA]: { role: user.role, partnerExternalId },
    meta: { resourceType: 'User', created: user.createdAt.toISOString(), location: `${location}/${user.id}` },
  };
}
