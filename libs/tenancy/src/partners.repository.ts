import { Injectable } from '@nestjs/common';
import {
  containing,
  Database,
  executorOf,
  NewPartner,
  PartnerRow,
  PartnerStatus,
  TenantScope,
  Tx,
  vendorOwned,
  visiblePartners,
} from '@tcma/persistence';

export interface PartnerFilter {
  tier?: string;
  region?: string;
  status?: PartnerStatus;
  search?: string;
  externalId?: string;
  limit: number;
  offset: number;
}

export type NewPartnerInput = Omit<NewPartner, 'id' | 'vendorId' | 'createdAt' | 'updatedAt'>;
export type PartnerChanges = Partial<NewPartnerInput>;

@Injectable()
export class PartnersRepository {
  constructor(private readonly db: Database) {}

  create(scope: TenantScope, input: NewPartnerInput): Promise<PartnerRow> {
    return this.db
      .insertInto('partners')
      .values({ ...input, vendorId: scope.vendorId })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(scope: TenantScope, id: string): Promise<PartnerRow | null> {
    // A partner scope sees only itself: no need to ask the database about any other id.
    if (scope.partnerId !== null && scope.partnerId !== id) return null;
    return (
      (await this.db
        .selectFrom('partners')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => visiblePartners(eb, scope, 'partners'))
        .executeTakeFirst()) ?? null
    );
  }

  /** The worker's read of the partner a send belongs to. */
  async findForSystem(id: string): Promise<PartnerRow | null> {
    return (await this.db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Company names are unique per vendor whatever their case. */
  async companyNameTaken(scope: TenantScope, companyName: string, exceptId?: string): Promise<boolean> {
    const found = await this.db
      .selectFrom('partners')
      .select('id')
      .where((eb) => {
        const conditions = [
          vendorOwned(eb, scope, 'partners'),
          eb(eb.fn('lower', ['companyName']), '=', eb.fn('lower', [eb.val(companyName)])),
        ];
        if (exceptId) conditions.push(eb('id', '<>', exceptId));
        return eb.and(conditions);
      })
      .limit(1)
      .executeTakeFirst();
    return found !== undefined;
  }

  async list(scope: TenantScope, filter: PartnerFilter): Promise<{ items: PartnerRow[]; total: number }> {
    const matching = this.db.selectFrom('partners').where((eb) => {
      const conditions = [visiblePartners(eb, scope, 'partners')];
      if (filter.tier) conditions.push(eb('tier', '=', filter.tier));
      if (filter.region) conditions.push(eb('region', '=', filter.region));
      if (filter.status) conditions.push(eb('status', '=', filter.status));
      if (filter.search) conditions.push(eb('companyName', 'ilike', containing(filter.search)));
      if (filter.externalId) conditions.push(eb('externalId', '=', filter.externalId));
      return eb.and(conditions);
    });
    const [items, count] = await Promise.all([
      matching
        .selectAll()
        .orderBy('companyName', 'asc')
        .orderBy('id', 'asc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** Applies the changes (none: nothing is written) and returns the partner as it now is, or null when not in scope. */
  async update(scope: TenantScope, id: string, changes: PartnerChanges): Promise<PartnerRow | null> {
    if (!Object.keys(changes).length) return this.find(scope, id);
    const updated = await this.db
      .updateTable('partners')
      .set((eb) => ({ ...changes, updatedAt: eb.fn<Date>('now') }))
      .where('id', '=', id)
      .where((eb) => visiblePartners(eb, scope, 'partners'))
      .returningAll()
      .executeTakeFirst();
    return updated ?? null;
  }

  /**
   * The partner's privacy switch: when set, its vendor sees counts and funnels only, never its
   * prospects or leads. In the caller's transaction when given (what the switch hides goes with it).
   */
  async setContactsPrivate(scope: TenantScope, id: string, value: boolean, tx?: Tx): Promise<PartnerRow | null> {
    if (scope.partnerId !== null && scope.partnerId !== id) return null;
    const row = await executorOf(this.db, tx)
      .updateTable('partners')
      .set({ contactsPrivate: value, updatedAt: new Date() })
      .where('id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'partners'))
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }
}
