import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { BlobStorage } from './blob-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { PublicBlobsRepository } from './public-blobs.repository';

@Global()
@Module({
  providers: [{ provide: BlobStorage, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.dataDir) }, PublicBlobsRepository],
  exports: [BlobStorage, PublicBlobsRepository],
})
export class StorageModule {}
