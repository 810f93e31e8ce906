import { QueueName } from '@tcma/queue';
import sharp from 'sharp';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { countPixels, Rgb, solidLogo } from '../factories/solid-logo';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';

const MAGENTA: Rgb = [255, 0, 255];
const CYAN: Rgb = [0, 255, 255];
/** The logo is fitted into the card's logo box: a 3:1 block shows as about 168 × 56 px. */
const LOGO_PIXELS_AT_LEAST = 4_000;

/** A campaign made only of emails has a thumbnail too: its first email, co-branded with the partner's kit. */
describe('email-only campaign thumbnail', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let campaignId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const partner = () => demo.partners[0];
  const thumbnailUrl = async (): Promise<string> => {
    const res = await api
      .http()
      .get(`/partners/${partner().partnerId}/catalogue`)
      .query({ search: 'Emails only' })
      .set(as(partner().token))
      .expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ campaignId, assetTypes: ['email'], thumbnailUrl: expect.any(String) }),
    ]);
    return res.body.items[0].thumbnailUrl as string;
  };
  const setLogo = async (colour: Rgb) =>
    api
      .http()
      .put(`/partners/${partner().partnerId}/brand-kit/logo`)
      .set(as(partner().token))
      .attach('file', await solidLogo(colour), 'logo.png')
      .expect(200);
  const keyOf = (url: string) => new URL(url, 'http://x').searchParams.get('v');

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker({ roles: 'render' });
    demo = await new DemoSeeder(api.app).seed();
    campaignId = (await authorDemoCampaign(api, demo.tokens.marketer, { name: 'Emails only', emailsOnly: true }))
      .campaignId;
    await setLogo(MAGENTA);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it("shows its first email with the partner's logo, as a PNG of the card size rendered in the worker ahead of the request", async () => {
    const url = await thumbnailUrl();
    expect(url).toMatch(
      new RegExp(`^/partners/${partner().partnerId}/campaigns/${campaignId}/thumbnail\\?v=[0-9a-f]{64}$`),
    );
    // Listing the catalogue had the worker render it; the request then finds it stored.
    await waitForQueueIdle(worker.app, QueueName.Render);
    expect(
      await testDb().query('SELECT count(*)::int AS n FROM rendered_assets WHERE render_key = $1', [keyOf(url)]),
    ).toEqual([{ n: 1 }]);
    const res = await api.http().get(url).set(as(partner().token)).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers.etag).toBe(`"${keyOf(url)}"`);
    const image = Buffer.from(res.body);
    // The same card size as a PDF's first page (an A4 page at THUMBNAIL_PDF_DPI).
    expect(await sharp(image).metadata()).toMatchObject({ format: 'png', width: 298, height: 421 });
    expect(await countPixels(image, MAGENTA)).toBeGreaterThan(LOGO_PIXELS_AT_LEAST);
  }, 60_000);

  it('changes with the brand kit: a new logo gives a new key and a thumbnail showing it', async () => {
    const before = await thumbnailUrl();
    const old = Buffer.from((await api.http().get(before).set(as(partner().token)).expect(200)).body);
    await setLogo(CYAN);
    const after = await thumbnailUrl();
    expect(keyOf(after)).not.toBe(keyOf(before));
    const fresh = Buffer.from((await api.http().get(after).set(as(partner().token)).expect(200)).body);
    expect(Buffer.compare(fresh, old)).not.toBe(0);
    expect(await countPixels(fresh, CYAN)).toBeGreaterThan(LOGO_PIXELS_AT_LEAST);
    expect(await countPixels(fresh, MAGENTA)).toBe(0);
  }, 60_000);
});
