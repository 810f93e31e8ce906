import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  Database,
  executorOf,
  Found,
  NewProspectImport,
  PageWindow,
  partnerOwned,
  PartnerScope,
  ProspectImportRow,
  TenantScope,
  Tx,
} from '@tcma/persistence';

export type NewImportInput = Pick<NewProspectImport, 'listId' | 'fileKey' | 'fileSize' | 'createdBy'>;
export type ImportProgress = Partial<
  Pick<
    ProspectImportRow,
    'status' | 'rows' | 'inserted' | 'merged' | 'rejected' | 'reportKey' | 'ignoredColumns' | 'error' | 'finishedAt'
  >
>;

@Injectable()
export class ProspectImportsRepository {
  constructor(private readonly db: Database) {}

  create(scope: PartnerScope, input: NewImportInput, tx?: Tx): Promise<ProspectImportRow> {
    return executorOf(this.db, tx)
      .insertInto('prospectImports')
      .values({ ...input, vendorId: scope.vendorId, partnerId: scope.partnerId, status: 'queued' })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(scope: TenantScope, id: string): Promise<ProspectImportRow | null> {
    return (
      (await this.db
        .selectFrom('prospectImports')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'prospectImports'))
        .executeTakeFirst()) ?? null
    );
  }

  /** The worker's read of the import it was handed by id. */
  async findForSystem(id: string): Promise<ProspectImportRow | null> {
    return (await this.db.selectFrom('prospectImports').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async list(scope: TenantScope, window: PageWindow): Promise<Found<ProspectImportRow>> {
    const matching = this.db.selectFrom('prospectImports').where((eb) => partnerOwned(eb, scope, 'prospectImports'));
    const [items, count] = await Promise.all([
      matching
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'asc')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** The partner's imports with their stored files (the uploaded CSV, the rejected-rows report), for an erasure. */
  async filesOf(
    scope: PartnerScope,
  ): Promise<Array<{ id: string; fileKey: string; reportKey: string | null; finished: boolean }>> {
    const rows = await this.db
      .selectFrom('prospectImports')
      .select(['id', 'fileKey', 'reportKey', 'status'])
      .where((eb) => partnerOwned(eb, scope, 'prospectImports'))
      .orderBy('createdAt')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      fileKey: r.fileKey,
      reportKey: r.reportKey,
      finished: r.status === 'completed' || r.status === 'failed',
    }));
  }

  /** The report written again without `removed` rows: its rejected count follows, so the listing's total stays true. */
  async replaceReport(scope: PartnerScope, id: string, reportKey: string, removed: number): Promise<void> {
    await this.db
      .updateTable('prospectImports')
      .set((eb) => ({ reportKey, rejected: sql<number>`greatest(${eb.ref('rejected')} - ${removed}, 0)` }))
      .where('id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'prospectImports'))
      .execute();
  }

  /** Whether any import, of any tenant, names this content-addressed file (as upload or report). */
  async fileNamedForSystem(key: string): Promise<boolean> {
    return !!(await this.db
      .selectFrom('prospectImports')
      .select('id')
      .where((eb) => eb.or([eb('fileKey', '=', key), eb('reportKey', '=', key)]))
      .limit(1)
      .executeTakeFirst());
  }

  /** Whether an import that has not finished, of any tenant, still has to read this uploaded file. */
  async fileNeededForSystem(key: string): Promise<boolean> {
    return !!(await this.db
      .selectFrom('prospectImports')
      .select('id')
      .where('fileKey', '=', key)
      .where('status', 'in', ['queued', 'running'])
      .limit(1)
      .executeTakeFirst());
  }

  /** The worker recording an import's progress. */
  async updateForSystem(id: string, progress: ImportProgress): Promise<void> {
    await this.db.updateTable('prospectImports').set(progress).where('id', '=', id).execute();
  }
}
