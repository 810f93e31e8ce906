import { Injectable } from '@nestjs/common';
import { ConciergeAccessRow, Database, partnerOwned, PartnerScope, TenantScope } from '@tcma/persistence';

@Injectable()
export class ConciergeRepository {
  constructor(private readonly db: Database) {}

  async record(scope: PartnerScope, access: Pick<ConciergeAccessRow, 'userId' | 'method' | 'path' | 'at'>): Promise<void> {
    await this.db.insertInto('conciergeAccesses').values({ ...access, vendorId: scope.vendorId, partnerId: scope.partnerId }).execute();
  }

  /** Newest first; a partner scope narrows to that partner. */
  async list(scope: TenantScope, page: { limit: number; offset: number }): Promise<{ items: ConciergeAccessRow[]; total: number }> {
    const base = this.db
      .selectFrom('conciergeAccesses as c')
      .where((eb) => partnerOwned(eb, scope, 'c'));
    const [items, count] = await Promise.all([
      base.selectAll('c').orderBy('c.id', 'desc').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
