import { Injectable } from '@nestjs/common';
import { ProspectEntity, queryRows } from '@tcma/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { NormalizedProspect } from './prospect-row';

export interface UpsertResult {
  ids: string[];
  inserted: number;
  merged: number;
}

export interface ProspectPageFilter {
  afterId?: string;
  limit: number;
  search?: string;
  listId?: string;
}

@Injectable()
export class ProspectsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts prospects or merges them into the partner's existing ones (same email, any case):
   * non-empty new values win, custom fields merge. One statement per batch; the batch must
   * hold each email once.
   */
  async upsertMany(vendorId: string, partnerId: string, rows: NormalizedProspect[], tx?: EntityManager): Promise<UpsertResult> {
    if (!rows.length) return { ids: [], inserted: 0, merged: 0 };
    const col = <K extends keyof NormalizedProspect>(k: K) => rows.map((r) => r[k]);
    const result = await queryRows<{ id: string; inserted: boolean }>(
      tx ?? this.dataSource,
      `INSERT INTO prospects (vendor_id, partner_id, email, email_lower, first_name, last_name, company, title, country, timezone, consent_source, custom)
       SELECT $1, $2, r.* FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::jsonb[])
         AS r(email, email_lower, first_name, last_name, company, title, country, timezone, consent_source, custom)
       ON CONFLICT (partner_id, email_lower) DO UPDATE SET
         email = EXCLUDED.email,
         first_name = COALESCE(EXCLUDED.first_name, prospects.first_name),
         last_name = COALESCE(EXCLUDED.last_name, prospects.last_name),
         company = COALESCE(EXCLUDED.company, prospects.company),
         title = COALESCE(EXCLUDED.title, prospects.title),
         country = COALESCE(EXCLUDED.country, prospects.country),
         timezone = COALESCE(EXCLUDED.timezone, prospects.timezone),
         consent_source = COALESCE(EXCLUDED.consent_source, prospects.consent_source),
         custom = prospects.custom || EXCLUDED.custom,
         updated_at = now()
       RETURNING id, (xmax = 0) AS inserted`,
      [vendorId, partnerId, col('email'), col('emailLower'), col('firstName'), col('lastName'), col('company'), col('title'), col('country'), col('timezone'), col('consentSource'), rows.map((r) => JSON.stringify(r.custom))],
    );
    const inserted = result.filter((r) => r.inserted).length;
    return { ids: result.map((r) => String(r.id)), inserted, merged: result.length - inserted };
  }

  findInPartner(partnerId: string, id: string): Promise<ProspectEntity | null> {
    if (!/^\d{1,18}$/.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(ProspectEntity).findOneBy({ partnerId, id });
  }

  findByEmail(partnerId: string, emailLower: string): Promise<ProspectEntity | null> {
    return this.dataSource.getRepository(ProspectEntity).findOneBy({ partnerId, emailLower });
  }

  /** Keyset pages by id: stable and fast however large the audience. */
  async page(partnerId: string, filter: ProspectPageFilter): Promise<ProspectEntity[]> {
    const qb = this.dataSource.getRepository(ProspectEntity).createQueryBuilder('p').where('p.partnerId = :partnerId', { partnerId });
    if (filter.afterId) qb.andWhere('p.id > :afterId', { afterId: filter.afterId });
    if (filter.search) qb.andWhere("(p.emailLower LIKE :s ESCAPE '\\' OR lower(p.company) LIKE :s ESCAPE '\\')", { s: `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (filter.listId) qb.andWhere('EXISTS (SELECT 1 FROM prospect_list_members m WHERE m.list_id = :listId AND m.prospect_id = p.id)', { listId: filter.listId });
    return qb.orderBy('p.id', 'ASC').take(filter.limit).getMany();
  }

  save(prospect: ProspectEntity): Promise<ProspectEntity> {
    return this.dataSource.getRepository(ProspectEntity).save(prospect);
  }

  async remove(prospect: ProspectEntity): Promise<void> {
    await this.dataSource.getRepository(ProspectEntity).delete({ id: prospect.id, partnerId: prospect.partnerId });
  }

  async count(partnerId: string): Promise<number> {
    return this.dataSource.getRepository(ProspectEntity).countBy({ partnerId });
  }
}
