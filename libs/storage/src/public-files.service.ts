import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import type { Readable } from 'node:stream';
import { BLOB_KEY_PATTERN, BlobStorage } from './blob-storage';
import { PublicBlobsRepository } from './public-blobs.repository';
import { S3BlobStorage } from './s3.storage';

/** What the public file route answers: the bytes, or a redirect to the store's own address of them. */
export type PublicFileAnswer =
  { kind: 'stream'; stream: Readable; contentType: string } | { kind: 'redirect'; url: string; maxAgeSeconds: number };

/**
 * Files meant for the public (partner logos in sent emails): only keys published as such are
 * served. PUBLIC_FILE_URLS chooses how they reach a mail client: through the API (`api`, the
 * default), through the API's redirect to a presigned address of the S3 store (`presigned`),
 * or straight from a public copy in the bucket (`public`, at S3_PUBLIC_URL/<key>).
 */
@Injectable()
export class PublicFiles {
  constructor(
    private readonly published: PublicBlobsRepository,
    private readonly storage: BlobStorage,
    private readonly config: AppConfig,
  ) {}

  /** The address emails and the brand kit give for a published file. */
  urlOf(key: string): string {
    if (this.config.publicFileUrls === 'public' && this.config.s3.publicUrl)
      return `${this.config.s3.publicUrl}/${key}`;
    return `${this.config.publicBaseUrl}/public/${key}`;
  }

  /** Lets the public file route serve a stored key (and, with public URLs, copies it where the bucket serves it). */
  async publish(key: string, contentType: string): Promise<void> {
    if (this.config.publicFileUrls === 'public' && this.storage instanceof S3BlobStorage)
      await this.storage.publish(key, contentType);
    await this.published.publish(key, contentType, this.config.publicFileUrls === 'public');
  }

  /** How to answer a request for a key: null for any key not published or not stored. */
  async serve(key: string): Promise<PublicFileAnswer | null> {
    const entry = BLOB_KEY_PATTERN.test(key) ? await this.published.find(key) : null;
    if (!entry) return null;
    if (this.config.publicFileUrls !== 'api' && this.storage instanceof S3BlobStorage) {
      if (!(await this.storage.has(key))) return null;
      const seconds = this.config.s3.presignSeconds;
      // A cached redirect must not outlive the address it points to.
      return {
        kind: 'redirect',
        url: await this.storage.presignedUrl(key, entry.contentType, seconds),
        maxAgeSeconds: Math.floor(seconds / 2),
      };
    }
    const stream = await this.storage.openStream(key);
    return stream ? { kind: 'stream', stream, contentType: entry.contentType } : null;
  }
}
