import { Injectable } from '@nestjs/common';
import { VendorEntity } from '@tcma/persistence';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class VendorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(input: { name: string; slug: string }, tx?: EntityManager): Promise<VendorEntity> {
    const repo = (tx ?? this.dataSource.manager).getRepository(VendorEntity);
    return repo.save(repo.create(input));
  }

  findById(id: string): Promise<VendorEntity | null> {
    return this.dataSource.getRepository(VendorEntity).findOneBy({ id });
  }

  async setSendingDomain(id: string, sendingDomain: string | null): Promise<void> {
    await this.dataSource.getRepository(VendorEntity).update({ id }, { sendingDomain });
  }

  async slugTaken(slug: string, tx?: EntityManager): Promise<boolean> {
    return (tx ?? this.dataSource.manager).getRepository(VendorEntity).existsBy({ slug });
  }
}
