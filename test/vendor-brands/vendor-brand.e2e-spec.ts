import { simpleParser } from 'mailparser';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { linkFromOutbox } from '../support/notices';

/** A small real logo: a teal 240 × 120 block with a white bar, on a white margin the pipeline trims. */
const logoPng = () =>
  sharp({ create: { width: 280, height: 160, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .composite([
      {
        input: { create: { width: 240, height: 120, channels: 3, background: { r: 15, g: 118, b: 110 } } },
        top: 20,
        left: 20,
      },
      {
        input: { create: { width: 160, height: 20, channels: 3, background: { r: 255, g: 255, b: 255 } } },
        top: 70,
        left: 60,
      },
    ])
    .png()
    .toBuffer();

/** The vendor's own brand on what its partners see (issue 25): its settings, roles, images, the public answer. */
describe('vendor brand', () => {
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  let partner: TestPartner;
  let other: TestVendor;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const slugOf = async (v: TestVendor) =>
    (await testDb().query<Array<{ slug: string }>>('SELECT slug FROM vendors WHERE id = $1', [v.vendorId]))[0].slug;

  beforeAll(async () => {
    api = await startApi();
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor('Acme Networks');
    partner = await tenants.partner(vendor);
    other = await tenants.vendor('Globex Systems');
  });
  afterAll(() => api?.close());

  it("answers the vendor's name and the engine's colour until the brand is saved", async () => {
    const res = await api.http().get('/vendor-brand').set(as(vendor.adminToken)).expect(200);
    expect(res.body).toMatchObject({
      displayName: 'Acme Networks',
      saved: { displayName: null, primaryColor: null },
      logo: null,
      favicon: null,
      supportEmail: null,
      supportUrl: null,
      revision: 0,
      warnings: [],
    });
    expect(res.body.colors.primaryReadable).toBe(res.body.colors.primary);
  });

  it('refuses invalid fields, each by name, and saves nothing', async () => {
    const res = await api
      .http()
      .put('/vendor-brand')
      .set(as(vendor.adminToken))
      .send({
        displayName: 'Acme <ceo@acme.example>',
        primaryColor: 'teal',
        supportEmail: 'not an address',
        supportUrl: 'http://acme.example/help',
      })
      .expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'displayName',
      'primaryColor',
      'supportEmail',
      'supportUrl',
    ]);
    expect(res.body.errors).toContainEqual({ path: 'supportUrl', message: 'must be an https URL' });
    const after = await api.http().get('/vendor-brand').set(as(vendor.adminToken)).expect(200);
    expect(after.body.revision).toBe(0);
  });

  it('saves a vendor admin’s brand, with a readable shade of a colour white text fails on', async () => {
    const light = await api
      .http()
      .put('/vendor-brand')
      .set(as(vendor.adminToken))
      .send({ displayName: 'Acme Partner Hub', primaryColor: '#FACC15' })
      .expect(200);
    expect(light.body.colors.primary).toBe('#facc15');
    expect(light.body.colors.primaryReadable).not.toBe('#facc15');
    expect(light.body.warnings).toEqual([
      expect.objectContaining({ field: 'primaryColor', suggestedColor: light.body.colors.primaryReadable }),
    ]);

    const res = await api
      .http()
      .put('/vendor-brand')
      .set(as(vendor.adminToken))
      .send({
        displayName: 'Acme Partner Hub',
        primaryColor: '#0f766e',
        supportEmail: 'partners@acme.example',
        supportUrl: 'https://acme.example/partners/help',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      vendor: expect.any(String),
      displayName: 'Acme Partner Hub',
      colors: { primary: '#0f766e', primaryReadable: '#0f766e', primaryText: '#ffffff' },
      supportEmail: 'partners@acme.example',
      supportUrl: 'https://acme.example/partners/help',
      revision: 2,
      warnings: [],
    });
  });

  it('lets every user of the vendor read it, and only its admins change it', async () => {
    const read = await api.http().get('/vendor-brand').set(as(partner.token)).expect(200);
    expect(read.body.displayName).toBe('Acme Partner Hub');
    await api.http().get('/vendor-brand').set(as(vendor.marketerToken)).expect(200);
    await api.http().put('/vendor-brand').set(as(vendor.marketerToken)).send({ displayName: 'Mine' }).expect(403);
    await api.http().put('/vendor-brand').set(as(partner.token)).send({ displayName: 'Mine' }).expect(403);
    await api
      .http()
      .put('/vendor-brand/logo')
      .set(as(partner.token))
      .attach('file', await logoPng(), 'logo.png')
      .expect(403);
    await api.http().delete('/vendor-brand/logo').set(as(partner.token)).expect(403);
    await api.http().get('/vendor-brand').expect(401);
  });

  it("never shows one vendor's brand to another", async () => {
    const res = await api.http().get('/vendor-brand').set(as(other.adminToken)).expect(200);
    expect(res.body).toMatchObject({ displayName: 'Globex Systems', revision: 0, supportEmail: null });
    expect(JSON.stringify(res.body)).not.toContain('Acme');
  });

  it('takes the logo and favicon through the logo pipeline, which refuses what is not an image', async () => {
    const refused = await api
      .http()
      .put('/vendor-brand/logo')
      .set(as(vendor.adminToken))
      .attach('file', Buffer.from('MZ\x90 definitely not a png'), { filename: 'logo.png', contentType: 'image/png' })
      .expect(415);
    expect(refused.body.errors).toEqual([{ path: 'file', message: expect.stringContaining('PNG, JPEG, WebP or SVG') }]);
    const unchanged = await api.http().get('/vendor-brand').set(as(vendor.adminToken)).expect(200);
    expect(unchanged.body.logo).toBeNull();

    const logo = await api
      .http()
      .put('/vendor-brand/logo')
      .set(as(vendor.adminToken))
      .attach('file', await logoPng(), 'logo.png')
      .expect(200);
    expect(logo.body.logo).toMatchObject({ width: 240, height: 120, pngUrl: expect.stringContaining('/public/') });
    expect(logo.body.logoUrl).toBe(logo.body.logo.pngUrl);
    const file = await api.http().get(new URL(logo.body.logo.pngUrl).pathname).expect(200);
    expect(file.headers['content-type']).toBe('image/png');

    const favicon = await api
      .http()
      .put('/vendor-brand/favicon')
      .set(as(vendor.adminToken))
      .attach('file', await logoPng(), 'icon.png')
      .expect(200);
    expect(favicon.body.faviconUrl).toBe(favicon.body.favicon.pngUrl);
    const removed = await api.http().delete('/vendor-brand/favicon').set(as(vendor.adminToken)).expect(200);
    expect(removed.body).toMatchObject({ favicon: null, faviconUrl: null, logo: { width: 240 } });
  });

  it("answers signed-out pages the named vendor's brand, and the engine's own for none or an unknown one", async () => {
    const named = await api
      .http()
      .get(`/public/brand?vendor=${await slugOf(vendor)}`)
      .expect(200);
    expect(named.body).toMatchObject({
      vendor: await slugOf(vendor),
      displayName: 'Acme Partner Hub',
      logoUrl: expect.stringContaining('/public/'),
      faviconUrl: null,
      colors: { primary: '#0f766e' },
      supportEmail: 'partners@acme.example',
      supportUrl: 'https://acme.example/partners/help',
    });
    const none = await api.http().get('/public/brand').expect(200);
    expect(none.body).toMatchObject({ vendor: null, displayName: 'TCMA', logoUrl: null });
    const unknown = await api
      .http()
      .get(`/public/brand?vendor=no-such-${randomUUID().slice(0, 8)}`)
      .expect(200);
    expect(unknown.body).toEqual(none.body);
    const unbranded = await api
      .http()
      .get(`/public/brand?vendor=${await slugOf(other)}`)
      .expect(200);
    expect(unbranded.body).toMatchObject({ displayName: 'Globex Systems', logoUrl: null });
  });

  it("signs the invitation to a partner user with the vendor's display name and logo, never the engine's", async () => {
    const email = `invited-${randomUUID().slice(0, 8)}@partner.example`;
    await api
      .http()
      .post('/user-invitations')
      .set(as(vendor.adminToken))
      .send({ email, role: 'partner_user', partnerId: partner.partnerId })
      .expect(201);
    await linkFromOutbox(email, '/invitations');
    const [row] = await testDb().query<Array<{ raw: Buffer }>>(
      'SELECT raw FROM outbox_messages WHERE $1 = ANY(recipients) ORDER BY id DESC LIMIT 1',
      [email],
    );
    const mail = await simpleParser(row.raw);
    expect(mail.from?.value[0].name).toBe('Acme Partner Hub');
    expect(mail.text).toContain("Acme Partner Hub's partner portal");
    expect(mail.text).toContain('Help: partners@acme.example');
    const brand = await api.http().get('/vendor-brand').set(as(vendor.adminToken)).expect(200);
    expect(mail.html).toContain(brand.body.logo.pngUrl);
    expect(mail.html).toContain('background:#0f766e');
    expect(row.raw.toString('utf8')).not.toMatch(/TCMA/);
    expect(mail.text).not.toContain('Acme Networks');
  });
});
