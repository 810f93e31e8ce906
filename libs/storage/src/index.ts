export { BLOB_KEY_PATTERN, BlobStorage, BlobTooLargeError } from './blob-storage';
export type { StoredBlob } from './blob-storage';
export { LocalDiskStorage } from './local-disk.storage';
export { S3BlobStorage } from './s3.storage';
export type { S3StorageOptions } from './s3.storage';
export { blobStorageOf, StorageModule } from './storage.module';
export { PublicBlobsRepository } from './public-blobs.repository';
export { PublicFiles } from './public-files.service';
export type { PublicFileAnswer } from './public-files.service';
