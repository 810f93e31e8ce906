import { randomUUID } from 'node:crypto';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

/**
 * A vendor approver reads campaigns and approves or returns their drafts, and nothing more: the
 * areas that hold prospects' personal data or the network's results (leads, prospects, lists,
 * imports, launches, programmes, social posts, analytics, the vendor home's figures, the outbox,
 * suppressions) answer it 403 — before any lookup, so the answer says nothing about a resource —
 * while its campaigns, their reviews and its own account still answer.
 */
describe('what a vendor approver reaches', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let approver: { userId: string; token: string };
  let campaignId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor('Approver Reach Vendor');
    partner = await tenants.partner(vendor);
    approver = await tenants.user(vendor.adminToken, {
      email: `approver-${randomUUID().slice(0, 8)}@reach.example`,
      name: 'Ada Approver',
      role: 'vendor_approver',
    });
    ({ campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { emailsOnly: true }));
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  const somebody = randomUUID();
  const refused: Array<[string, string]> = [
    ['GET', '/partners/{partner}/leads'],
    ['GET', `/leads/${somebody}`],
    ['GET', '/partners/{partner}/prospects'],
    ['GET', '/partners/{partner}/lists'],
    ['GET', '/partners/{partner}/imports'],
    ['GET', '/partners/{partner}/home'],
    ['GET', '/partners/{partner}/setup'],
    ['GET', '/partners/{partner}/catalogue'],
    ['GET', '/partners/{partner}/brand-kit'],
    ['GET', '/launches'],
    ['GET', `/launches/${somebody}/prospects`],
    ['GET', '/programmes'],
    ['GET', '/programme-subscriptions'],
    ['GET', '/pending-launches'],
    ['GET', '/social-posts'],
    ['GET', '/analytics/funnel'],
    ['GET', '/analytics/partners'],
    ['GET', '/vendor-home'],
    ['POST', '/vendor-home/reminders'],
    ['GET', '/outbox'],
    ['GET', '/suppressions'],
    ['POST', '/conversions'],
  ];

  it.each(refused)('refuses %s %s with 403', async (method, template) => {
    const path = template.replace('{partner}', partner.partnerId);
    const call = method === 'GET' ? api.http().get(path) : api.http().post(path).send({});
    const res = await call.set(as(approver.token)).expect(403);
    expect(res.body.message).toMatch(/needs one of the roles/);
  });

  it('does not let an approver act for a partner (the partner’s leads through concierge mode)', async () => {
    await api
      .http()
      .get(`/partners/${partner.partnerId}/leads`)
      .set(as(approver.token))
      .set('X-Acting-For', partner.partnerId)
      .expect(403);
  });

  it('still answers the approver its campaigns, their reviews, the review’s previews and its own account', async () => {
    await api.http().get('/campaigns').set(as(approver.token)).expect(200);
    await api.http().get(`/campaigns/${campaignId}`).set(as(approver.token)).expect(200);
    await api.http().get(`/campaigns/${campaignId}/versions`).set(as(approver.token)).expect(200);
    await api.http().get(`/campaigns/${campaignId}/reviews`).set(as(approver.token)).expect(200);
    await api.http().get('/campaign-reviews/waiting').set(as(approver.token)).expect(200);
    await api.http().get('/publishing-policy').set(as(approver.token)).expect(200);
    // The partners a draft is previewed as (the list's rows, one at a time too).
    await api.http().get('/partners').set(as(approver.token)).expect(200);
    await api.http().get(`/partners/${partner.partnerId}`).set(as(approver.token)).expect(200);
    await api.http().get('/me').set(as(approver.token)).expect(200);
    await api.http().get('/vendor-brand').set(as(approver.token)).expect(200);
    // The same areas still answer the marketer.
    await api.http().get(`/partners/${partner.partnerId}/leads`).set(as(vendor.marketerToken)).expect(200);
    await api.http().get('/programmes').set(as(vendor.marketerToken)).expect(200);
    await api.http().get('/social-posts').set(as(vendor.marketerToken)).expect(200);
    await api.http().get('/vendor-home').set(as(vendor.marketerToken)).expect(200);
    // …and the partner's own user its leads.
    await api.http().get(`/partners/${partner.partnerId}/leads`).set(as(partner.token)).expect(200);
  });
});
