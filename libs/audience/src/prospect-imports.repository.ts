import { Injectable } from '@nestjs/common';
import { ProspectImportEntity } from '@tcma/persistence';
import { DataSource } from 'typeorm';

@Injectable()
export class ProspectImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(input: Pick<ProspectImportEntity, 'vendorId' | 'partnerId' | 'listId' | 'fileKey' | 'fileSize' | 'createdBy'>): Promise<ProspectImportEntity> {
    const repo = this.dataSource.getRepository(ProspectImportEntity);
    return repo.save(repo.create({ ...input, status: 'queued' }));
  }

  find(id: string): Promise<ProspectImportEntity | null> {
    return this.dataSource.getRepository(ProspectImportEntity).findOneBy({ id });
  }

  findInPartner(partnerId: string, id: string): Promise<ProspectImportEntity | null> {
    return this.dataSource.getRepository(ProspectImportEntity).findOneBy({ partnerId, id });
  }

  listForPartner(partnerId: string): Promise<ProspectImportEntity[]> {
    return this.dataSource.getRepository(ProspectImportEntity).find({ where: { partnerId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async update(id: string, changes: Partial<ProspectImportEntity>): Promise<void> {
    await this.dataSource.getRepository(ProspectImportEntity).update({ id }, changes);
  }
}
