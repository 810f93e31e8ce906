import { CrmSweepService } from '@tcma/crm';
import { QueueName } from '@tcma/queue';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { HubspotStub, startHubspotStub } from '../support/hubspot-stub';
import { waitForQueueIdle } from '../support/queues';
import { startSamlIdp, TestSamlIdp } from '../support/saml-idp';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/**
 * Issue 26's whole story against the in-process providers: a partner opens "Marketing" in its
 * vendor's PRM (an IdP-initiated SAML sign-in landing on the portal's CRM page) and is signed in
 * and provisioned without a password; from that session it connects its HubSpot; its next
 * landing-page lead is in HubSpot once, with the campaign; the deal won there shows as revenue
 * against the campaign and the partner on the vendor's side.
 */
describe('from the PRM to revenue: SAML sign-in, HubSpot, a won deal', () => {
  const ENGINE = 'http://engine.journey.example';
  let idp: TestSamlIdp;
  let hubspot: HubspotStub;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let prm: string;
  let campaignId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    idp = await startSamlIdp();
    hubspot = await startHubspotStub();
    const env = { ...hubspot.env(), PUBLIC_BASE_URL: ENGINE };
    api = await startApi({ env });
    worker = await startWorker({ roles: 'webhook', env });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor('Journey Vendor');
    partner = await tenants.partner(vendor, { companyName: 'Journey Partners' });
    await api
      .http()
      .patch(`/partners/${partner.partnerId}`)
      .set(as(vendor.adminToken))
      .send({ externalId: 'PRM-JOURNEY' })
      .expect(200);
    prm = (
      await api
        .http()
        .post('/sso-connections')
        .set(as(vendor.adminToken))
        .send({
          protocol: 'saml',
          name: 'Acme PRM',
          audience: 'partner_users',
          metadataXml: idp.metadataXml,
          partnerClaim: 'prm_account',
          roleClaim: 'groups',
        })
        .expect(201)
    ).body.id;
    campaignId = (await authorDemoCampaign(api, vendor.marketerToken)).campaignId;
    await api
      .http()
      .put(`/partners/${partner.partnerId}/brand-kit`)
      .set(as(partner.token))
      .send({ email: 'p@journey.example', website: 'https://journey.example', address: '1 Main St, Springfield' })
      .expect(200);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await hubspot?.stop();
    await idp?.stop();
  });

  it('signs the partner in from the PRM, writes its lead to its HubSpot once, and brings the won deal back as revenue', async () => {
    // The PRM's "Marketing" link: an unsolicited SAML response, RelayState the portal's CRM page.
    const email = 'maria@journey-partner.example';
    const acs = await api
      .http()
      .post(`/auth/saml/${prm}/acs`)
      .type('form')
      .send({
        SAMLResponse: idp.respond({
          audience: `${ENGINE}/auth/saml/${prm}/metadata`,
          recipient: `${ENGINE}/auth/saml/${prm}/acs`,
          sign: 'assertion',
          nameId: email,
          attributes: { email, prm_account: 'PRM-JOURNEY', groups: 'partner_admin', name: 'Maria' },
        }),
        RelayState: '/portal/crm',
      })
      .expect(302);
    expect(acs.headers.location).toBe('/portal/crm');
    const cookie = ((acs.headers['set-cookie'] as unknown as string[]) ?? [])
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('tcma_session='))!;
    const session = (await api.http().get('/auth/session').set('Cookie', cookie).expect(200)).body;
    expect(session.user).toMatchObject({ email, role: 'partner_admin', partnerId: partner.partnerId });

    // From that browser session (its CSRF token), the partner connects its HubSpot.
    const start = await api
      .http()
      .post('/crm-connections/hubspot/start')
      .set('Cookie', cookie)
      .set('x-csrf-token', session.csrfToken)
      .expect(200);
    const state = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('tcma_crm='))!;
    const callback = new URL(
      (await fetch(start.body.authorizationUrl, { redirect: 'manual' })).headers.get('location')!,
    );
    const back = await api
      .http()
      .get(callback.pathname + callback.search)
      .set('Cookie', [cookie, state.split(';')[0]].join('; '))
      .expect(302);
    expect(back.headers.location).toBe(`${ENGINE}/portal/crm?connected=hubspot`);

    // A visitor registers on the partner's landing page.
    const slug = (await api.http().get(`/partners/${partner.partnerId}`).set(as(partner.token)).expect(200)).body.slug;
    const campaign = (await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200)).body;
    await api
      .http()
      .post(`/p/${slug}/${campaign.slug}`)
      .type('form')
      .send({
        email: 'buyer@customer.example',
        first_name: 'Ben',
        last_name: 'Buyer',
        company: 'Customer Co',
        consent: 'yes',
        tcma_website: '',
      })
      .expect(200);
    await waitForQueueIdle(worker.app, QueueName.Crm);
    await worker.app.get(CrmSweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Crm);
    expect(hubspot.contacts.map((c) => c.properties.email)).toEqual(['buyer@customer.example']);
    const [note] = hubspot.notes;
    expect(note.contactIds).toEqual([hubspot.contacts[0].id]);
    expect(note.body).toContain(campaign.name);

    // The deal is won in HubSpot: the vendor sees the revenue against the campaign and the partner.
    const deal = hubspot.addDeal({
      contactIds: [hubspot.contacts[0].id],
      amount: '4800',
      currency: 'USD',
      stage: 'closedwon',
    });
    const request = hubspot.dealEvents(`${ENGINE}/crm/hubspot/events`, [deal.id]);
    await api.http().post('/crm/hubspot/events').set(request.headers).send(request.body).expect(200, { recorded: 1 });
    const revenue = (await api.http().get('/revenue').set(as(vendor.marketerToken)).expect(200)).body;
    expect(revenue.totals).toEqual([{ currency: 'USD', amount: '4800.00', deals: 1 }]);
    expect(revenue.byCampaign).toEqual([
      { id: campaignId, name: campaign.name, currency: 'USD', amount: '4800.00', deals: 1 },
    ]);
    expect(revenue.byPartner).toEqual([
      { id: partner.partnerId, name: 'Journey Partners', currency: 'USD', amount: '4800.00', deals: 1 },
    ]);
  });
});
