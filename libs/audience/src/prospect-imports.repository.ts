import { Injectable } from '@nestjs/common';
import { Database, executorOf, Found, NewProspectImport, PageWindow, partnerOwned, PartnerScope, ProspectImportRow, TenantScope, Tx } from '@tcma/persistence';

export type NewImportInput = Pick<NewProspectImport, 'listId' | 'fileKey' | 'fileSize' | 'createdBy'>;
export type ImportProgress = Partial<Pick<ProspectImportRow, 'status' | 'rows' | 'inserted' | 'merged' | 'rejected' | 'reportKey' | 'ignoredColumns' | 'error' | 'finishedAt'>>;

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
    return (await this.db.selectFrom('prospectImports').selectAll().where('id', '=', id).where((eb) => partnerOwned(eb, scope, 'prospectImports')).executeTakeFirst()) ?? null;
  }

  /** The worker's read of the import it was handed by id. */
  async findForSystem(id: string): Promise<ProspectImportRow | null> {
    return (await this.db.selectFrom('prospectImports').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async list(scope: TenantScope, window: PageWindow): Promise<Found<ProspectImportRow>> {
    const matching = this.db.selectFrom('prospectImports').where((eb) => partnerOwned(eb, scope, 'prospectImports'));
    const [items, count] = await Promise.all([
      matching.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'asc').limit(window.limit).offset(window.offset).execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** The worker recording an import's progress. */
  async updateForSystem(id: string, progress: ImportProgress): Promise<void> {
    await this.db.updateTable('prospectImports').set(progress).where('id', '=', id).execute();
  }
}
