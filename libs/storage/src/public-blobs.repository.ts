import { Injectable } from '@nestjs/common';
import { PublicBlobEntity } from '@tcma/persistence';
import { DataSource } from 'typeorm';

/** Which stored keys the public file route may serve (logos in emails, rendered assets). */
@Injectable()
export class PublicBlobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async publish(key: string, contentType: string): Promise<void> {
    await this.dataSource.query('INSERT INTO public_blobs (key, content_type) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, contentType]);
  }

  find(key: string): Promise<PublicBlobEntity | null> {
    return this.dataSource.getRepository(PublicBlobEntity).findOneBy({ key });
  }
}
