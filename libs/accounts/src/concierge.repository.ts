import { Injectable } from '@nestjs/common';
import {
  ConciergeAccessRow,
  Database,
  executorOf,
  partnerOwned,
  PartnerScope,
  TenantScope,
  Tx,
} from '@tcma/persistence';

/** An entry of the audit log with the vendor user's name and email, as the partner reads it. */
export type ConciergeAccessEntry = ConciergeAccessRow & { userName: string; userEmail: string };

@Injectable()
export class ConciergeRepository {
  constructor(private readonly db: Database) {}

  async record(
    scope: PartnerScope,
    access: Pick<ConciergeAccessRow, 'userId' | 'method' | 'path' | 'at'> & { action?: string | null },
    tx?: Tx,
  ): Promise<void> {
    await executorOf(this.db, tx)
      .insertInto('conciergeAccesses')
      .values({ ...access, vendorId: scope.vendorId, partnerId: scope.partnerId })
      .execute();
  }

  /** Newest first; a partner scope narrows to that partner. */
  async list(
    scope: TenantScope,
    page: { limit: number; offset: number },
  ): Promise<{ items: ConciergeAccessEntry[]; total: number }> {
    const base = this.db.selectFrom('conciergeAccesses as c').where((eb) => partnerOwned(eb, scope, 'c'));
    const [items, count] = await Promise.all([
      base
        // The user is the vendor's: same vendor, as the scope already requires of the entry.
        .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'c.userId').onRef('u.vendorId', '=', 'c.vendorId'))
        .selectAll('c')
        .select(['u.name as userName', 'u.email as userEmail'])
        .orderBy('c.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
