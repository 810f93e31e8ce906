import { Injectable } from '@nestjs/common';
import { perProspectField, PROSPECT_FIELDS } from '@tcma/campaign-model';
import {
  ConsentSource,
  Database,
  DB,
  executorOf,
  Found,
  inAudience,
  PageWindow,
  partnerOwned,
  PartnerScope,
  ProspectRow,
  TenantScope,
  Tx,
} from '@tcma/persistence';
import { QueryCreator, sql } from 'kysely';
import type { NormalizedProspect } from './prospect-row';

export interface UpsertResult {
  ids: string[];
  /** Each row's id by its lower-cased email (the batch holds each email once). */
  idByEmail: Map<string, string>;
  /** The ids of the prospects this upsert created (the others were merged into). */
  insertedIds: string[];
  inserted: number;
  merged: number;
}

export interface ProspectPageFilter extends PageWindow {
  search?: string;
  listId?: string;
}

export type ProspectChanges = Partial<NormalizedProspect>;

/** The text columns an upsert writes, one array each. */
const TEXT_COLUMNS = ['email', 'emailLower', ...PROSPECT_FIELDS] as const;

/** Prospect ids are bigints: anything else names no prospect. */
const PROSPECT_ID = /^\d{1,18}$/;

@Injectable()
export class ProspectsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts prospects or merges them into the partner's existing ones (same email, any case):
   * non-empty new values win, custom fields merge. One statement per batch; the batch must
   * hold each email once. In the caller's transaction when given one.
   *
   * `importedAt`: the rows are an import (a CSV import, the API), and each prospect the statement
   * creates gets its consent record (`import`, with the consent source declared for it) at that
   * time, in the same statement: a second statement reading the new rows back by id measured
   * 1.6-1.8 times a batch's write alone, this one about 1.25 times.
   */
  async upsertMany(scope: PartnerScope, rows: NormalizedProspect[], tx?: Tx, importedAt?: Date): Promise<UpsertResult> {
    if (!rows.length) return { ids: [], idByEmail: new Map(), insertedIds: [], inserted: 0, merged: 0 };
    // The batch goes as one array per column, unnested into rows: one statement, a dozen parameters, however many rows.
    const batch =
      sql<NormalizedProspect>`unnest(${sql.join([...TEXT_COLUMNS.map((c) => sql`${rows.map((r) => r[c])}::text[]`), sql`${rows.map((r) => JSON.stringify(r.custom))}::jsonb[]`])})`.as<'r'>(
        sql`r(${sql.join([...TEXT_COLUMNS, 'custom'].map((c) => sql.ref(c)))})`,
      );
    const upsert = (db: QueryCreator<DB>) =>
      db
        .insertInto('prospects')
        .columns(['vendorId', 'partnerId', ...TEXT_COLUMNS, 'custom'])
        .expression((eb) =>
          eb
            .selectFrom(batch)
            .select((r) => [
              r.val(scope.vendorId).as('vendorId'),
              r.val(scope.partnerId).as('partnerId'),
              ...TEXT_COLUMNS.map((c) => `r.${c}` as const),
              'r.custom',
            ]),
        )
        .onConflict((oc) =>
          oc.columns(['partnerId', 'emailLower']).doUpdateSet((eb) => ({
            email: eb.ref('excluded.email'),
            ...perProspectField((f) => eb.fn.coalesce(eb.ref(`excluded.${f}`), eb.ref(`prospects.${f}`))),
            custom: eb('prospects.custom', '||', eb.ref('excluded.custom')),
            updatedAt: eb.fn<Date>('now'),
          })),
        )
        // xmax is 0 on a row this statement inserted, and set on one it updated.
        .returning([
          'id',
          sql<boolean>`xmax = 0`.as('inserted'),
          'vendorId',
          'partnerId',
          'consentSource',
          'emailLower',
        ]);
    const executor = executorOf(this.db, tx);
    const result = importedAt
      ? await executor
          .with('up', upsert)
          .with('granted', (db) =>
            db
              .insertInto('consentRecords')
              .columns(['vendorId', 'partnerId', 'prospectId', 'granted', 'source', 'declaredSource', 'occurredAt'])
              .expression((eb) =>
                eb
                  .selectFrom('up')
                  .select((u) => [
                    'up.vendorId',
                    'up.partnerId',
                    'up.id',
                    u.lit(true).as('granted'),
                    u.val<ConsentSource>('import').as('source'),
                    'up.consentSource',
                    u.val(importedAt).as('occurredAt'),
                  ])
                  .where('up.inserted', '=', true),
              ),
          )
          .selectFrom('up')
          .select(['up.id', 'up.inserted', 'up.emailLower'])
          .execute()
      : await upsert(executor).execute();
    const insertedIds = result.filter((r) => r.inserted).map((r) => r.id);
    return {
      ids: result.map((r) => r.id),
      idByEmail: new Map(result.map((r) => [r.emailLower, r.id])),
      insertedIds,
      inserted: insertedIds.length,
      merged: result.length - insertedIds.length,
    };
  }

  async find(scope: TenantScope, id: string): Promise<ProspectRow | null> {
    if (!PROSPECT_ID.test(id)) return null;
    return (
      (await this.db
        .selectFrom('prospects')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'prospects'))
        .executeTakeFirst()) ?? null
    );
  }

  /** Which of these ids are prospects of the scope. */
  async existing(scope: TenantScope, ids: string[]): Promise<Set<string>> {
    const wellFormed = ids.filter((id) => PROSPECT_ID.test(id));
    if (!wellFormed.length) return new Set();
    const rows = await this.db
      .selectFrom('prospects')
      .select('id')
      .where('id', 'in', wellFormed)
      .where((eb) => partnerOwned(eb, scope, 'prospects'))
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  async findByEmail(scope: TenantScope, emailLower: string): Promise<ProspectRow | null> {
    return (
      (await this.db
        .selectFrom('prospects')
        .selectAll()
        .where('emailLower', '=', emailLower)
        .where((eb) => partnerOwned(eb, scope, 'prospects'))
        .executeTakeFirst()) ?? null
    );
  }

  /** Keyset pages by id: stable and fast however large the audience. */
  async page(scope: TenantScope, filter: ProspectPageFilter): Promise<Found<ProspectRow>> {
    // The audience rule (the same conditions a launch selects by): a search, a list, or both.
    const { search, listId } = filter;
    let matching = this.db.selectFrom('prospects as p').where((eb) => partnerOwned(eb, scope, 'p'));
    if (search) matching = matching.where(inAudience({ type: 'filter', search }));
    if (listId) matching = matching.where(inAudience({ type: 'list', listId }));
    const [items, count] = await Promise.all([
      matching.selectAll('p').orderBy('p.id', 'asc').limit(filter.limit).offset(filter.offset).execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** Applies the changes (none: nothing is written) and returns the prospect as it now is, or null when not in scope. */
  async update(scope: TenantScope, id: string, changes: ProspectChanges): Promise<ProspectRow | null> {
    if (!Object.keys(changes).length) return this.find(scope, id);
    const updated = await this.db
      .updateTable('prospects')
      .set((eb) => ({ ...changes, updatedAt: eb.fn<Date>('now') }))
      .where('id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'prospects'))
      .returningAll()
      .executeTakeFirst();
    return updated ?? null;
  }

  /** False when there was no such prospect in the scope. */
  async remove(scope: TenantScope, id: string): Promise<boolean> {
    if (!PROSPECT_ID.test(id)) return false;
    const removed = await this.db
      .deleteFrom('prospects')
      .where('id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'prospects'))
      .executeTakeFirst();
    return removed.numDeletedRows > 0n;
  }
}
