import { Injectable } from '@nestjs/common';
import { StoredFileEntity } from '@tcma/persistence';
import { DataSource } from 'typeorm';

@Injectable()
export class StoredFilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records that the vendor owns these bytes; uploading the same bytes twice is one file. */
  async upsert(input: Pick<StoredFileEntity, 'vendorId' | 'key' | 'contentType' | 'size' | 'metadata'>): Promise<StoredFileEntity> {
    await this.dataSource.query(
      `INSERT INTO stored_files (vendor_id, key, content_type, size, metadata) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (vendor_id, key) DO NOTHING`,
      [input.vendorId, input.key, input.contentType, input.size, JSON.stringify(input.metadata)],
    );
    return this.dataSource.getRepository(StoredFileEntity).findOneByOrFail({ vendorId: input.vendorId, key: input.key });
  }

  findInVendor(vendorId: string, id: string): Promise<StoredFileEntity | null> {
    return this.dataSource.getRepository(StoredFileEntity).findOneBy({ vendorId, id });
  }

  ownsKey(vendorId: string, key: string): Promise<boolean> {
    return this.dataSource.getRepository(StoredFileEntity).existsBy({ vendorId, key });
  }
}
