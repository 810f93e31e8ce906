import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { BlobStorage, S3BlobStorage } from '@tcma/storage';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { S3Server, startS3Server } from '../support/s3-server';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** A supertest parser that keeps the body as bytes. */
const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** A logo: a coloured mark on white (a plain rectangle would be trimmed to nothing). */
const logoPng = (color: string) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><rect width="320" height="120" fill="#ffffff"/><rect x="20" y="20" width="280" height="80" fill="${color}"/></svg>`,
    ),
  )
    .png()
    .toBuffer();

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

describe('the engine with its files in an S3-compatible store (STORAGE_URL=s3://…)', () => {
  let s3: S3Server;
  let env: Record<string, string>;
  let prefix: string;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const objects = async (under: string) => {
    const client = api.app.get<BlobStorage, S3BlobStorage>(BlobStorage).client;
    return (
      (await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${prefix}${under}` }))).Contents ?? []
    ).map((o) => o.Key!.slice(prefix.length));
  };

  beforeAll(async () => {
    s3 = await startS3Server();
    prefix = `engine-${randomBytes(4).toString('hex')}/`;
    // A data directory of this file's own: the run's is shared with files storing on the local disk.
    env = { ...s3.env(prefix.replace(/\/$/, '')), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-s3-data-')) };
    api = await startApi({ env });
    worker = await startWorker({ roles: 'render', env });
    demo = await new DemoSeeder(api.app).seed();
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await s3?.close();
  });

  it('keeps uploads, logos and renders in the bucket, none on the local disk', async () => {
    expect(api.app.get(BlobStorage)).toBeInstanceOf(S3BlobStorage);
    expect(worker.app.get(BlobStorage)).toBeInstanceOf(S3BlobStorage);
    const [northwind] = demo.partners;
    const logo = await logoPng('#b91c1c');
    const kit = await api
      .http()
      .put(`/partners/${northwind.partnerId}/brand-kit/logo`)
      .set(as(northwind.token))
      .attach('file', logo, 'logo.png')
      .expect(200);
    const pngKey = String(kit.body.logo.pngUrl).split('/').pop()!;
    expect(await objects('sha256-')).toEqual(expect.arrayContaining([pngKey]));

    // The worker renders the social image with the logo it reads from the bucket, and stores the render there.
    const version = await api
      .http()
      .get(`/campaigns/${demo.campaignId}/versions/1`)
      .set(as(demo.tokens.marketer))
      .expect(200);
    const social = version.body.content.assets.find((a: { kind: string }) => a.kind === 'social');
    const before = await objects('sha256-');
    const image = await api
      .http()
      .get(`/campaigns/${demo.campaignId}/versions/1/assets/${social.id}/preview`)
      .query({ format: 'png', partnerId: northwind.partnerId })
      .set(as(northwind.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const meta = await sharp(image.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 627]);
    // The logo's red is in the image: it was read from the bucket.
    const { data } = await sharp(image.body as Buffer)
      .raw()
      .toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += meta.channels)
      if (data[i] === 0xb9 && data[i + 1] === 0x1c && data[i + 2] === 0x1c) red++;
    expect(red).toBeGreaterThan(1000);
    const added = (await objects('sha256-')).filter((k) => !before.includes(k));
    expect(added).toHaveLength(1);

    // Nothing went to the local data directory.
    expect(countFiles(path.join(api.config.dataDir, 'blobs'))).toBe(0);
  });

  it('serves a published logo through the API from the bucket, and nothing else', async () => {
    const [northwind] = demo.partners;
    const kit = await api.http().get(`/partners/${northwind.partnerId}/brand-kit`).set(as(northwind.token)).expect(200);
    const res = await api.http().get(new URL(kit.body.logo.pngUrl).pathname).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await sharp(res.body as Buffer).metadata()).format).toBe('png');
    await api
      .http()
      .get(`/public/sha256-${'0'.repeat(64)}`)
      .expect(404);
    // A stored file that is not published (the campaign's PDF) is not served.
    const [upload] = await testDb().query<Array<{ key: string }>>(
      'SELECT key FROM stored_files WHERE vendor_id = $1 LIMIT 1',
      [demo.vendorId],
    );
    expect(await objects(upload.key)).toEqual([upload.key]);
    await api.http().get(`/public/${upload.key}`).expect(404);
  });

  it('with PUBLIC_FILE_URLS=presigned, redirects to a time-limited address in the bucket', async () => {
    const presigning = await startApi({ env: { ...env, PUBLIC_FILE_URLS: 'presigned', S3_PRESIGN_SECONDS: '600' } });
    try {
      const [northwind] = demo.partners;
      const kit = await presigning
        .http()
        .get(`/partners/${northwind.partnerId}/brand-kit`)
        .set(as(northwind.token))
        .expect(200);
      // Emails keep linking to the engine: its address never expires.
      expect(kit.body.logo.pngUrl).toBe(
        `${presigning.config.publicBaseUrl}/public/${String(kit.body.logo.pngUrl).split('/').pop()}`,
      );
      const res = await presigning.http().get(new URL(kit.body.logo.pngUrl).pathname).redirects(0).expect(302);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      const location = new URL(res.headers.location);
      expect(location.origin).toBe(s3.endpoint);
      expect(location.searchParams.get('X-Amz-Expires')).toBe('600');
      const image = await fetch(location);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).format).toBe('png');
      await presigning
        .http()
        .get(`/public/sha256-${'0'.repeat(64)}`)
        .redirects(0)
        .expect(404);
    } finally {
      await presigning.close();
    }
  });

  it('with PUBLIC_FILE_URLS=public, links logos to their public copy in the bucket', async () => {
    const publicUrl = `${s3.endpoint}/${s3.bucket}/${prefix}public`;
    const direct = await startApi({ env: { ...env, PUBLIC_FILE_URLS: 'public', S3_PUBLIC_URL: publicUrl } });
    try {
      const [, hellas] = demo.partners;
      const logo = await logoPng('#1d4ed8');
      const kit = await direct
        .http()
        .put(`/partners/${hellas.partnerId}/brand-kit/logo`)
        .set(as(hellas.token))
        .attach('file', logo, 'logo.png')
        .expect(200);
      const pngKey = String(kit.body.logo.pngUrl).split('/').pop()!;
      expect(kit.body.logo.pngUrl).toBe(`${publicUrl}/${pngKey}`);
      expect(await objects('public/')).toEqual(expect.arrayContaining([`public/${pngKey}`]));
      // The address works without any signature (the bucket policy's job on a real service).
      const image = await fetch(kit.body.logo.pngUrl);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(image.headers.get('cache-control')).toContain('immutable');
    } finally {
      await direct.close();
    }
  });
});
