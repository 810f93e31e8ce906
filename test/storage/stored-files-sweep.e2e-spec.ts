import { ManualClock } from '@tcma/clock';
import { HousekeepingService } from '@tcma/housekeeping';
import { BlobStorage } from '@tcma/storage';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { eventually } from '../support/processes';
import { S3Server, startS3Server } from '../support/s3-server';
import { startWorker, WorkerHarness } from '../support/worker-harness';

const DAY = 86_400_000;
const GRACE_DAYS = 7;

let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3.close();
});

/** Each store gets its own folder or prefix: the sweep walks all of it, so it must hold this file's files alone. */
const stores: Array<[string, () => Record<string, string>]> = [
  ['local disk', () => ({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-sweep-')) })],
  ['S3 (s3rver over HTTP)', () => s3.env(`sweep-${randomBytes(4).toString('hex')}`)],
];

/** A logo or background: a coloured mark on white (a plain rectangle would be trimmed to nothing). */
const png = (color: string) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="90"><rect width="240" height="90" fill="#ffffff"/><rect x="20" y="15" width="200" height="60" fill="${color}"/></svg>`,
    ),
  )
    .png()
    .toBuffer();

describe.each(stores)('stored files no longer referenced are removed after the grace period: %s', (_name, envOf) => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let storage: BlobStorage;
  const clock = new ManualClock();
  const db = testDb();
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const kitOf = async (partnerId: string, token: string) =>
    (await api.http().get(`/partners/${partnerId}/brand-kit`).set(as(token)).expect(200)).body;
  const keyOf = (url: string) => url.split('/').pop()!;
  const renderKeys = async () =>
    (
      await db.query<Array<{ blob_key: string }>>(
        'SELECT blob_key FROM rendered_assets WHERE partner_id = $1 ORDER BY created_at',
        [demo.partners[0].partnerId],
      )
    ).map((r) => r.blob_key);
  const present = async (keys: Record<string, string>) =>
    Object.fromEntries(
      await Promise.all(Object.entries(keys).map(async ([name, key]) => [name, await storage.has(key)])),
    );

  beforeAll(async () => {
    const env = { ...envOf(), STORAGE_GC_GRACE_HOURS: String(GRACE_DAYS * 24) };
    api = await startApi({ env });
    // No sweep role: the test runs the housekeeping itself, at the times it chooses.
    worker = await startWorker({ roles: 'render,enroll', clock, env });
    storage = worker.app.get(BlobStorage);
    demo = await new DemoSeeder(api.app).seed();
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('keeps what is referenced, and removes the rest once the grace period has passed', async () => {
    const [northwind, hellas] = demo.partners;
    const keys: Record<string, string> = {};

    // A file no row names (its request failed after storing it).
    keys.orphan = await storage.put(randomBytes(2000));
    // A vendor upload no campaign uses; and the uploads the published campaign uses.
    const unused = await api
      .http()
      .post('/files')
      .set(as(demo.tokens.marketer))
      .attach('file', await png('#334155'), 'background.png')
      .expect(201);
    keys.unusedUpload = (
      await db.query<Array<{ key: string }>>('SELECT key FROM stored_files WHERE id = $1', [unused.body.id])
    )[0].key;
    const used = await db.query<Array<{ key: string }>>(
      'SELECT key FROM stored_files WHERE vendor_id = $1 AND id <> $2 ORDER BY key',
      [demo.vendorId, unused.body.id],
    );
    expect(used.length).toBeGreaterThanOrEqual(2);
    used.forEach((u, i) => (keys[`usedUpload${i}`] = u.key));

    // A render of the one-pager, then the brand kit changes: nothing can ask for that render again.
    const version = await api
      .http()
      .get(`/campaigns/${demo.campaignId}/versions/1`)
      .set(as(demo.tokens.marketer))
      .expect(200);
    const pdf = version.body.content.assets.find((a: { kind: string }) => a.kind === 'pdf');
    const preview = () =>
      api
        .http()
        .get(`/campaigns/${demo.campaignId}/versions/1/assets/${pdf.id}/preview`)
        .query({ format: 'pdf' })
        .set(as(northwind.token))
        .expect(200);
    await preview();
    [keys.oldRender] = await renderKeys();
    const kit = await kitOf(northwind.partnerId, northwind.token);
    await api
      .http()
      .put(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(northwind.token))
      .send({
        companyName: 'Northwind Cloud Services',
        website: kit.website,
        email: kit.email,
        phone: kit.phone,
        address: kit.address,
        primaryColor: kit.primaryColor,
      })
      .expect(200);

    // Northwind's logo went out in an email (a send claimed while it was the kit's logo), then was replaced.
    keys.mailedLogo = keyOf(kit.logo.pngUrl);
    keys.mailedLogoWebp = keyOf(kit.logo.webpUrl);
    const [{ id: prospectId }] = await db.query(
      'INSERT INTO prospects (vendor_id, partner_id, email, email_lower) VALUES ($1, $2, $3, $3) RETURNING id',
      [demo.vendorId, northwind.partnerId, 'mailed@prospect.example'],
    );
    const [{ id: versionId }] = await db.query('SELECT id FROM campaign_versions WHERE campaign_id = $1', [
      demo.campaignId,
    ]);
    const [{ id: launchId }] = await db.query(
      `INSERT INTO launches (vendor_id, partner_id, campaign_id, campaign_version_id, version, audience, start_at, timezone, status) VALUES ($1, $2, $3, $4, 1, '{"type":"all"}', now(), 'Europe/Warsaw', 'active') RETURNING id`,
      [demo.vendorId, northwind.partnerId, demo.campaignId, versionId],
    );
    const [{ id: enrollmentId }] = await db.query(
      'INSERT INTO enrollments (launch_id, prospect_id, partner_id, vendor_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [launchId, prospectId, northwind.partnerId, demo.vendorId],
    );
    await db.query(
      `INSERT INTO sends (enrollment_id, step, launch_id, partner_id, vendor_id, prospect_id, status, due_at, claimed_at, sent_at) VALUES ($1, 0, $2, $3, $4, $5, 'sent', now(), now(), now())`,
      [enrollmentId, launchId, northwind.partnerId, demo.vendorId, prospectId],
    );
    const northwindNew = await api
      .http()
      .put(`/partners/${northwind.partnerId}/brand-kit/logo`)
      .set(as(northwind.token))
      .attach('file', await png('#0f766e'), 'logo.png')
      .expect(200);
    keys.northwindLogo = keyOf(northwindNew.body.logo.pngUrl);
    // The render of the kit as it is now (name and logo changed) is the one a request can still ask for.
    await preview();
    keys.currentRender = (await renderKeys()).find((k) => k !== keys.oldRender)!;
    expect(keys.currentRender).toBeDefined();

    // Hellas replaces its logo before any email went out with it.
    const hellasKit = await kitOf(hellas.partnerId, hellas.token);
    keys.unmailedLogo = keyOf(hellasKit.logo.pngUrl);
    keys.unmailedLogoWebp = keyOf(hellasKit.logo.webpUrl);
    const hellasNew = await api
      .http()
      .put(`/partners/${hellas.partnerId}/brand-kit/logo`)
      .set(as(hellas.token))
      .attach('file', await png('#7c3aed'), 'logo.png')
      .expect(200);
    keys.hellasLogo = keyOf(hellasNew.body.logo.pngUrl);

    // The vendor's own logo and favicon (its brand): kept while the brand names them.
    const vendorLogo = await api
      .http()
      .put('/vendor-brand/logo')
      .set(as(demo.tokens.admin))
      .attach('file', await png('#b91c1c'), 'logo.png')
      .expect(200);
    keys.vendorLogo = keyOf(vendorLogo.body.logo.pngUrl);
    keys.vendorLogoWebp = keyOf(vendorLogo.body.logo.webpUrl);
    const vendorFavicon = await api
      .http()
      .put('/vendor-brand/favicon')
      .set(as(demo.tokens.admin))
      .attach('file', await png('#1d4ed8'), 'icon.png')
      .expect(200);
    keys.vendorFavicon = keyOf(vendorFavicon.body.favicon.pngUrl);

    // A prospect import: its CSV is needed until it has run; its rejected-rows report stays with it.
    const started = await api
      .http()
      .post(`/partners/${hellas.partnerId}/imports`)
      .set(as(hellas.token))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send('email,first_name\nzoe@prospect.example,Zoe\nnot-an-email,Bad\n')
      .expect(202);
    const done = await eventually(async () => {
      const res = await api
        .http()
        .get(`/partners/${hellas.partnerId}/imports/${started.body.id}`)
        .set(as(hellas.token))
        .expect(200);
      return res.body.status === 'completed' ? res.body : undefined;
    }, 'the import');
    const [importRow] = await db.query<Array<{ file_key: string; report_key: string }>>(
      'SELECT file_key, report_key FROM prospect_imports WHERE id = $1',
      [started.body.id],
    );
    keys.importFile = importRow.file_key;
    keys.importReport = importRow.report_key;

    const everything = Object.fromEntries(Object.keys(keys).map((k) => [k, true]));
    expect(await present(keys)).toEqual(everything);

    // Within the grace period nothing goes, referenced or not.
    const housekeeping = worker.app.get(HousekeepingService);
    clock.advance((GRACE_DAYS - 1) * DAY);
    expect((await housekeeping.run()).storedFiles).toMatchObject({ files: 0, renders: 0, uploads: 0, walked: true });
    expect(await present(keys)).toEqual(everything);

    clock.advance(2 * DAY);
    const swept = (await housekeeping.run()).storedFiles;
    expect(await present(keys)).toEqual({
      ...everything,
      orphan: false,
      unusedUpload: false,
      oldRender: false,
      unmailedLogo: false,
      unmailedLogoWebp: false,
      importFile: false,
    });
    expect(swept).toMatchObject({ files: 6, renders: 1, uploads: 1, walked: true });
    expect(await db.query('SELECT id FROM stored_files WHERE id = $1', [unused.body.id])).toEqual([]);

    // The logo of a sent email is still served; the unmailed one no longer is; the report still downloads.
    await api.http().get(`/public/${keys.mailedLogo}`).expect(200);
    await api.http().get(`/public/${keys.hellasLogo}`).expect(200);
    await api.http().get(`/public/${keys.unmailedLogo}`).expect(404);
    await api.http().get(`/public/${keys.vendorLogo}`).expect(200);
    await api
      .http()
      .get(new URL(String(done.reportUrl), 'http://x').pathname)
      .set(as(hellas.token))
      .expect(200);
    // The campaign still renders from its uploads (the current render is served as stored).
    await preview();

    // A second run finds nothing more.
    expect((await housekeeping.run()).storedFiles).toMatchObject({ files: 0, renders: 0, uploads: 0 });
  }, 180_000);
});
