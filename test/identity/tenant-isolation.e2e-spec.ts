import { ManualClock } from '@tcma/clock';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { authorDemoCampaign, AuthoredCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';
import { testDb } from '../support/db';
import { invitedUser, signedIn } from '../support/accounts';

/** `query`: the operation's required query parameters, each its documented example. */
type Operation = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; query: Record<string, string> };
type Parameter = { name: string; in: string; required?: boolean; schema?: { example?: string | number | boolean } };

/**
 * Walks every endpoint of the OpenAPI document that addresses a resource by id, pointing it
 * at vendor A's resources while authenticated as someone else: a foreign vendor's admin
 * must get 404 for everything, and another partner of the same vendor must never get a 2xx.
 * A new endpoint without a fixture below fails this test until it is added.
 */
describe('tenant isolation', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let a: TestVendor;
  let b: TestVendor;
  let partnerB: TestPartner;
  let partnerA1: TestPartner;
  let partnerA2: TestPartner;
  let campaign: AuthoredCampaign;
  let fileId: string;
  let programmeId: string;
  let reviewId: string;
  let tokenId: string;
  let hostNameId: string;
  let emailDomainId: string;
  let ssoConnectionId: string;
  /** A browser session of one of vendor A's users, and a pending invitation of vendor A. */
  let sessionId: string;
  let invitationId: string;
  /** Partner A1's audience, launch and what it sent. */
  const a1: Record<
    | 'prospectId'
    | 'listId'
    | 'importId'
    | 'launchId'
    | 'outboxId'
    | 'suppressionId'
    | 'leadId'
    | 'webhookId'
    | 'deliveryId'
    | 'subscriptionId'
    | 'pendingLaunchId'
    | 'socialPostId'
    | 'socialConnectionId'
    | 'crmConnectionId'
    | 'crmRecordId',
    string
  > = {
    socialConnectionId: '',
    crmConnectionId: '',
    crmRecordId: '',
    leadId: '',
    webhookId: '',
    deliveryId: '',
    prospectId: '',
    listId: '',
    importId: '',
    subscriptionId: '',
    pendingLaunchId: '',
    socialPostId: '',
    launchId: '',
    outboxId: '',
    suppressionId: '',
  };
  const demo = loadDemo();
  /** Monday 10:00 in Warsaw: inside the first step's send window. */
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));

  beforeAll(async () => {
    api = await startApi({ clock });
    worker = await startWorker({ roles: 'send,enroll', clock });
    const tenants = new TenantFactory(api);
    a = await tenants.vendor('Vendor A');
    b = await tenants.vendor('Vendor B');
    // Partner admins: the strongest partner role probes (and owns) everything, admin-only routes included.
    partnerA1 = await tenants.partner(a, { role: 'partner_admin' });
    partnerA2 = await tenants.partner(a, { role: 'partner_admin' });
    partnerB = await tenants.partner(b, { role: 'partner_admin' });
    campaign = await authorDemoCampaign(api, a.marketerToken);
    fileId = (
      await api
        .http()
        .post('/files')
        .set('Authorization', `Bearer ${a.marketerToken}`)
        .attach('file', demo.read('one-pager.pdf'), 'one-pager.pdf')
        .expect(201)
    ).body.id;
    const signedInUser = await signedIn(api, await invitedUser(api, a.adminToken, { role: 'vendor_marketer' }));
    sessionId = (await api.http().get('/auth/sessions').set('Cookie', signedInUser.cookie).expect(200)).body.items[0]
      .id;
    invitationId = (
      await api
        .http()
        .post('/user-invitations')
        .set('Authorization', `Bearer ${a.adminToken}`)
        .send({ email: 'pending@vendor-a.example', role: 'vendor_marketer' })
        .expect(201)
    ).body.id;
    tokenId = (
      await api
        .http()
        .post('/tokens')
        .set('Authorization', `Bearer ${a.adminToken}`)
        .send({ name: 'victim' })
        .expect(201)
    ).body.id;
    // Vendor A's claim of a host name for its portal.
    hostNameId = (
      await api
        .http()
        .post('/vendor-host-names')
        .set('Authorization', `Bearer ${a.adminToken}`)
        .send({ host: 'partners.vendor-a.example' })
        .expect(201)
    ).body.id;

    // Vendor A's claim of an email domain for its own sign-in.
    emailDomainId = (
      await api
        .http()
        .post('/email-domains')
        .set('Authorization', `Bearer ${a.adminToken}`)
        .send({ domain: 'vendor-a.example' })
        .expect(201)
    ).body.id;

    // Vendor A's sign-in connection, written as POST /sso-connections would once its issuer's
    // discovery document was read (no identity provider runs in this test).
    ssoConnectionId = (
      await testDb().query<Array<{ id: string }>>(
        `INSERT INTO sso_connections (vendor_id, name, audience, issuer, client_id, client_secret_sealed, default_role)
         VALUES ($1, 'Vendor A PRM', 'partner_users', 'https://idp.vendor-a.example', 'tcma', 'v1.x.y.z', 'partner_user') RETURNING id`,
        [a.vendorId],
      )
    )[0].id;

    // Partner A1's own data: a prospect in a list, an import, a launch that has sent a message, a suppression.
    const p1 = { Authorization: `Bearer ${partnerA1.token}` };
    const base = `/partners/${partnerA1.partnerId}`;
    a1.prospectId = (
      await api
        .http()
        .post(`${base}/prospects`)
        .set(p1)
        .send({ email: 'victim@prospect.example', firstName: 'Vic' })
        .expect(201)
    ).body.id;
    a1.listId = (await api.http().post(`${base}/lists`).set(p1).send({ name: 'victims' }).expect(201)).body.id;
    await api
      .http()
      .post(`${base}/lists/${a1.listId}/members`)
      .set(p1)
      .send({ prospectIds: [a1.prospectId] })
      .expect(200);
    a1.importId = (
      await api
        .http()
        .post(`${base}/imports`)
        .set(p1)
        .set('Content-Type', 'text/csv')
        .send('email\nother@prospect.example\n')
        .expect(202)
    ).body.id;
    const slotValues = {
      company_name: 'A1 Ltd',
      email: 'a1@partner.example',
      website: 'https://a1.example',
      address: '1 Main St, Springfield',
    };
    a1.launchId = (
      await api
        .http()
        .post('/launches')
        .set(p1)
        .send({ campaignId: campaign.campaignId, audience: { type: 'list', listId: a1.listId }, slotValues })
        .expect(202)
    ).body.id;
    await eventually(
      async () =>
        (await api.http().get(`/launches/${a1.launchId}`).set(p1)).body.status === 'active' ? true : undefined,
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    const outbox = (await api.http().get('/outbox').set(p1).expect(200)).body.items as Array<{ id: string }>;
    expect(outbox).toHaveLength(1);
    a1.outboxId = outbox[0].id;
    await api.http().post('/suppressions').set(p1).send({ email: 'blocked@prospect.example' }).expect(201);
    a1.suppressionId = (await api.http().get('/suppressions').set(p1).expect(200)).body.items[0].id;

    // A webhook endpoint of partner A1's, and a lead from its landing page, which gives the endpoint a delivery.
    a1.webhookId = (
      await api
        .http()
        .post('/webhooks')
        .set(p1)
        .send({ url: 'https://crm.a1.example/hook', eventTypes: ['lead_created'] })
        .expect(201)
    ).body.id;
    const partnerSlug = (await api.http().get(`/partners/${partnerA1.partnerId}`).set(p1).expect(200)).body.slug;
    const campaignSlug = (
      await api
        .http()
        .get(`/campaigns/${campaign.campaignId}`)
        .set('Authorization', `Bearer ${a.marketerToken}`)
        .expect(200)
    ).body.slug;
    // The page needs the partner's required slots, from its brand kit.
    await api
      .http()
      .put(`/partners/${partnerA1.partnerId}/brand-kit`)
      .set(p1)
      .send({ email: 'a1@partner.example', website: 'https://a1.example', address: '1 Main St, Springfield' })
      .expect(200);
    await api
      .http()
      .post(`/p/${partnerSlug}/${campaignSlug}`)
      .type('form')
      .send({ email: 'lead@prospect.example', first_name: 'Lea', company: 'Lea Ltd', consent: 'yes', tcma_website: '' })
      .expect(200);
    a1.leadId = (await api.http().get(`/partners/${partnerA1.partnerId}/leads`).set(p1).expect(200)).body.items[0].id;
    a1.deliveryId = (await api.http().get(`/webhooks/${a1.webhookId}/deliveries`).set(p1).expect(200)).body.items[0].id;

    // Vendor A's programme, partner A1's subscription to it, and the pending launch a new version gives it.
    const marketerA = { Authorization: `Bearer ${a.marketerToken}` };
    programmeId = (
      await api
        .http()
        .post('/programmes')
        .set(marketerA)
        .send({ name: 'A nurtures', campaignIds: [campaign.campaignId] })
        .expect(201)
    ).body.id;
    a1.subscriptionId = (
      await api
        .http()
        .post(`/programmes/${programmeId}/subscriptions`)
        .set(p1)
        .send({ audience: { type: 'all' } })
        .expect(201)
    ).body.id;
    await api
      .http()
      .patch(`/campaigns/${campaign.campaignId}`)
      .set(marketerA)
      .send({ description: 'second edition' })
      .expect(200);
    await api.http().post(`/campaigns/${campaign.campaignId}/publish`).set(marketerA).expect(201);
    await waitForQueueIdle(worker.app, QueueName.Programmes);
    a1.pendingLaunchId = (await api.http().get('/pending-launches').set(p1).expect(200)).body.items[0].id;

    // Partner A1's scheduled social post, written directly: posting needs a connected account, which this test does not make.
    const [version] = await testDb().query<Array<{ id: string; version: number }>>(
      'SELECT id, version FROM campaign_versions WHERE campaign_id = $1 ORDER BY version DESC LIMIT 1',
      [campaign.campaignId],
    );
    const [post] = await testDb().query<Array<{ id: string }>>(
      `INSERT INTO social_posts (vendor_id, partner_id, campaign_id, campaign_version_id, version, asset_id, copy, due_at, time_zone, source) VALUES ($1, $2, $3, $4, $5, 'social', '{"linkedin": "A1 post"}', now() + interval '1 day', 'UTC', 'manual') RETURNING id`,
      [a.vendorId, partnerA1.partnerId, campaign.campaignId, version.id, version.version],
    );
    await testDb().query(
      `INSERT INTO social_post_deliveries (post_id, vendor_id, partner_id, network, next_attempt_at) VALUES ($1, $2, $3, 'linkedin', now() + interval '1 day')`,
      [post.id, a.vendorId, partnerA1.partnerId],
    );
    a1.socialPostId = post.id;
    // Partner A1's LinkedIn connection (made by a network's redirect in real life: test/social covers that dance).
    // Vendor A's review of a new draft of its campaign, waiting for an approver.
    await api
      .http()
      .patch(`/campaigns/${campaign.campaignId}`)
      .set(marketerA)
      .send({ description: 'third edition, under review' })
      .expect(200);
    reviewId = (await api.http().post(`/campaigns/${campaign.campaignId}/reviews`).set(marketerA).send({}).expect(201))
      .body.id;
    a1.socialConnectionId = (
      await testDb().query<Array<{ id: string }>>(
        `INSERT INTO social_connections (vendor_id, partner_id, network, account_id, account_name, access_token_sealed) VALUES ($1, $2, 'linkedin', 'urn:li:person:a1', 'A1', 'v1.x.y.z') RETURNING id`,
        [a.vendorId, partnerA1.partnerId],
      )
    )[0].id;
    // Partner A1's HubSpot, as its OAuth redirect stores it (no CRM runs here), and its lead's record there.
    a1.crmConnectionId = (
      await testDb().query<Array<{ id: string }>>(
        `INSERT INTO crm_connections (vendor_id, partner_id, provider, account_id, account_name, access_token_sealed) VALUES ($1, $2, 'hubspot', '4711', 'a1.hubspot.example', 'v1.x.y.z') RETURNING id`,
        [a.vendorId, partnerA1.partnerId],
      )
    )[0].id;
    a1.crmRecordId = (
      await testDb().query<Array<{ id: string }>>(
        `INSERT INTO crm_records (vendor_id, partner_id, connection_id, lead_id, campaign_id, status, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 'failed', now()) RETURNING id`,
        [a.vendorId, partnerA1.partnerId, a1.crmConnectionId, a1.leadId, campaign.campaignId],
      )
    )[0].id;
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** Vendor A's resource ids, by the collection that owns the path parameter. */
  const idFor = (path: string, param: string): string => {
    const collection = path.split('/')[1];
    const ids: Record<string, Record<string, string>> = {
      campaigns: {
        id: campaign.campaignId,
        assetId: campaign.assetIds.welcome,
        version: '1',
        language: 'de',
        reviewId,
      },
      partners: { id: partnerA1.partnerId, partnerId: partnerA1.partnerId, listId: a1.listId },
      launches: { id: a1.launchId },
      outbox: { id: a1.outboxId },
      suppressions: { id: a1.suppressionId },
      users: { id: partnerA1.userId },
      tokens: { id: tokenId },
      files: { id: fileId, page: '1' },
      auth: { id: sessionId },
      'user-invitations': { id: invitationId },
      leads: { id: a1.leadId },
      webhooks: { id: a1.webhookId, deliveryId: a1.deliveryId },
      programmes: { id: programmeId },
      'programme-subscriptions': { id: a1.subscriptionId },
      'pending-launches': { id: a1.pendingLaunchId },
      'social-posts': { id: a1.socialPostId },
      'social-connections': { id: a1.socialConnectionId },
      'vendor-host-names': { id: hostNameId },
      'email-domains': { id: emailDomainId },
      'sso-connections': { id: ssoConnectionId, resultId: 'a-test-result-id' },
      'crm-connections': { id: a1.crmConnectionId },
      'crm-records': { id: a1.crmRecordId },
    };
    // Ids below a partner belong to the collection named just before them.
    const nested: Record<string, string> = {
      prospects: a1.prospectId,
      imports: a1.importId,
      lists: a1.listId,
      campaigns: campaign.campaignId,
    };
    const segments = path.split('/');
    const value = nested[segments[segments.indexOf(`{${param}}`) - 1]] ?? ids[collection]?.[param];
    if (!value) throw new Error(`No fixture id for {${param}} in ${path}: add one to the isolation test`);
    return value;
  };

  /** Bodies that pass validation, so the request reaches the tenancy check. */
  /** A body that is not JSON, with its type. */
  interface RawBody {
    type: string;
    raw: string;
  }
  const bodyFor = (op: Operation): object | RawBody | undefined => {
    const email = { name: 'x', subject: 's', preheader: 'p', mjml: demo.readText(demo.manifest.emails[0].file) };
    const bodies: Record<string, object | RawBody> = {
      'put /partners/{partnerId}/contacts-privacy': { contactsPrivate: true },
      'post /webhooks/deliveries/{deliveryId}/replay': {},
      'post /webhooks/{id}/enable': {},
      'post /vendor-host-names/{id}/check': {},
      'post /email-domains/{id}/check': {},
      'post /launches/{id}/approve': {},
      'post /launches/{id}/return': { comment: 'pwned' },
      'patch /sso-connections/{id}': { name: 'pwned' },
      'post /leads/{id}/status': { status: 'accepted' },
      'patch /campaigns/{id}': { description: 'pwned' },
      'patch /campaigns/{id}/catalogue': { promoted: true },
      'put /campaigns/{id}/slots': { slots: demo.manifest.slots },
      'put /campaigns/{id}/links': { links: demo.manifest.links },
      'post /campaigns/{id}/assets/email': email,
      'put /campaigns/{id}/assets/email/{assetId}': email,
      'post /campaigns/{id}/assets/pdf': { name: 'x', fileId, slots: [] },
      'put /campaigns/{id}/assets/pdf/{assetId}': { name: 'x', fileId, slots: [] },
      'post /campaigns/{id}/assets/social': { name: 'x', fileId, slots: [], copy: {} },
      'put /campaigns/{id}/assets/social/{assetId}': { name: 'x', fileId, slots: [], copy: {} },
      'post /campaigns/{id}/assets/page': { name: 'x', title: 't', html: '<p>x</p>' },
      'put /campaigns/{id}/assets/page/{assetId}': { name: 'x', title: 't', html: '<p>x</p>' },
      'put /campaigns/{id}/sequence': { steps: [], exit: { converted: false } },
      'post /campaigns/{id}/draft/email-check': email,
      'post /campaigns/{id}/draft/page-check': { name: 'x', title: 't', html: '<p>x</p>' },
      'post /campaigns/{id}/draft/timeline': { start: '2026-12-05T10:00:00Z', timeZone: 'UTC' },
      'post /campaigns/{id}/draft/social-check': { copy: { linkedin: 'pwned' } },
      'patch /partners/{id}': { tier: 'pwned' },
      'patch /users/{id}': { name: 'pwned' },
      'put /partners/{id}/brand-kit': { companyName: 'pwned' },
      'put /crm-connections/{id}/field-mapping': { fieldMapping: { company: 'company' } },
      'put /partners/{id}/brand-kit/logo': {},
      'post /partners/{id}/brand-kit/sender/confirmation': {},
      'post /partners/{partnerId}/prospects': { email: 'intruder@prospect.example' },
      'patch /partners/{partnerId}/prospects/{id}': { firstName: 'pwned' },
      'post /partners/{partnerId}/lists': { name: 'pwned' },
      'post /partners/{partnerId}/lists/{listId}/members': { prospectIds: ['1'] },
      'delete /partners/{partnerId}/lists/{listId}/members': { prospectIds: [] },
      'post /partners/{partnerId}/imports': { type: 'text/csv', raw: 'email\nintruder@prospect.example\n' },
      'post /campaigns/{id}/draft/languages/{language}/machine-translation': {},
      'post /campaigns/{id}/draft/suggestions': {
        purpose: 'subject_lines',
        assetId: '00000000-0000-4000-8000-000000000000',
      },
      'post /campaigns/{id}/draft/languages/{language}/approval': {},
      'post /campaigns/{id}/reviews': {},
      'post /campaigns/{id}/reviews/{reviewId}/comments': { body: 'pwned' },
      'post /campaigns/{id}/reviews/{reviewId}/approve': {},
      'post /campaigns/{id}/reviews/{reviewId}/request-changes': { comment: 'pwned' },
      'put /campaigns/{id}/draft/languages/{language}': {
        type: 'application/xliff+xml',
        raw: '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"/>',
      },
      'put /partners/{partnerId}/sending': { ratePerSecond: 1 },
      'patch /programmes/{id}': { name: 'pwned' },
      'post /programmes/{id}/subscriptions': { audience: { type: 'all' } },
      'patch /programme-subscriptions/{id}': { reviewHours: 0 },
      'patch /pending-launches/{id}': { slotValues: { company_name: 'pwned' } },
    };
    const key = `${op.method} ${op.path}`;
    if (key in bodies) return bodies[key];
    if (op.method === 'get' || op.method === 'delete') return undefined;
    if (
      /\/(publish|validate|archive|restore|duplicate|pause|resume|cancel|skip|launch|launch-current|retry|test)$/.test(
        op.path,
      )
    )
      return {};
    throw new Error(`No request body for ${key}: add one to the isolation test`);
  };

  const operations = async (): Promise<Operation[]> => {
    const doc = (await api.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
    };
    // /public serves content-addressed public files, /u/{token} is the signed unsubscribe link a
    // prospect follows (/preferences/{token} its preference page) and /sender-confirmations/{token} the signed link mailed to a partner's
    // new From address, /programme-actions/{token} the signed buttons of a programme's email,
    // /reminder-actions/{token} the signed button of a vendor's reminder: none has a tenant to cross (the signed token names what it acts on).
    return (
      Object.entries(doc.paths)
        // /auth/sso/{id}/start is a sign-in button, anyone's to press: the identity provider proves who signs in;
        // so are /auth/saml/{id}/start and /metadata (what the identity provider registers, public by design), and
        // /auth/saml/{id}/acs is the provider's POST, where its signed assertion, not a session, is the credential.
        // /social/callback/{network} is a network's redirect (the single-use state names the partner), and
        // /social-connections/{network}/start names a network, not a resource: a caller starts its own partner's;
        // /crm/callback/{provider} and /crm-connections/{provider}/start likewise (the sealed state names the owner).
        .filter(
          ([path]) =>
            !path.startsWith('/public') &&
            !path.startsWith('/u/') &&
            !path.startsWith('/preferences/') &&
            !path.startsWith('/sender-confirmations/') &&
            !path.startsWith('/programme-actions/') &&
            !path.startsWith('/reminder-actions/') &&
            !path.startsWith('/social/callback/') &&
            path !== '/auth/sso/{id}/start' &&
            !path.startsWith('/auth/saml/') &&
            path !== '/social-connections/{network}/start' &&
            !path.startsWith('/crm/callback/') &&
            path !== '/crm-connections/{provider}/start',
        )
        .flatMap(([path, methods]) =>
          Object.entries(methods).map(([method, spec]) => ({
            method: method as Operation['method'],
            path,
            // A request refused for a missing parameter (400) never reaches the resource: each required one is sent as documented.
            query: Object.fromEntries(
              (spec.parameters ?? [])
                .filter((p) => p.in === 'query' && p.required)
                .map((p) => [p.name, String(p.schema?.example ?? '')]),
            ),
          })),
        )
    );
  };

  const call = (op: Operation, token: string) => {
    const url = op.path.replace(/\{(\w+)\}/g, (_m, p: string) => idFor(op.path, p));
    const req = api.http()[op.method](url).query(op.query).set('Authorization', `Bearer ${token}`);
    const body = bodyFor(op);
    if (body && 'raw' in body) return req.set('Content-Type', String(body.type)).send(String(body.raw));
    return body ? req.send(body) : req;
  };

  it('answers 404 to a foreign vendor for every resource endpoint, and changes nothing', async () => {
    const byId = (await operations()).filter((op) => op.path.includes('{'));
    expect(byId.length).toBeGreaterThan(15);
    const before = (
      await api
        .http()
        .get(`/campaigns/${campaign.campaignId}`)
        .set('Authorization', `Bearer ${a.marketerToken}`)
        .expect(200)
    ).body;
    const leaks: string[] = [];
    for (const op of byId) {
      // Every role of the foreign vendor tries; a role the route refuses gets 403 (which says
      // nothing about the resource), every other must get 404, and one of them must get that far.
      const statuses = [];
      for (const token of [b.adminToken, b.marketerToken, partnerB.token])
        statuses.push((await call(op, token)).status);
      if (!statuses.includes(404) || statuses.some((s) => s !== 404 && s !== 403))
        leaks.push(`${op.method.toUpperCase()} ${op.path} -> ${statuses.join('/')}`);
    }
    expect(leaks).toEqual([]);
    const after = (
      await api
        .http()
        .get(`/campaigns/${campaign.campaignId}`)
        .set('Authorization', `Bearer ${a.marketerToken}`)
        .expect(200)
    ).body;
    expect(after).toEqual(before);
    const [socialPost] = await testDb().query<Array<{ cancelled_at: Date | null }>>(
      'SELECT cancelled_at FROM social_posts WHERE id = $1',
      [a1.socialPostId],
    );
    expect(socialPost.cancelled_at).toBeNull();
    expect(
      await testDb().query('SELECT id FROM social_connections WHERE id = $1', [a1.socialConnectionId]),
    ).toHaveLength(1);
    await api.http().get('/me').set('Authorization', `Bearer ${a.adminToken}`).expect(200);
    const tokens = await api.http().get('/tokens').set('Authorization', `Bearer ${a.adminToken}`).expect(200);
    expect(tokens.body.items.find((t: { id: string }) => t.id === tokenId).revokedAt).toBeNull();
  });

  it("never lets one partner reach another partner's resources", async () => {
    // Campaigns and programmes are the vendor's, offered to all its partners (their partner-owned
    // parts, subscriptions and pending launches, are under paths of their own).
    const byId = (await operations()).filter(
      (op) => op.path.includes('{') && !op.path.startsWith('/campaigns') && !op.path.startsWith('/programmes/'),
    );
    const reached: string[] = [];
    for (const op of byId) {
      const res = await call(op, partnerA2.token);
      if (res.status < 400 || ![403, 404].includes(res.status))
        reached.push(`${op.method.toUpperCase()} ${op.path} -> ${res.status}`);
    }
    expect(reached).toEqual([]);
  });

  it("lists nothing of another vendor's", async () => {
    const lists = (await operations()).filter(
      (op) =>
        op.method === 'get' && !op.path.includes('{') && !op.path.startsWith('/health') && !op.path.startsWith('/docs'),
    );
    expect(lists.length).toBeGreaterThan(3);
    const secrets = [
      campaign.campaignId,
      partnerA1.partnerId,
      partnerA2.partnerId,
      partnerA1.userId,
      tokenId,
      fileId,
      a.vendorId,
      a1.launchId,
      a1.listId,
      a1.importId,
      'victim@prospect.example',
    ];
    for (const op of lists) {
      for (const token of [b.adminToken, b.marketerToken]) {
        const res = await call(op, token);
        const text = JSON.stringify(res.body);
        for (const secret of secrets) expect(`${op.path}: ${text.includes(secret)}`).toBe(`${op.path}: false`);
      }
    }
    // The console's social calendar: vendor A sees its partner's post (filtered by partner and state);
    // the same filters from vendor B name a partner it does not have and list nothing.
    const socialCalendar = `/social-posts?partnerId=${partnerA1.partnerId}&status=scheduled`;
    const own = await api.http().get(socialCalendar).set('Authorization', `Bearer ${a.marketerToken}`).expect(200);
    expect(own.body.items.map((p: { id: string }) => p.id)).toEqual([a1.socialPostId]);
    for (const token of [b.adminToken, b.marketerToken]) {
      const foreign = await api.http().get(socialCalendar).set('Authorization', `Bearer ${token}`).expect(200);
      expect(foreign.body).toMatchObject({ total: 0, items: [] });
    }
  });

  it('refuses ids of another tenant inside a body with 404, like ids in a path, and stores nothing', async () => {
    const vendorB = { Authorization: `Bearer ${b.adminToken}` };
    // A campaign of vendor A in a suppression of vendor B.
    await api
      .http()
      .post('/suppressions')
      .set(vendorB)
      .send({ email: 'probe@prospect.example', campaignId: campaign.campaignId })
      .expect(404);
    // A prospect of partner A1 added to partner A2's list.
    const a2 = { Authorization: `Bearer ${partnerA2.token}` };
    const a2List = (
      await api.http().post(`/partners/${partnerA2.partnerId}/lists`).set(a2).send({ name: 'probe' }).expect(201)
    ).body.id;
    await api
      .http()
      .post(`/partners/${partnerA2.partnerId}/lists/${a2List}/members`)
      .set(a2)
      .send({ prospectIds: [a1.prospectId] })
      .expect(404);
    const [stored] = await testDb().query<Array<{ suppressions: number; members: number }>>(
      `SELECT (SELECT count(*)::int FROM suppressions WHERE email_lower = 'probe@prospect.example') AS suppressions,
              (SELECT count(*)::int FROM prospect_list_members WHERE list_id = $1) AS members`,
      [a2List],
    );
    expect(stored).toEqual({ suppressions: 0, members: 0 });
  });

  it('refuses ids of another tenant inside a body in both directions and from partner tokens, and stores nothing', async () => {
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    // Vendor B's own resources, each valid for B: a published campaign and an uploaded file.
    const bCampaign = await authorDemoCampaign(api, b.marketerToken, { name: 'B campaign' });
    const bFile: string = (
      await api
        .http()
        .post('/files')
        .set(bearer(b.marketerToken))
        .attach('file', demo.read('one-pager.pdf'), 'one-pager.pdf')
        .expect(201)
    ).body.id;
    // Partner B has a prospect of the same address as A1's: a conversion it names A1 for must not land on its own.
    await api
      .http()
      .post(`/partners/${partnerB.partnerId}/prospects`)
      .set(bearer(partnerB.token))
      .send({ email: 'victim@prospect.example' })
      .expect(201);
    const slotValues = {
      company_name: 'P Ltd',
      email: 'p@partner.example',
      website: 'https://p.example',
      address: '1 Main St, Springfield',
    };
    const email = { name: 'x', subject: 's', preheader: 'p', mjml: demo.readText(demo.manifest.emails[0].file) };
    const probes: Array<[string, string, string, object]> = [
      // Vendor A (and its partners) naming vendor B's ids: the other direction of the test above.
      [
        'vendor A: suppression for B’s campaign',
        a.adminToken,
        '/suppressions',
        { email: 'probe@prospect.example', campaignId: bCampaign.campaignId },
      ],
      [
        'vendor A: suppression for B’s partner',
        a.adminToken,
        '/suppressions',
        { email: 'probe@prospect.example', partnerId: partnerB.partnerId },
      ],
      [
        'vendor A: a user of B’s partner',
        a.adminToken,
        '/users',
        { email: 'probe@prospect.example', name: 'Probe', role: 'partner_user', partnerId: partnerB.partnerId },
      ],
      [
        'vendor A: an invitation to B’s partner',
        a.adminToken,
        '/user-invitations',
        { email: 'probe@prospect.example', role: 'partner_user', partnerId: partnerB.partnerId },
      ],
      ['vendor A: a token for B’s user', a.adminToken, '/tokens', { name: 'probe', userId: partnerB.userId }],
      [
        'vendor A: a PDF asset of B’s file',
        a.marketerToken,
        `/campaigns/${campaign.campaignId}/assets/pdf`,
        { name: 'probe', fileId: bFile, slots: [] },
      ],
      [
        'vendor A: a preview as B’s partner',
        a.marketerToken,
        `/campaigns/${campaign.campaignId}/draft/email-check`,
        { ...email, partnerId: partnerB.partnerId },
      ],
      [
        'vendor A: a conversion of B’s partner',
        a.adminToken,
        '/conversions',
        { email: 'probe@prospect.example', partnerId: partnerB.partnerId },
      ],
      [
        'partner A1: suppression for B’s campaign',
        partnerA1.token,
        '/suppressions',
        { email: 'probe@prospect.example', campaignId: bCampaign.campaignId },
      ],
      [
        'partner A1: a launch of B’s campaign',
        partnerA1.token,
        '/launches',
        { campaignId: bCampaign.campaignId, audience: { type: 'all' }, slotValues },
      ],
      // Partner tokens naming the other vendor's, or the other partner's, ids.
      [
        'partner B: suppression for A’s campaign',
        partnerB.token,
        '/suppressions',
        { email: 'probe@prospect.example', campaignId: campaign.campaignId },
      ],
      [
        'partner B: suppression for A’s partner',
        partnerB.token,
        '/suppressions',
        { email: 'probe@prospect.example', partnerId: partnerA1.partnerId },
      ],
      [
        'partner B: a launch of A’s campaign',
        partnerB.token,
        '/launches',
        { campaignId: campaign.campaignId, audience: { type: 'all' }, slotValues },
      ],
      [
        'partner B: a launch for A1',
        partnerB.token,
        '/launches',
        { campaignId: bCampaign.campaignId, partnerId: partnerA1.partnerId, audience: { type: 'all' }, slotValues },
      ],
      [
        'partner B: a conversion for A1',
        partnerB.token,
        '/conversions',
        { email: 'victim@prospect.example', partnerId: partnerA1.partnerId },
      ],
      [
        'partner A2: suppression for A1',
        partnerA2.token,
        '/suppressions',
        { email: 'probe@prospect.example', partnerId: partnerA1.partnerId },
      ],
      [
        'partner A2: a launch for A1',
        partnerA2.token,
        '/launches',
        { campaignId: campaign.campaignId, partnerId: partnerA1.partnerId, audience: { type: 'all' }, slotValues },
      ],
      [
        'partner A2: a launch to A1’s list',
        partnerA2.token,
        '/launches',
        { campaignId: campaign.campaignId, audience: { type: 'list', listId: a1.listId }, slotValues },
      ],
      [
        'partner A2: a conversion for A1’s launch',
        partnerA2.token,
        '/conversions',
        { email: 'victim@prospect.example', launchId: a1.launchId },
      ],
    ];
    const answers: string[] = [];
    for (const [label, token, url, body] of probes)
      answers.push(`${label}: ${(await api.http().post(url).set(bearer(token)).send(body)).status}`);
    expect(answers).toEqual(probes.map(([label]) => `${label}: 404`));

    const [stored] = await testDb().query<Array<Record<string, number>>>(
      `SELECT (SELECT count(*)::int FROM suppressions WHERE email_lower = 'probe@prospect.example') AS suppressions,
              (SELECT count(*)::int FROM users WHERE email = 'probe@prospect.example') AS users,
              (SELECT count(*)::int FROM invitations WHERE email = 'probe@prospect.example') AS invitations,
              (SELECT count(*)::int FROM api_tokens WHERE name = 'probe') AS tokens,
              (SELECT count(*)::int FROM launches WHERE partner_id = $1 OR (partner_id = $2 AND campaign_id = $3) OR partner_id = $4) AS launches`,
      [partnerB.partnerId, partnerA1.partnerId, bCampaign.campaignId, partnerA2.partnerId],
    );
    expect(stored).toEqual({ suppressions: 0, users: 0, invitations: 0, tokens: 0, launches: 0 });
    const draft = (await api.http().get(`/campaigns/${campaign.campaignId}`).set(bearer(a.marketerToken)).expect(200))
      .body;
    expect(JSON.stringify(draft)).not.toContain(bFile);
  });
});
