import { bool, int, oneOf, str, url, EnvParser } from './env-parsers';
import type { EnvReader } from './env-reader';

/** Where stored files live: the local data directory, or an S3-compatible bucket (STORAGE_URL=s3://bucket/prefix). */
export type StorageSettings = { kind: 'local'; dir: string } | { kind: 's3'; bucket: string; prefix: string };

/** How the public files of emails (partner logos) reach mail clients (PUBLIC_FILE_URLS; README "Running on several hosts"). */
export const PUBLIC_FILE_URL_MODES = ['api', 'presigned', 'public'] as const;
export type PublicFileUrlMode = (typeof PUBLIC_FILE_URL_MODES)[number];

/** Stored files no longer referenced are removed this long after (STORAGE_GC_GRACE_HOURS). */
export const DEFAULT_STORAGE_GC_GRACE_HOURS = 7 * 24;
/** How often a sweep worker runs the housekeeping: partitions, retention, stored files (HOUSEKEEPING_INTERVAL_MINUTES). */
export const DEFAULT_HOUSEKEEPING_INTERVAL_MINUTES = 60;
/** A presigned address the API redirects to stays valid this long (S3_PRESIGN_SECONDS). */
export const DEFAULT_S3_PRESIGN_SECONDS = 3600;

/** STORAGE_URL: s3://bucket[/prefix]; the prefix gets a trailing slash. */
export const storageUrl: EnvParser<{ bucket: string; prefix: string }> = (raw) => {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error('must be s3://bucket/prefix (or unset for the local DATA_DIR)');
  }
  if (u.protocol !== 's3:' || u.username || u.password || u.port || u.search || u.hash)
    throw new Error('must be s3://bucket/prefix (or unset for the local DATA_DIR)');
  // S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(u.hostname))
    throw new Error('names a bucket that is not a valid S3 bucket name');
  const prefix = decodeURIComponent(u.pathname).replace(/^\/+|\/+$/g, '');
  if (prefix && (/[^A-Za-z0-9_./-]/.test(prefix) || prefix.split('/').some((p) => p === '' || p === '.' || p === '..')))
    throw new Error('has a prefix that is not a plain path (letters, digits, - _ . / only)');
  return { bucket: u.hostname, prefix: prefix ? `${prefix}/` : '' };
};

/** The S3-compatible service: endpoint (unset: AWS), region, credentials (unset: the SDK's default chain), path-style addressing. */
export interface S3Settings {
  endpoint: string | undefined;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
  publicUrl: string | undefined;
  presignSeconds: number;
}

export interface StorageConfig {
  storage: StorageSettings;
  s3: S3Settings;
  publicFileUrls: PublicFileUrlMode;
  storageGcGraceMs: number;
  housekeepingIntervalMinutes: number;
}

/** STORAGE_URL, S3_*, PUBLIC_FILE_URLS and the stored files' housekeeping, checked against each other. */
export function readStorage(
  { read, optional, problems }: EnvReader,
  dataDir: string,
  maxImportBytes: number,
): StorageConfig {
  const s3Bucket = optional('STORAGE_URL', storageUrl);
  const storage: StorageSettings = s3Bucket ? { kind: 's3', ...s3Bucket } : { kind: 'local', dir: dataDir };
  const accessKeyId = optional('S3_ACCESS_KEY_ID', str);
  const secretAccessKey = optional('S3_SECRET_ACCESS_KEY', str);
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
    problems.push(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither (neither: the AWS SDK finds credentials itself)',
    );
  const s3: S3Settings = {
    endpoint: optional('S3_ENDPOINT', url(['http', 'https']))?.replace(/\/+$/, ''),
    region: read(
      'S3_REGION',
      (raw) => {
        if (!/^[a-z0-9-]{2,32}$/.test(raw)) throw new Error('must be a region name such as us-east-1 or auto');
        return raw;
      },
      'us-east-1',
    ),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: read('S3_FORCE_PATH_STYLE', bool, false),
    publicUrl: optional('S3_PUBLIC_URL', url(['http', 'https']))?.replace(/\/+$/, ''),
    presignSeconds: read('S3_PRESIGN_SECONDS', int(60, 7 * 86_400), DEFAULT_S3_PRESIGN_SECONDS),
  };
  // An S3 store copies a streamed upload to its content address in one CopyObject, 5 GiB at most.
  if (storage.kind === 's3' && maxImportBytes > 5 * 1024 ** 3)
    problems.push(
      'MAX_IMPORT_BYTES: at most 5368709120 (5 GiB) with an S3 store (STORAGE_URL=s3://…), the largest object S3 copies in one request',
    );
  const publicFileUrls = read('PUBLIC_FILE_URLS', oneOf(PUBLIC_FILE_URL_MODES), 'api');
  if (publicFileUrls !== 'api' && storage.kind !== 's3')
    problems.push(
      `PUBLIC_FILE_URLS: ${publicFileUrls} needs an S3 store (STORAGE_URL=s3://bucket/prefix); with the local DATA_DIR only api works`,
    );
  if (publicFileUrls === 'public' && !s3.publicUrl)
    problems.push(
      "S3_PUBLIC_URL: PUBLIC_FILE_URLS=public needs the public address of the bucket's public/ folder (https://bucket.example.com/prefix/public)",
    );
  const storageGcGraceMs = read('STORAGE_GC_GRACE_HOURS', int(1, 24 * 365), DEFAULT_STORAGE_GC_GRACE_HOURS) * 3_600_000;
  const housekeepingIntervalMinutes = read(
    'HOUSEKEEPING_INTERVAL_MINUTES',
    int(1, 60),
    DEFAULT_HOUSEKEEPING_INTERVAL_MINUTES,
  );
  return { storage, s3, publicFileUrls, storageGcGraceMs, housekeepingIntervalMinutes };
}
