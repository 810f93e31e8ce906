import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, Found, PageWindow, vendorOwned, VendorScope } from '@tcma/persistence';
import type { ScimGroupFilter, ScimGroupView } from './scim-group';

/** The most members one group lists (a partner's users; identity providers page users, not members). */
export const SCIM_MAX_MEMBERS = 1_000;

/** The vendor's partners as SCIM groups, with their users as members. */
@Injectable()
export class ScimGroupsRepository {
  constructor(private readonly db: Database) {}

  async list(scope: VendorScope, filter: ScimGroupFilter | null, page: PageWindow): Promise<Found<ScimGroupView>> {
    const base = this.db
      .selectFrom('partners as p')
      .where((eb) => vendorOwned(eb, scope, 'p'))
      .$if(!!filter?.displayName, (q) => q.where(sql<boolean>`lower(p.company_name) = lower(${filter!.displayName!})`))
      .$if(!!filter?.externalId, (q) => q.where('p.externalId', '=', filter!.externalId!));
    const [rows, total] = await Promise.all([
      base
        .select(['p.id', 'p.companyName', 'p.externalId', 'p.createdAt', 'p.updatedAt'])
        .orderBy('p.createdAt')
        .orderBy('p.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await this.withMembers(rows), total: Number(total.n) };
  }

  async find(scope: VendorScope, id: string): Promise<ScimGroupView | null> {
    const row = await this.db
      .selectFrom('partners as p')
      .select(['p.id', 'p.companyName', 'p.externalId', 'p.createdAt', 'p.updatedAt'])
      .where('p.id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'p'))
      .executeTakeFirst();
    return row ? (await this.withMembers([row]))[0] : null;
  }

  /** A new partner for a group pushed by the identity provider; null when its name or external id is taken. */
  async create(
    scope: VendorScope,
    partner: { companyName: string; externalId: string | null; tier: string; region: string; timezone: string },
  ): Promise<string | null> {
    // Names are unique per vendor whatever their case, as the console keeps them.
    if (await this.nameTaken(scope, partner.companyName, null)) return null;
    const row = await this.db
      .insertInto('partners')
      .values({ ...partner, vendorId: scope.vendorId })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** Renames (or re-keys) a partner; false when the name or external id is another partner's. */
  async update(
    scope: VendorScope,
    id: string,
    changes: { companyName?: string; externalId?: string | null },
    now: Date,
  ): Promise<boolean> {
    if (changes.companyName !== undefined && (await this.nameTaken(scope, changes.companyName, id))) return false;
    try {
      await this.db
        .updateTable('partners')
        .set({ ...changes, updatedAt: now })
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'partners'))
        .execute();
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === '23505') return false;
      throw e;
    }
  }

  async suspend(scope: VendorScope, id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('partners')
      .set({ status: 'suspended', updatedAt: now })
      .where('id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'partners'))
      .execute();
  }

  private async nameTaken(scope: VendorScope, companyName: string, exceptId: string | null): Promise<boolean> {
    const found = await this.db
      .selectFrom('partners as p')
      .select('p.id')
      .where((eb) => vendorOwned(eb, scope, 'p'))
      .where(sql<boolean>`lower(p.company_name) = lower(${companyName})`)
      .$if(exceptId !== null, (q) => q.where('p.id', '<>', exceptId!))
      .limit(1)
      .executeTakeFirst();
    return found !== undefined;
  }

  /** The vendor's users among these ids, with the partner each belongs to. */
  usersAmong(scope: VendorScope, ids: string[]): Promise<Array<{ id: string; partnerId: string | null }>> {
    const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (!valid.length) return Promise.resolve([]);
    return this.db
      .selectFrom('users')
      .select(['id', 'partnerId'])
      .where('id', 'in', valid)
      .where((eb) => vendorOwned(eb, scope, 'users'))
      .execute();
  }

  private async withMembers(rows: Array<Omit<ScimGroupView, 'members'>>): Promise<ScimGroupView[]> {
    if (!rows.length) return [];
    const members = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'partnerId'])
      .where(
        'partnerId',
        'in',
        rows.map((r) => r.id),
      )
      .where('disabledAt', 'is', null)
      .orderBy('createdAt')
      .limit(SCIM_MAX_MEMBERS * rows.length)
      .execute();
    return rows.map((r) => ({
      ...r,
      members: members
        .filter((m) => m.partnerId === r.id)
        .slice(0, SCIM_MAX_MEMBERS)
        .map((m) => ({ id: m.id, email: m.email })),
    }));
  }
}
