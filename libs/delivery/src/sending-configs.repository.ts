import { Injectable } from '@nestjs/common';
import { SendingConfigEntity } from '@tcma/persistence';
import { DataSource, IsNull } from 'typeorm';

@Injectable()
export class SendingConfigsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The partner's own configuration if it has one, else the vendor's. */
  async effective(vendorId: string, partnerId: string): Promise<SendingConfigEntity | null> {
    const rows = await this.dataSource
      .getRepository(SendingConfigEntity)
      .createQueryBuilder('c')
      .where('c.vendorId = :vendorId AND (c.partnerId = :partnerId OR c.partnerId IS NULL)', { vendorId, partnerId })
      .orderBy('c.partnerId', 'ASC', 'NULLS LAST')
      .limit(1)
      .getMany();
    return rows[0] ?? null;
  }

  find(vendorId: string, partnerId: string | null): Promise<SendingConfigEntity | null> {
    return this.dataSource.getRepository(SendingConfigEntity).findOneBy({ vendorId, partnerId: partnerId ?? IsNull() });
  }

  async upsert(vendorId: string, partnerId: string | null, fields: Pick<SendingConfigEntity, 'smtpUrlEncrypted' | 'dkimDomain' | 'dkimSelector' | 'dkimKeyEncrypted' | 'ratePerSecond'>): Promise<SendingConfigEntity> {
    await this.dataSource.query(
      `INSERT INTO sending_configs (vendor_id, partner_id, smtp_url_encrypted, dkim_domain, dkim_selector, dkim_key_encrypted, rate_per_second)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (vendor_id, partner_id) DO UPDATE SET smtp_url_encrypted = EXCLUDED.smtp_url_encrypted, dkim_domain = EXCLUDED.dkim_domain,
         dkim_selector = EXCLUDED.dkim_selector, dkim_key_encrypted = EXCLUDED.dkim_key_encrypted, rate_per_second = EXCLUDED.rate_per_second,
         revision = sending_configs.revision + 1, updated_at = now()`,
      [vendorId, partnerId, fields.smtpUrlEncrypted, fields.dkimDomain, fields.dkimSelector, fields.dkimKeyEncrypted, fields.ratePerSecond],
    );
    return (await this.find(vendorId, partnerId)) as SendingConfigEntity;
  }

  async remove(vendorId: string, partnerId: string | null): Promise<boolean> {
    const result = await this.dataSource.getRepository(SendingConfigEntity).delete({ vendorId, partnerId: partnerId ?? IsNull() });
    return (result.affected ?? 0) > 0;
  }
}
