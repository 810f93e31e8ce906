import { Injectable } from '@nestjs/common';
import { Database, NewStoredFile, StoredFileRow, TenantScope, vendorOwned } from '@tcma/persistence';

export type NewStoredFileInput = Pick<NewStoredFile, 'key' | 'contentType' | 'size' | 'metadata'>;

/** The vendor's uploaded files (stored_files rows), which campaign assets name by their key. */
@Injectable()
export class CampaignFilesRepository {
  constructor(private readonly db: Database) {}

  /** Records that the vendor owns these bytes; uploading the same bytes twice is one file. */
  async upsert(scope: TenantScope, input: NewStoredFileInput): Promise<StoredFileRow> {
    await this.db
      .insertInto('storedFiles')
      .values({ ...input, vendorId: scope.vendorId })
      .onConflict((oc) => oc.columns(['vendorId', 'key']).doNothing())
      .execute();
    return this.db
      .selectFrom('storedFiles')
      .selectAll()
      .where('key', '=', input.key)
      .where((eb) => vendorOwned(eb, scope, 'storedFiles'))
      .executeTakeFirstOrThrow();
  }

  async find(scope: TenantScope, id: string): Promise<StoredFileRow | null> {
    return (
      (await this.db
        .selectFrom('storedFiles')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'storedFiles'))
        .executeTakeFirst()) ?? null
    );
  }

  /** The vendor's file with these bytes (a draft asset names its file by key). */
  async findByKey(scope: TenantScope, key: string): Promise<StoredFileRow | null> {
    return (
      (await this.db
        .selectFrom('storedFiles')
        .selectAll()
        .where('key', '=', key)
        .where((eb) => vendorOwned(eb, scope, 'storedFiles'))
        .executeTakeFirst()) ?? null
    );
  }
}
