import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BLOB_KEY_PATTERN, BlobStorage, BlobTooLargeError, StoredBlob } from './blob-storage';

export interface S3StorageOptions {
  bucket: string;
  /** '' or a path ending in '/': every object the engine writes is under it. */
  prefix: string;
  /** The service's address; unset: AWS S3 in `region`. */
  endpoint?: string;
  region: string;
  /** Unset: the AWS SDK's default chain (AWS_* variables, instance or task roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** bucket in the path (MinIO, Ceph RGW, most self-hosted services) rather than in the host name. */
  forcePathStyle: boolean;
  /** Size of the parts of multipart uploads. */
  partSize?: number;
}

/** S3's smallest part is 5 MiB; 16 MiB parts keep a 512 MB import to 32 parts. */
export const DEFAULT_PART_SIZE = 16 * 1024 * 1024;
/** Parts of one upload in flight at once: memory held is about PART_SIZE × this. */
const UPLOAD_QUEUE_SIZE = 2;
/** Objects written under <prefix>tmp/ while a stream is hashed (its key is known only at its end). */
const TMP = 'tmp/';
/** Copies of published files (partner logos) that a bucket policy may make readable to anyone. */
const PUBLIC = 'public/';

function isNotFound(e: unknown): boolean {
  return e instanceof S3ServiceException
    ? e.$metadata?.httpStatusCode === 404 || e.name === 'NoSuchKey' || e.name === 'NotFound'
    : false;
}

/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Ceph RGW), at
 * <prefix><key>. Streams are uploaded in parts while they are hashed, to a temporary object
 * copied to its content address at the end; reads are streamed from the service.
 */
export class S3BlobStorage extends BlobStorage {
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly partSize: number;

  constructor(options: S3StorageOptions) {
    super();
    this.bucket = options.bucket;
    this.prefix = options.prefix;
    this.partSize = options.partSize ?? DEFAULT_PART_SIZE;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      credentials: options.credentials,
      forcePathStyle: options.forcePathStyle,
      // The SDK's default CRC checksums on every upload are not understood by every
      // S3-compatible service; send and check them only where the API requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(bytes: Buffer): Promise<string> {
    const key = `sha256-${createHash('sha256').update(bytes).digest('hex')}`;
    // Written even when present: S3 has no cheaper way to refresh an object's time.
    if (bytes.length > this.partSize) await this.upload(this.objectOf(key), Readable.from([bytes]));
    else
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.objectOf(key),
          Body: bytes,
          ContentLength: bytes.length,
        }),
      );
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    if (!BLOB_KEY_PATTERN.test(key)) return null;
    try {
      const found = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectOf(key) }));
      return found.Body ? Buffer.from(await found.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async has(key: string): Promise<boolean> {
    return (await this.modifiedAt(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    if (!BLOB_KEY_PATTERN.test(key)) return;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectOf(key) }));
  }

  async putStream(source: Readable, maxBytes: number): Promise<{ key: string; size: number }> {
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new BlobTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const tmp = `${this.prefix}${TMP}${randomBytes(12).toString('hex')}`;
    const body = new PassThrough();
    const piped = pipeline(source, meter, body);
    const [read, written] = await Promise.allSettled([piped, this.upload(tmp, body)]);
    try {
      // The reading side's failure (too large, a broken upload from the client) is the one to report.
      if (read.status === 'rejected') throw read.reason;
      if (written.status === 'rejected') throw written.reason;
      const key = `sha256-${hash.digest('hex')}`;
      // One CopyObject copies at most 5 GiB: AppConfig refuses a larger MAX_IMPORT_BYTES with an S3 store.
      await this.client.send(
        new CopyObjectCommand({ Bucket: this.bucket, Key: this.objectOf(key), CopySource: this.copySource(tmp) }),
      );
      return { key, size };
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tmp })).catch(() => undefined);
    }
  }

  async openStream(key: string): Promise<Readable | null> {
    if (!BLOB_KEY_PATTERN.test(key)) return null;
    try {
      const found = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectOf(key) }));
      if (found.Body instanceof Readable) return found.Body;
      return Readable.from([Buffer.from((await found.Body?.transformToByteArray()) ?? [])]);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async modifiedAt(key: string): Promise<Date | null> {
    if (!BLOB_KEY_PATTERN.test(key)) return null;
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectOf(key) }));
      return head.LastModified ?? new Date(0);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async list(after: string | null, limit: number): Promise<StoredBlob[]> {
    const out: StoredBlob[] = [];
    let startAfter = after ? this.objectOf(after) : undefined;
    while (out.length < limit) {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: `${this.prefix}sha256-`,
          StartAfter: startAfter,
          MaxKeys: Math.min(1000, limit - out.length),
        }),
      );
      for (const o of page.Contents ?? []) {
        const key = o.Key?.slice(this.prefix.length);
        if (key && BLOB_KEY_PATTERN.test(key)) out.push({ key, modifiedAt: o.LastModified ?? new Date(0) });
      }
      const last = page.Contents?.at(-1)?.Key;
      if (!page.IsTruncated || !last) break;
      startAfter = last;
    }
    return out;
  }

  async removeStaleTemporary(before: Date): Promise<number> {
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.prefix}${TMP}`, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key && o.LastModified && o.LastModified < before) {
          await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: o.Key }));
          removed++;
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    // Parts of multipart uploads a killed process never finished are left to the bucket's
    // lifecycle rule (AbortIncompleteMultipartUpload, README "Running on several hosts").
    return removed;
  }

  /** A time-limited address of the blob's bytes, served with this type. */
  presignedUrl(key: string, contentType: string, seconds: number): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: this.objectOf(key), ResponseContentType: contentType }),
      { expiresIn: seconds },
    );
  }

  /** Copies a blob to <prefix>public/<key> with its type and a cache lifetime, for a bucket policy to make readable to anyone. */
  async publish(key: string, contentType: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: this.publicObjectOf(key),
        CopySource: this.copySource(this.objectOf(key)),
        MetadataDirective: 'REPLACE',
        ContentType: contentType,
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
  }

  async unpublish(key: string): Promise<void> {
    if (BLOB_KEY_PATTERN.test(key))
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.publicObjectOf(key) }));
  }

  /** Object name of a published copy, relative to the bucket. */
  publicObjectOf(key: string): string {
    return `${this.prefix}${PUBLIC}${key}`;
  }

  close(): void {
    this.client.destroy();
  }

  private objectOf(key: string): string {
    return `${this.prefix}${key}`;
  }

  private copySource(object: string): string {
    return `${this.bucket}/${object.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** Streams `body` to an object in parts (one PUT when it is smaller than a part); a failed upload is aborted. */
  private async upload(object: string, body: Readable): Promise<void> {
    await new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: object, Body: body },
      partSize: this.partSize,
      queueSize: UPLOAD_QUEUE_SIZE,
      leavePartsOnError: false,
    }).done();
  }
}
