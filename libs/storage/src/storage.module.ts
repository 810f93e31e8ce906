import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { BlobStorage } from './blob-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { PublicBlobsRepository } from './public-blobs.repository';
import { PublicFiles } from './public-files.service';

@Global()
@Module({
  providers: [{ provide: BlobStorage, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.dataDir) }, PublicBlobsRepository, PublicFiles],
  exports: [BlobStorage, PublicBlobsRepository, PublicFiles],
})
export class StorageModule {}
