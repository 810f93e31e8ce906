import { Injectable } from '@nestjs/common';
import { BLOB_KEY_PATTERN, BlobStorage } from './blob-storage';
import { PublicBlobsRepository } from './public-blobs.repository';

/** Files meant for the public (partner logos in sent emails): only keys published as such are served. */
@Injectable()
export class PublicFiles {
  constructor(
    private readonly published: PublicBlobsRepository,
    private readonly storage: BlobStorage,
  ) {}

  /** The bytes and type of a published file, or null for any other key. */
  async get(key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const entry = BLOB_KEY_PATTERN.test(key) ? await this.published.find(key) : null;
    const bytes = entry ? await this.storage.get(key) : null;
    return entry && bytes ? { bytes, contentType: entry.contentType } : null;
  }
}
