import { countSocialCopy, SOCIAL_COPY_LIMITS, X_LINK_LENGTH } from '@tcma/campaign-model';
import { filePageKey } from '@tcma/rendering';
import sharp from 'sharp';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { authorDemoCampaign, AuthoredCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';

/** Raw RGB pixels of a PNG. */
async function pixels(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** How many pixels differ between two pictures of the same size inside a box (pixels, from the top-left). */
function differing(
  a: { data: Buffer; width: number },
  b: { data: Buffer },
  box: { left: number; top: number; width: number; height: number },
): number {
  let count = 0;
  for (let y = box.top; y < box.top + box.height; y++) {
    for (let x = box.left; x < box.left + box.width; x++) {
      const i = (y * a.width + x) * 3;
      if (
        Math.abs(a.data[i] - b.data[i]) +
          Math.abs(a.data[i + 1] - b.data[i + 1]) +
          Math.abs(a.data[i + 2] - b.data[i + 2]) >
        30
      )
        count++;
    }
  }
  return count;
}

const binary = (res: { body: unknown }) => res.body as Buffer;

/** What the console's PDF and social editors ask of the API: page images, the file of an asset, co-branded draft previews, and the social copy's lengths. */
describe('console assets API', () => {
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  let other: TestVendor;
  let campaign: AuthoredCampaign;
  let pdfFileId: string;
  let imageFileId: string;
  const demo = loadDemo();
  const pdf = demo.manifest.pdfs[0];
  const social = demo.manifest.social[0];
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (path: string, token = vendor.marketerToken) =>
    api
      .http()
      .get(path)
      .set(as(token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const upload = async (file: string, token = vendor.marketerToken) =>
    (await api.http().post('/files').set(as(token)).attach('file', demo.read(file), file).expect(201)).body
      .id as string;

  beforeAll(async () => {
    api = await startApi();
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    other = await tenants.vendor();
    campaign = await authorDemoCampaign(api, vendor.marketerToken, { publish: false });
    // Uploading the same bytes again is the same file.
    pdfFileId = await upload(pdf.file);
    imageFileId = await upload(social.file);
  });
  afterAll(() => api?.close());

  describe('GET /files/{id}/pages/{page}', () => {
    it("renders a PDF's page at the resolution asked, once: the page is kept and its address cached for ever", async () => {
      const { pages } = (await api.http().get(`/files/${pdfFileId}`).set(as(vendor.marketerToken)).expect(200)).body
        .metadata;
      const res = await get(`/files/${pdfFileId}/pages/1?dpi=72`).expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      const meta = await sharp(binary(res)).metadata();
      expect(meta.format).toBe('png');
      expect(Math.abs((meta.width ?? 0) - pages[0].width)).toBeLessThanOrEqual(1);
      expect(Math.abs((meta.height ?? 0) - pages[0].height)).toBeLessThanOrEqual(1);

      const { key } = (
        await testDb().query<Array<{ key: string }>>('SELECT key FROM stored_files WHERE id = $1', [pdfFileId])
      )[0];
      const stored = await testDb().query<Array<{ byte_size: number }>>(
        'SELECT byte_size FROM rendered_assets WHERE render_key = $1',
        [filePageKey(key, 1, 72)],
      );
      expect(stored).toEqual([{ byte_size: binary(res).length }]);
      const again = await get(`/files/${pdfFileId}/pages/1?dpi=72`).expect(200);
      expect(binary(again).equals(binary(res))).toBe(true);
      await api
        .http()
        .get(`/files/${pdfFileId}/pages/1?dpi=72`)
        .set(as(vendor.marketerToken))
        .set('If-None-Match', res.headers.etag)
        .expect(304);

      const sharper = await get(`/files/${pdfFileId}/pages/1?dpi=144`).expect(200);
      expect((await sharp(binary(sharper)).metadata()).width).toBeGreaterThan((meta.width ?? 0) * 1.9);
      expect(sharper.headers.etag).not.toBe(res.headers.etag);
    });

    it('shows an uploaded image as PNG, fitted within 2,000 px, whatever its format', async () => {
      const { metadata } = (await api.http().get(`/files/${imageFileId}`).set(as(vendor.marketerToken)).expect(200))
        .body;
      const res = await get(`/files/${imageFileId}/pages/1`).expect(200);
      const meta = await sharp(binary(res)).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBe(Math.min(metadata.width, 2000));
      await get(`/files/${imageFileId}/pages/2`).expect(400);
    });

    it('refuses a page the file does not have and a resolution out of range, naming the field', async () => {
      const beyond = await api.http().get(`/files/${pdfFileId}/pages/9`).set(as(vendor.marketerToken)).expect(400);
      expect(beyond.body.errors).toEqual([{ path: 'page', message: expect.stringContaining('page(s)') }]);
      const zero = await api.http().get(`/files/${pdfFileId}/pages/0`).set(as(vendor.marketerToken)).expect(400);
      expect(zero.body.errors[0].path).toBe('page');
      const dpi = await api.http().get(`/files/${pdfFileId}/pages/1?dpi=600`).set(as(vendor.marketerToken)).expect(400);
      expect(dpi.body.errors[0].path).toBe('dpi');
    });

    it("is the vendor's own: another vendor gets 404, a partner 403", async () => {
      await api.http().get(`/files/${pdfFileId}/pages/1`).set(as(other.marketerToken)).expect(404);
      const partner = await tenants.partner(vendor);
      await api.http().get(`/files/${pdfFileId}/pages/1`).set(as(partner.token)).expect(403);
    });
  });

  describe('GET /campaigns/{id}/draft/assets/{assetId}/file', () => {
    it('names the uploaded file a PDF or social asset shows', async () => {
      const res = await api
        .http()
        .get(`/campaigns/${campaign.campaignId}/draft/assets/${campaign.assetIds[pdf.key]}/file`)
        .set(as(vendor.marketerToken))
        .expect(200);
      expect(res.body).toMatchObject({ id: pdfFileId, contentType: 'application/pdf', metadata: { kind: 'pdf' } });
      const image = await api
        .http()
        .get(`/campaigns/${campaign.campaignId}/draft/assets/${campaign.assetIds[social.key]}/file`)
        .set(as(vendor.marketerToken))
        .expect(200);
      expect(image.body.id).toBe(imageFileId);
    });

    it('refuses an email (nothing to draw on) and hides another vendor’s campaign', async () => {
      const email = await api
        .http()
        .get(`/campaigns/${campaign.campaignId}/draft/assets/${campaign.assetIds.welcome}/file`)
        .set(as(vendor.marketerToken))
        .expect(400);
      expect(email.body.errors[0].path).toBe('assetId');
      await api
        .http()
        .get(`/campaigns/${campaign.campaignId}/draft/assets/${campaign.assetIds[pdf.key]}/file`)
        .set(as(other.marketerToken))
        .expect(404);
    });
  });

  describe('GET /campaigns/{id}/draft/assets/{assetId}/preview', () => {
    const previewPath = (assetId: string, query = '') =>
      `/campaigns/${campaign.campaignId}/draft/assets/${assetId}/preview?dpi=72${query}`;

    it("draws the sample partner's name in the logo rectangle and its values in the others, and nothing elsewhere; nothing is stored", async () => {
      const rendersBefore = await testDb().query<Array<{ n: string }>>('SELECT count(*) AS n FROM rendered_assets');
      const page = await pixels(binary(await get(`/files/${pdfFileId}/pages/1?dpi=72`).expect(200)));
      const res = await get(previewPath(campaign.assetIds[pdf.key])).expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['cache-control']).toBe('private, no-cache');
      const preview = await pixels(binary(res));
      expect([preview.width, preview.height]).toEqual([page.width, page.height]);
      // Rectangles are in points from the bottom-left; at 72 dpi a point is a pixel.
      const box = (r: { x: number; y: number; width: number; height: number }) => ({
        left: Math.round(r.x),
        top: Math.round(page.height - r.y - r.height),
        width: Math.round(r.width),
        height: Math.round(r.height),
      });
      const logo = pdf.slots.find((s) => s.slot === 'logo');
      if (!logo) throw new Error('the demo PDF has a logo rectangle');
      expect(differing(page, preview, box(logo))).toBeGreaterThan(50);
      // Between the page's top and the rectangles at its foot, the vendor's page is untouched.
      expect(differing(page, preview, { left: 0, top: 120, width: page.width, height: 500 })).toBe(0);
      const rendersAfter = await testDb().query<Array<{ n: string }>>('SELECT count(*) AS n FROM rendered_assets');
      expect(rendersAfter).toEqual(rendersBefore);
      await api
        .http()
        .get(previewPath(campaign.assetIds[pdf.key]))
        .set(as(vendor.marketerToken))
        .set('If-None-Match', res.headers.etag)
        .expect(304);
    });

    it("previews as a chosen partner with its own logo, and follows the draft's rectangles", async () => {
      const partner = await tenants.partner(vendor, { companyName: 'Northwind IT' });
      await api
        .http()
        .put(`/partners/${partner.partnerId}/brand-kit/logo`)
        .set(as(partner.token))
        .attach('file', demo.read('partners/northwind-logo.png'), 'logo.png')
        .expect(200);
      const sample = await get(previewPath(campaign.assetIds[pdf.key])).expect(200);
      const chosen = await get(previewPath(campaign.assetIds[pdf.key], `&partnerId=${partner.partnerId}`)).expect(200);
      expect(chosen.headers.etag).not.toBe(sample.headers.etag);
      const [a, b] = [await pixels(binary(sample)), await pixels(binary(chosen))];
      const logo = pdf.slots.find((s) => s.slot === 'logo');
      if (!logo) throw new Error('the demo PDF has a logo rectangle');
      expect(
        differing(a, b, {
          left: Math.round(logo.x),
          top: Math.round(a.height - logo.y - logo.height),
          width: logo.width,
          height: logo.height,
        }),
      ).toBeGreaterThan(50);

      // Another vendor's partner is not a partner to preview as.
      const foreign = await tenants.partner(other);
      await api
        .http()
        .get(previewPath(campaign.assetIds[pdf.key], `&partnerId=${foreign.partnerId}`))
        .set(as(vendor.marketerToken))
        .expect(404);

      // Moving the logo's rectangle is a new picture.
      const moved = pdf.slots.map((s) => (s.slot === 'logo' ? { ...s, x: 56, y: 741.89 } : s));
      await api
        .http()
        .put(`/campaigns/${campaign.campaignId}/assets/pdf/${campaign.assetIds[pdf.key]}`)
        .set(as(vendor.marketerToken))
        .send({ name: pdf.name, fileId: pdfFileId, slots: moved })
        .expect(200);
      await api
        .http()
        .get(previewPath(campaign.assetIds[pdf.key]))
        .set(as(vendor.marketerToken))
        .set('If-None-Match', sample.headers.etag)
        .expect(200);
    });

    it('previews a social image at a network size, and refuses what it cannot show', async () => {
      const res = await get(
        `/campaigns/${campaign.campaignId}/draft/assets/${campaign.assetIds[social.key]}/preview?size=square`,
      ).expect(200);
      const meta = await sharp(binary(res)).metadata();
      expect([meta.width, meta.height]).toEqual([1080, 1080]);
      const size = await api
        .http()
        .get(`/campaigns/${campaign.campaignId}/draft/assets/${campaign.assetIds[social.key]}/preview?size=poster`)
        .set(as(vendor.marketerToken))
        .expect(400);
      expect(size.body.errors[0].path).toBe('size');
      const page = await api
        .http()
        .get(previewPath(campaign.assetIds[pdf.key], '&page=3'))
        .set(as(vendor.marketerToken))
        .expect(400);
      expect(page.body.errors[0].path).toBe('page');
      await api.http().get(previewPath(campaign.assetIds[pdf.key])).set(as(other.marketerToken)).expect(404);
    });
  });

  describe('POST /campaigns/{id}/draft/social-check', () => {
    const check = (body: object) =>
      api.http().post(`/campaigns/${campaign.campaignId}/draft/social-check`).set(as(vendor.marketerToken)).send(body);
    const save = (copy: object) =>
      api
        .http()
        .put(`/campaigns/${campaign.campaignId}/assets/social/${campaign.assetIds[social.key]}`)
        .set(as(vendor.marketerToken))
        .send({ name: social.name, fileId: imageFileId, slots: social.slots, copy });

    it("measures each network's copy as the network counts it: X counts a link as 23, whatever its length", async () => {
      const longLink = `https://acme-backup.example/trial?campaign=${'spring'.repeat(20)}`;
      const x = `Ransomware-proof backup: ${longLink} by {{partner.company_name}}`;
      const res = await check({
        copy: { linkedin: social.copy.linkedin, x },
        assetId: campaign.assetIds[social.key],
      }).expect(200);
      expect(res.body.valid).toBe(true);
      const [linkedin, onX] = res.body.networks;
      expect(onX).toEqual({
        network: 'x',
        limit: SOCIAL_COPY_LIMITS.x,
        // The sample partner's company name is "Sample".
        length: countSocialCopy('x', x.replace('{{partner.company_name}}', 'Sample')).length,
        // The demo's company name is at most 60 characters, each counting up to 2 on X.
        longest: 'Ransomware-proof backup: '.length + X_LINK_LENGTH + ' by '.length + 2 * 60,
        links: 1,
        linkLength: X_LINK_LENGTH,
        fits: true,
      });
      expect(linkedin).toMatchObject({
        network: 'linkedin',
        limit: SOCIAL_COPY_LIMITS.linkedin,
        linkLength: null,
        fits: true,
      });
      // Saved as checked: the API's own rule, not only the check's.
      await save({ linkedin: social.copy.linkedin, x }).expect(200);
    });

    it('refuses LinkedIn copy past its limit exactly as the save does: 422 at the network', async () => {
      const long = `${'Backups that just work, every fifteen minutes. '.repeat(64)}{{partner.company_name}}`;
      const res = await check({ copy: { linkedin: long }, assetId: campaign.assetIds[social.key] }).expect(200);
      expect(res.body.valid).toBe(false);
      expect(res.body.networks[0]).toMatchObject({
        network: 'linkedin',
        longest: [...long].length - '{{partner.company_name}}'.length + 60,
        fits: false,
      });
      expect(res.body.networks[0].longest).toBeGreaterThan(SOCIAL_COPY_LIMITS.linkedin);
      const saved = await save({ linkedin: long }).expect(422);
      expect(res.body.problems).toEqual(saved.body.errors);
      expect(saved.body.errors).toEqual([
        { path: 'assets[4].copy.linkedin', message: expect.stringContaining('linkedin allows 3000') },
      ]);
    });

    it('checks a new post at the index it would be added at, with template problems at their lines', async () => {
      const draft = (
        await api.http().get(`/campaigns/${campaign.campaignId}`).set(as(vendor.marketerToken)).expect(200)
      ).body.draft;
      const res = await check({ copy: { instagram: 'Hello\n{{partner.nickname}}' } }).expect(200);
      expect(res.body.problems).toEqual([
        {
          path: `assets[${draft.assets.length}].copy.instagram`,
          line: 2,
          message: expect.stringContaining('Unknown variable partner.nickname'),
        },
      ]);
      await check({ copy: { mastodon: 'Hi' } }).expect(400);
      await api
        .http()
        .post(`/campaigns/${campaign.campaignId}/draft/social-check`)
        .set(as(other.marketerToken))
        .send({ copy: { x: 'Hi' } })
        .expect(404);
    });
  });
});
