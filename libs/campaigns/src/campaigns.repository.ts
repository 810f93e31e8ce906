import { Injectable } from '@nestjs/common';
import type { CampaignContent } from '@tcma/campaign-model';
import { CampaignEntity, CampaignStatus, CampaignVersionEntity, queryRows } from '@tcma/persistence';
import { DataSource, EntityManager } from 'typeorm';

export interface CampaignListFilter {
  status?: CampaignStatus;
  search?: string;
  limit: number;
  offset: number;
}

export interface PartnerEligibility {
  tier: string;
  region: string;
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class CampaignsRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(input: Pick<CampaignEntity, 'vendorId' | 'name' | 'draft' | 'createdBy'>): Promise<CampaignEntity> {
    const repo = this.dataSource.getRepository(CampaignEntity);
    return repo.save(repo.create({ ...input, status: 'draft', draftRevision: 1, latestVersion: null, archivedAt: null }));
  }

  findInVendor(vendorId: string, id: string, tx?: EntityManager): Promise<CampaignEntity | null> {
    const repo = (tx ?? this.dataSource.manager).getRepository(CampaignEntity);
    return tx ? repo.findOne({ where: { vendorId, id }, lock: { mode: 'pessimistic_write' } }) : repo.findOneBy({ vendorId, id });
  }

  async list(vendorId: string, filter: CampaignListFilter): Promise<{ items: CampaignEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(CampaignEntity).createQueryBuilder('c').where('c.vendorId = :vendorId', { vendorId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.search) qb.andWhere("c.name ILIKE :search ESCAPE '\\'", { search: likePattern(filter.search) });
    const [items, total] = await qb.orderBy('c.updatedAt', 'DESC').addOrderBy('c.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  private publishedForPartner(vendorId: string, partner: PartnerEligibility) {
    return this.dataSource
      .getRepository(CampaignVersionEntity)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.campaign', 'c', 'c.latestVersion = v.version')
      .where('c.vendorId = :vendorId', { vendorId })
      .andWhere("c.status = 'published'")
      .andWhere('(cardinality(v.tiers) = 0 OR :tier = ANY(v.tiers))', { tier: partner.tier })
      .andWhere('(cardinality(v.regions) = 0 OR :region = ANY(v.regions))', { region: partner.region });
  }

  /** The latest published versions a partner may launch: not archived, tier and region eligible. */
  async listPublishedForPartner(vendorId: string, partner: PartnerEligibility, filter: Omit<CampaignListFilter, 'status'>): Promise<{ items: CampaignVersionEntity[]; total: number }> {
    const qb = this.publishedForPartner(vendorId, partner);
    if (filter.search) qb.andWhere("c.name ILIKE :search ESCAPE '\\'", { search: likePattern(filter.search) });
    const [items, total] = await qb.orderBy('v.publishedAt', 'DESC').addOrderBy('c.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  findPublishedForPartner(vendorId: string, partner: PartnerEligibility, campaignId: string): Promise<CampaignVersionEntity | null> {
    return this.publishedForPartner(vendorId, partner).andWhere('c.id = :campaignId', { campaignId }).getOne();
  }

  /**
   * Saves a draft only if nobody changed it since `expectedRevision` was read: edits are
   * validated outside any lock and this is where a concurrent edit is detected.
   */
  async saveDraft(id: string, draft: CampaignContent, expectedRevision: number): Promise<number | null> {
    const rows = await queryRows<{ draft_revision: number }>(
      this.dataSource,
      `UPDATE campaigns SET draft = $2, name = $3, draft_revision = draft_revision + 1, updated_at = now()
        WHERE id = $1 AND draft_revision = $4 AND archived_at IS NULL
        RETURNING draft_revision`,
      [id, JSON.stringify(draft), draft.name, expectedRevision],
    );
    return rows[0]?.draft_revision ?? null;
  }

  async insertVersion(tx: EntityManager, input: Pick<CampaignVersionEntity, 'campaignId' | 'version' | 'content' | 'publishedBy'>): Promise<CampaignVersionEntity> {
    const repo = tx.getRepository(CampaignVersionEntity);
    return repo.save(
      repo.create({ ...input, tiers: input.content.eligibility.tiers, regions: input.content.eligibility.regions }),
    );
  }

  save(campaign: CampaignEntity, tx?: EntityManager): Promise<CampaignEntity> {
    return (tx ?? this.dataSource.manager).getRepository(CampaignEntity).save(campaign);
  }

  async hasLaunches(campaignId: string): Promise<boolean> {
    const rows: Array<{ launched: boolean }> = await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM launches WHERE campaign_id = $1) AS launched', [campaignId]);
    return rows[0].launched;
  }

  remove(campaign: CampaignEntity): Promise<CampaignEntity> {
    return this.dataSource.getRepository(CampaignEntity).remove(campaign);
  }

  listVersions(campaignId: string): Promise<CampaignVersionEntity[]> {
    return this.dataSource.getRepository(CampaignVersionEntity).find({ where: { campaignId }, order: { version: 'DESC' } });
  }

  findVersionById(id: string): Promise<CampaignVersionEntity | null> {
    return this.dataSource.getRepository(CampaignVersionEntity).findOneBy({ id });
  }

  findVersion(campaignId: string, version: number): Promise<CampaignVersionEntity | null> {
    return this.dataSource.getRepository(CampaignVersionEntity).findOneBy({ campaignId, version });
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
