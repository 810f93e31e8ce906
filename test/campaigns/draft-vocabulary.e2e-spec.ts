import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { authorDemoCampaign, AuthoredCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

/** The editor's completion list and insert palette come from the API, which checks the templates with the same vocabulary. */
describe('GET /campaigns/{id}/draft/vocabulary', () => {
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  let campaign: AuthoredCampaign;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const vocabulary = (token = vendor.marketerToken, id = campaign.campaignId) =>
    api.http().get(`/campaigns/${id}/draft/vocabulary`).set(as(token));

  beforeAll(async () => {
    api = await startApi();
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    campaign = await authorDemoCampaign(api, vendor.marketerToken);
  });
  afterAll(() => api?.close());

  it("lists the draft's slots, derived colours, prospect fields and links, and a footer with its address slot", async () => {
    const res = await vocabulary().expect(200);
    const variables = res.body.entries.map((e: { variable: string }) => e.variable);
    expect(variables).toEqual([
      'partner.logo',
      'partner.company_name',
      'partner.contact_name',
      'partner.email',
      'partner.phone',
      'partner.website',
      'partner.primary_color',
      'partner.primary_color_text',
      'partner.primary_color_readable',
      'partner.address',
      'prospect.email',
      'prospect.first_name',
      'prospect.last_name',
      'prospect.company',
      'prospect.title',
      'prospect.country',
      'links.unsubscribe',
      'links.view_in_browser',
      'links.page',
      'links.preferences',
      'links.trial',
      'links.case_study',
      'links.pricing',
    ]);
    expect(res.body.entries[0]).toEqual({
      variable: 'partner.logo',
      kind: 'partner',
      detail: 'logo slot (optional: guard it with {{#if}}, filled from the brand kit)',
      inText: true,
    });
    expect(res.body.entries.find((e: { variable: string }) => e.variable === 'links.trial')).toEqual({
      variable: 'links.trial',
      kind: 'link',
      detail: 'https://acme-backup.example/trial',
      inText: false,
    });
    expect(res.body.footer.note).toBeNull();
    expect(res.body.footer.mjml).toContain('{{partner.address}}');
    expect(res.body.footer.mjml).toContain('{{links.unsubscribe}}');
  });

  it('follows the draft: a new slot is offered at once, and the footer passes the email check', async () => {
    const current = (
      await api.http().get(`/campaigns/${campaign.campaignId}`).set(as(vendor.marketerToken)).expect(200)
    ).body;
    // Published: no draft yet; the slots are the demo's.
    const slots = [
      ...loadDemo().manifest.slots,
      { name: 'webinar_date', type: 'text', label: 'Webinar date', required: false, fallback: 'soon' },
    ];
    await api
      .http()
      .put(`/campaigns/${campaign.campaignId}/slots`)
      .set(as(vendor.marketerToken))
      .set('If-Match', `"${current.revision}"`)
      .send({ slots })
      .expect(200);
    const res = await vocabulary().expect(200);
    expect(res.body.entries).toContainEqual({
      variable: 'partner.webinar_date',
      kind: 'partner',
      detail: 'text slot (optional, with a fallback)',
      inText: true,
    });

    const mjml = `<mjml>\n  <mj-body>\n${res.body.footer.mjml}\n  </mj-body>\n</mjml>\n`;
    const check = await api
      .http()
      .post(`/campaigns/${campaign.campaignId}/draft/email-check`)
      .set(as(vendor.marketerToken))
      .send({ name: 'Footer only', subject: 'Hi {{prospect.first_name}}', preheader: '', mjml })
      .expect(200);
    expect(check.body).toMatchObject({ valid: true, problems: [] });
  });

  it('says what the footer needs when the draft has no address slot', async () => {
    const created = (
      await api.http().post('/campaigns').set(as(vendor.marketerToken)).send({ name: 'Bare' }).expect(201)
    ).body;
    const res = await vocabulary(vendor.marketerToken, created.id).expect(200);
    expect(res.body.entries.filter((e: { kind: string }) => e.kind === 'partner')).toEqual([]);
    expect(res.body.footer.note).toBe(
      'Declare an address slot (required, or with a fallback) first: the footer prints it.',
    );
  });

  it("is the vendor's own: another vendor's campaign is not found, and a partner user is refused", async () => {
    const other = await tenants.vendor();
    await vocabulary(other.marketerToken).expect(404);
    const partner = await tenants.partner(vendor);
    await vocabulary(partner.token).expect(403);
  });
});
