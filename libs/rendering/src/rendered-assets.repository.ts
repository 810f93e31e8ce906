import { Injectable } from '@nestjs/common';
import { RenderedAssetEntity } from '@tcma/persistence';
import { DataSource } from 'typeorm';

@Injectable()
export class RenderedAssetsRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(renderKey: string): Promise<RenderedAssetEntity | null> {
    return this.dataSource.getRepository(RenderedAssetEntity).findOneBy({ renderKey });
  }

  async record(entry: Pick<RenderedAssetEntity, 'renderKey' | 'blobKey' | 'contentType' | 'byteSize'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO rendered_assets (render_key, blob_key, content_type, byte_size) VALUES ($1, $2, $3, $4) ON CONFLICT (render_key) DO NOTHING`,
      [entry.renderKey, entry.blobKey, entry.contentType, entry.byteSize],
    );
  }
}
