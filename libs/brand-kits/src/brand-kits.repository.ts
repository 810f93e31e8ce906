import { Injectable } from '@nestjs/common';
import { BrandKitEntity } from '@tcma/persistence';
import { DataSource } from 'typeorm';

export type BrandKitFields = Omit<BrandKitEntity, 'partnerId' | 'vendorId' | 'partner' | 'vendor' | 'revision' | 'updatedAt'>;

@Injectable()
export class BrandKitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(partnerId: string): Promise<BrandKitEntity | null> {
    return this.dataSource.getRepository(BrandKitEntity).findOneBy({ partnerId });
  }

  /** Creates or replaces the partner's brand kit, bumping its revision. */
  async save(partnerId: string, vendorId: string, fields: Partial<BrandKitFields>): Promise<BrandKitEntity> {
    const repo = this.dataSource.getRepository(BrandKitEntity);
    return this.dataSource.transaction(async (tx) => {
      const current = await tx.getRepository(BrandKitEntity).findOne({ where: { partnerId }, lock: { mode: 'pessimistic_write' } });
      const next = repo.create({ ...emptyFields(), ...(current ?? {}), ...fields, partnerId, vendorId, revision: (current?.revision ?? 0) + 1 });
      return tx.getRepository(BrandKitEntity).save(next);
    });
  }
}

function emptyFields(): BrandKitFields {
  return {
    companyName: null,
    contactName: null,
    phone: null,
    email: null,
    website: null,
    address: null,
    primaryColor: null,
    secondaryColor: null,
    logo: null,
    senderFromName: null,
    senderFromEmail: null,
    senderReplyTo: null,
  };
}
