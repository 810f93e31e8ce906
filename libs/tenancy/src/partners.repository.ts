import { Injectable } from '@nestjs/common';
import { PartnerEntity, PartnerStatus } from '@tcma/persistence';
import { DataSource, EntityManager } from 'typeorm';

export interface PartnerFilter {
  tier?: string;
  region?: string;
  status?: PartnerStatus;
  search?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class PartnersRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(input: Pick<PartnerEntity, 'vendorId' | 'companyName' | 'tier' | 'region' | 'timezone' | 'status'>, tx?: EntityManager): Promise<PartnerEntity> {
    const repo = (tx ?? this.dataSource.manager).getRepository(PartnerEntity);
    return repo.save(repo.create(input));
  }

  findInVendor(vendorId: string, id: string): Promise<PartnerEntity | null> {
    return this.dataSource.getRepository(PartnerEntity).findOneBy({ vendorId, id });
  }

  companyNameTaken(vendorId: string, companyName: string, exceptId?: string): Promise<boolean> {
    const qb = this.dataSource
      .getRepository(PartnerEntity)
      .createQueryBuilder('p')
      .where('p.vendorId = :vendorId AND lower(p.companyName) = lower(:companyName)', { vendorId, companyName });
    if (exceptId) qb.andWhere('p.id <> :exceptId', { exceptId });
    return qb.getExists();
  }

  async list(vendorId: string, filter: PartnerFilter): Promise<{ items: PartnerEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(PartnerEntity).createQueryBuilder('p').where('p.vendorId = :vendorId', { vendorId });
    if (filter.tier) qb.andWhere('p.tier = :tier', { tier: filter.tier });
    if (filter.region) qb.andWhere('p.region = :region', { region: filter.region });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.search) qb.andWhere("p.companyName ILIKE :search ESCAPE '\\'", { search: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const [items, total] = await qb.orderBy('p.companyName', 'ASC').addOrderBy('p.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  save(partner: PartnerEntity): Promise<PartnerEntity> {
    return this.dataSource.getRepository(PartnerEntity).save(partner);
  }
}
