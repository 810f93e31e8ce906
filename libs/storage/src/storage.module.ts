import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { BlobStorage } from './blob-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { PublicBlobsRepository } from './public-blobs.repository';
import { PublicFiles } from './public-files.service';
import { S3BlobStorage } from './s3.storage';

/** The store STORAGE_URL chooses: an S3-compatible bucket, or the local DATA_DIR. */
export function blobStorageOf(config: AppConfig): BlobStorage {
  const s = config.storage;
  if (s.kind === 'local') return new LocalDiskStorage(s.dir);
  return new S3BlobStorage({
    bucket: s.bucket,
    prefix: s.prefix,
    endpoint: config.s3.endpoint,
    region: config.s3.region,
    credentials: config.s3.credentials,
    forcePathStyle: config.s3.forcePathStyle,
  });
}

@Global()
@Module({
  providers: [
    { provide: BlobStorage, inject: [AppConfig], useFactory: blobStorageOf },
    PublicBlobsRepository,
    PublicFiles,
  ],
  exports: [BlobStorage, PublicBlobsRepository, PublicFiles],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(BlobStorage) private readonly storage: BlobStorage) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3BlobStorage) this.storage.close();
  }
}
