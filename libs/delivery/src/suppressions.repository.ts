import { Injectable } from '@nestjs/common';
import { SuppressionEntity, SuppressionReason } from '@tcma/persistence';
import { DataSource, EntityManager } from 'typeorm';

export interface SuppressionScope {
  vendorId: string;
  partnerId: string | null;
  campaignId: string | null;
}

@Injectable()
export class SuppressionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether any suppression covers this address for this partner and campaign. */
  async isSuppressed(scope: SuppressionScope & { partnerId: string; campaignId: string }, emailLower: string, tx?: EntityManager): Promise<SuppressionReason | null> {
    const rows: Array<{ reason: SuppressionReason }> = await (tx ?? this.dataSource.manager).query(
      `SELECT reason FROM suppressions
        WHERE vendor_id = $1 AND email_lower = $2 AND (partner_id IS NULL OR partner_id = $3) AND (campaign_id IS NULL OR campaign_id = $4)
        LIMIT 1`,
      [scope.vendorId, emailLower, scope.partnerId, scope.campaignId],
    );
    return rows[0]?.reason ?? null;
  }

  /** Adds the suppression; false when the address was already suppressed in that scope. */
  async add(scope: SuppressionScope, emailLower: string, reason: SuppressionReason, sendId: string | null, tx?: EntityManager): Promise<boolean> {
    const rows: Array<{ id: string }> = await (tx ?? this.dataSource.manager).query(
      `INSERT INTO suppressions (vendor_id, partner_id, campaign_id, email_lower, reason, send_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (vendor_id, partner_id, campaign_id, email_lower) DO NOTHING RETURNING id`,
      [scope.vendorId, scope.partnerId, scope.campaignId, emailLower, reason, sendId],
    );
    return rows.length > 0;
  }

  page(vendorId: string, partnerId: string | null, email: string | undefined, limit: number, offset: number): Promise<SuppressionEntity[]> {
    const qb = this.dataSource.getRepository(SuppressionEntity).createQueryBuilder('s').where('s.vendorId = :vendorId', { vendorId });
    if (partnerId) qb.andWhere('s.partnerId = :partnerId', { partnerId });
    if (email) qb.andWhere('s.emailLower = :email', { email: email.toLowerCase() });
    return qb.orderBy('s.id', 'DESC').take(limit).skip(offset).getMany();
  }

  find(vendorId: string, id: string): Promise<SuppressionEntity | null> {
    if (!/^\d{1,18}$/.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(SuppressionEntity).findOneBy({ vendorId, id });
  }

  async remove(entity: SuppressionEntity): Promise<void> {
    await this.dataSource.getRepository(SuppressionEntity).delete({ id: entity.id });
  }
}
