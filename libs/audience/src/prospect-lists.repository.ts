import { Injectable } from '@nestjs/common';
import { ProspectListEntity } from '@tcma/persistence';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class ProspectListsRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(input: Pick<ProspectListEntity, 'vendorId' | 'partnerId' | 'name'>): Promise<ProspectListEntity> {
    const repo = this.dataSource.getRepository(ProspectListEntity);
    return repo.save(repo.create(input));
  }

  findInPartner(partnerId: string, id: string): Promise<ProspectListEntity | null> {
    return this.dataSource.getRepository(ProspectListEntity).findOneBy({ partnerId, id });
  }

  async listWithCounts(partnerId: string): Promise<Array<ProspectListEntity & { size: number }>> {
    const lists = await this.dataSource.getRepository(ProspectListEntity).find({ where: { partnerId }, order: { name: 'ASC' } });
    const counts: Array<{ list_id: string; n: number }> = await this.dataSource.query(
      'SELECT list_id, count(*)::int AS n FROM prospect_list_members WHERE list_id = ANY($1::uuid[]) GROUP BY list_id',
      [lists.map((l) => l.id)],
    );
    const byList = new Map(counts.map((c) => [c.list_id, c.n]));
    return lists.map((l) => ({ ...l, size: byList.get(l.id) ?? 0 }));
  }

  /** Adds prospects (of the same partner, checked in SQL) to a list; returns how many were new. */
  async addMembers(listId: string, partnerId: string, prospectIds: string[], tx?: EntityManager): Promise<number> {
    if (!prospectIds.length) return 0;
    const rows: Array<{ n: number }> = await (tx ?? this.dataSource.manager).query(
      `WITH added AS (
         INSERT INTO prospect_list_members (list_id, prospect_id)
         SELECT $1, p.id FROM prospects p WHERE p.partner_id = $2 AND p.id = ANY($3::bigint[])
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM added`,
      [listId, partnerId, prospectIds],
    );
    return rows[0].n;
  }

  async removeMembers(listId: string, prospectIds: string[]): Promise<void> {
    await this.dataSource.query('DELETE FROM prospect_list_members WHERE list_id = $1 AND prospect_id = ANY($2::bigint[])', [listId, prospectIds]);
  }
}
