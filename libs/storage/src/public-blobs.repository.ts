import { Injectable } from '@nestjs/common';
import { Database, PublicBlobRow } from '@tcma/persistence';

/** Which stored keys the public file route may serve (logos in emails, rendered assets). */
@Injectable()
export class PublicBlobsRepository {
  constructor(private readonly db: Database) {}

  /** `copied`: a public copy was made in the bucket (PUBLIC_FILE_URLS=public). */
  async publish(key: string, contentType: string, copied = false): Promise<void> {
    await this.db
      .insertInto('publicBlobs')
      .values({ key, contentType, publicCopy: copied })
      .onConflict((oc) => (copied ? oc.column('key').doUpdateSet({ publicCopy: true }) : oc.column('key').doNothing()))
      .execute();
  }

  async find(key: string): Promise<PublicBlobRow | null> {
    return (await this.db.selectFrom('publicBlobs').selectAll().where('key', '=', key).executeTakeFirst()) ?? null;
  }

  /** Published keys without a public copy yet (published before PUBLIC_FILE_URLS=public was chosen). */
  async withoutPublicCopy(limit: number): Promise<PublicBlobRow[]> {
    return this.db
      .selectFrom('publicBlobs')
      .selectAll()
      .where('publicCopy', '=', false)
      .orderBy('key')
      .limit(limit)
      .execute();
  }

  async markCopied(keys: string[]): Promise<void> {
    if (keys.length)
      await this.db.updateTable('publicBlobs').set({ publicCopy: true }).where('key', 'in', keys).execute();
  }

  /** Unpublishes keys (their blobs are being removed). */
  async remove(keys: string[]): Promise<void> {
    if (keys.length) await this.db.deleteFrom('publicBlobs').where('key', 'in', keys).execute();
  }
}
