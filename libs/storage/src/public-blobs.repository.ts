import { Injectable } from '@nestjs/common';
import { Database, PublicBlobRow } from '@tcma/persistence';

/** Which stored keys the public file route may serve (logos in emails, rendered assets). */
@Injectable()
export class PublicBlobsRepository {
  constructor(private readonly db: Database) {}

  async publish(key: string, contentType: string): Promise<void> {
    await this.db
      .insertInto('publicBlobs')
      .values({ key, contentType })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  async find(key: string): Promise<PublicBlobRow | null> {
    return (await this.db.selectFrom('publicBlobs').selectAll().where('key', '=', key).executeTakeFirst()) ?? null;
  }
}
