import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { BlobStorage, BlobTooLargeError, LocalDiskStorage, S3BlobStorage } from '@tcma/storage';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { S3RVER_CREDENTIALS, S3Server, startS3Server } from '../support/s3-server';

const MB = 1024 * 1024;
const keyOf = (bytes: Buffer) => `sha256-${createHash('sha256').update(bytes).digest('hex')}`;

/** `total` pseudo-random bytes in 1 MB chunks, never all in memory at once. */
function chunks(total: number, seed: string): { stream: () => Readable; hash: string } {
  const chunkOf = (i: number) =>
    createHash('sha512')
      .update(`${seed}:${i}`)
      .digest()
      .toString('hex')
      .repeat(MB / 128)
      .slice(0, MB);
  const count = Math.ceil(total / MB);
  const hash = createHash('sha256');
  for (let i = 0; i < count; i++) hash.update(Buffer.from(chunkOf(i)).subarray(0, Math.min(MB, total - i * MB)));
  return {
    hash: `sha256-${hash.digest('hex')}`,
    stream: () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < count; i++) yield Buffer.from(chunkOf(i)).subarray(0, Math.min(MB, total - i * MB));
        })(),
      ),
  };
}

async function drain(stream: Readable): Promise<{ size: number; key: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, key: `sha256-${hash.digest('hex')}` };
}

interface StoreUnderTest {
  sut: BlobStorage;
  /** Leaves what a process killed in the middle of a write leaves behind. */
  leaveTemporary(): Promise<unknown> | void;
  close(): void;
}

let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3.close();
});

const stores: Array<[string, () => StoreUnderTest]> = [
  [
    'local disk',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-blobs-'));
      const sut = new LocalDiskStorage(dir);
      return {
        sut,
        leaveTemporary: () => {
          fs.mkdirSync(path.join(dir, 'blobs/tmp'), { recursive: true });
          fs.writeFileSync(path.join(dir, 'blobs/tmp/abandoned.part'), 'half a file');
        },
        close: () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'S3 (s3rver over HTTP)',
    () => {
      const prefix = `suite-${randomBytes(4).toString('hex')}/`;
      // 5 MiB parts (S3's smallest) so tens of MB go up in several parts.
      const sut = new S3BlobStorage({
        bucket: s3.bucket,
        prefix,
        endpoint: s3.endpoint,
        region: 'us-east-1',
        credentials: S3RVER_CREDENTIALS,
        forcePathStyle: true,
        partSize: 5 * MB,
      });
      return {
        sut,
        leaveTemporary: () =>
          sut.client.send(
            new PutObjectCommand({ Bucket: s3.bucket, Key: `${prefix}tmp/abandoned`, Body: 'half a file' }),
          ),
        close: () => sut.close(),
      };
    },
  ],
];

describe.each(stores)('BlobStorage: %s', (_name, make) => {
  let store: StoreUnderTest;
  let sut: BlobStorage;
  beforeAll(() => {
    store = make();
    sut = store.sut;
  });
  afterAll(() => store.close());

  it('stores bytes under their SHA-256 and reads them back whole and as a stream', async () => {
    const bytes = randomBytes(70_000);
    const key = await sut.put(bytes);
    expect(key).toBe(keyOf(bytes));
    expect(await sut.put(Buffer.from(bytes))).toBe(key);
    expect((await sut.get(key))?.equals(bytes)).toBe(true);
    expect(await sut.has(key)).toBe(true);
    expect(await drain((await sut.openStream(key))!)).toEqual({ size: bytes.length, key });
    expect((await sut.modifiedAt(key))!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers null or false for missing objects and keys that are not content addresses', async () => {
    const missing = `sha256-${'0'.repeat(64)}`;
    expect(await sut.get(missing)).toBeNull();
    expect(await sut.openStream(missing)).toBeNull();
    expect(await sut.has(missing)).toBe(false);
    expect(await sut.modifiedAt(missing)).toBeNull();
    await expect(sut.delete(missing)).resolves.toBeUndefined();
    for (const bad of ['../../etc/passwd', 'sha256-../x', `SHA256-${'a'.repeat(64)}`, '']) {
      expect(await sut.get(bad)).toBeNull();
      expect(await sut.openStream(bad)).toBeNull();
      expect(await sut.has(bad)).toBe(false);
    }
  });

  it('deletes', async () => {
    const key = await sut.put(randomBytes(1000));
    await sut.delete(key);
    expect(await sut.has(key)).toBe(false);
    expect(await sut.get(key)).toBeNull();
  });

  it('streams a 40 MB upload in without holding it, and back out', async () => {
    const source = chunks(40 * MB + 12_345, 'large');
    const heapBefore = process.memoryUsage().heapUsed;
    const stored = await sut.putStream(source.stream(), 100 * MB);
    expect(stored).toEqual({ key: source.hash, size: 40 * MB + 12_345 });
    // Parts in flight, not the file: well under the 40 MB it would take to hold it.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * MB);
    expect(await drain((await sut.openStream(stored.key))!)).toEqual({ key: source.hash, size: 40 * MB + 12_345 });
  }, 120_000);

  it('stores a large buffer (20 MB) in parts', async () => {
    const bytes = Buffer.alloc(20 * MB, 7);
    const key = await sut.put(bytes);
    expect(key).toBe(keyOf(bytes));
    expect((await sut.get(key))?.equals(bytes)).toBe(true);
  }, 120_000);

  it('refuses a stream past its limit and keeps nothing of it', async () => {
    const before = await sut.list(null, 10_000);
    const source = chunks(12 * MB, 'too-large');
    await expect(sut.putStream(source.stream(), 11 * MB)).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await sut.has(source.hash)).toBe(false);
    expect(await sut.list(null, 10_000)).toEqual(before);
    // No temporary leftover either: nothing to clean up even of what is brand new.
    expect(await sut.removeStaleTemporary(new Date(Date.now() + 3_600_000))).toBe(0);
  }, 120_000);

  it('keeps nothing of a stream that breaks half-way, and reports its error', async () => {
    const broken = Readable.from(
      (function* () {
        yield randomBytes(6 * MB);
        throw new Error('client went away');
      })(),
    );
    const before = await sut.list(null, 10_000);
    await expect(sut.putStream(broken, 100 * MB)).rejects.toThrow('client went away');
    expect(await sut.list(null, 10_000)).toEqual(before);
    expect(await sut.removeStaleTemporary(new Date(Date.now() + 3_600_000))).toBe(0);
  }, 120_000);

  it('lists blobs in key order, page by page after a key', async () => {
    const keys = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => sut.put(Buffer.from(`list ${n} ${randomBytes(8).toString('hex')}`))),
    );
    const all = (await sut.list(null, 10_000)).map((b) => b.key);
    expect(all).toEqual([...all].sort());
    expect(all).toEqual(expect.arrayContaining(keys));
    const paged: string[] = [];
    for (let after: string | null = null; ;) {
      const page = await sut.list(after, 2);
      paged.push(...page.map((b) => b.key));
      if (page.length < 2) break;
      after = page[1].key;
    }
    expect(paged).toEqual(all);
    const listed = (await sut.list(null, 10_000)).find((b) => b.key === keys[0])!;
    expect(listed.modifiedAt.getTime()).toBe((await sut.modifiedAt(keys[0]))!.getTime());
  });

  it('removes what an interrupted write left, once it is older than asked', async () => {
    await store.leaveTemporary();
    expect(await sut.removeStaleTemporary(new Date(Date.now() - 3_600_000))).toBe(0);
    expect(await sut.removeStaleTemporary(new Date(Date.now() + 3_600_000))).toBe(1);
    expect(await sut.removeStaleTemporary(new Date(Date.now() + 3_600_000))).toBe(0);
  });
});

describe('LocalDiskStorage', () => {
  it('refreshes the time of bytes stored again, so a collector waits a full grace period from then', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-blobs-'));
    try {
      const sut = new LocalDiskStorage(dir);
      const bytes = randomBytes(100);
      const key = await sut.put(bytes);
      const file = path.join(dir, 'blobs', key.slice(7, 9), key.slice(9, 11), key);
      const weekAgo = new Date(Date.now() - 7 * 86_400_000);
      fs.utimesSync(file, weekAgo, weekAgo);
      expect((await sut.modifiedAt(key))!.getTime()).toBe(weekAgo.getTime());
      await sut.put(bytes);
      expect((await sut.modifiedAt(key))!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('S3BlobStorage', () => {
  let sut: S3BlobStorage;
  beforeAll(() => {
    sut = new S3BlobStorage({
      bucket: s3.bucket,
      prefix: 'addresses/',
      endpoint: s3.endpoint,
      region: 'us-east-1',
      credentials: S3RVER_CREDENTIALS,
      forcePathStyle: true,
    });
  });
  afterAll(() => sut.close());

  it('keeps every object under its prefix', async () => {
    const key = await sut.put(Buffer.from('prefixed'));
    const listed = await sut.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: 'addresses/' }));
    expect(listed.Contents?.map((o) => o.Key)).toContain(`addresses/${key}`);
  });

  it('gives a presigned address that serves the bytes with their type', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const key = await sut.put(png);
    const url = await sut.presignedUrl(key, 'image/png', 300);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('300');
  });

  it('publishes a copy under public/ with its type and cache lifetime, and removes it', async () => {
    const key = await sut.put(Buffer.from('a public logo'));
    await sut.publish(key, 'image/png');
    const url = await sut.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: 'addresses/public/' }));
    expect(url.Contents?.map((o) => o.Key)).toEqual([sut.publicObjectOf(key)]);
    const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
    const head = await sut.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: sut.publicObjectOf(key) }));
    expect(head.ContentType).toBe('image/png');
    expect(head.CacheControl).toContain('immutable');
    // The blobs' own listing is not fooled by the copy.
    expect((await sut.list(null, 1000)).map((b) => b.key)).toContain(key);
    expect((await sut.list(null, 1000)).some((b) => b.key.includes('public'))).toBe(false);
    await sut.unpublish(key);
    expect(
      (await sut.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: 'addresses/public/' }))).Contents ??
        [],
    ).toEqual([]);
  });
});
