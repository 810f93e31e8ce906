export { BlobStorage, BlobTooLargeError } from './blob-storage';
export { LocalDiskStorage } from './local-disk.storage';
export { S3BlobStorage } from './s3.storage';
export { StorageModule } from './storage.module';
export { PublicBlobsRepository } from './public-blobs.repository';
export { PublicFiles } from './public-files.service';
