import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { contrastRatio } from '@tcma/cobrand';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb, TestDb } from '../support/db';

/**
 * The partner home (GET /partners/{id}/home) and the guided set-up (GET /partners/{id}/setup): each section composed on the server from its own
 * lib, within its limit, and only for the partner's own users. End to end rather than medium:
 * its sections come from five feature libs whose arrangement (published campaigns, a programme
 * subscription) is made through the API as the other portal specs make it.
 */
describe('partner home', () => {
  let api: ApiHarness;
  let db: TestDb;
  let demo: SeededDemo;
  let bare: TestPartner;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const home = (partnerId: string, token: string) => api.http().get(`/partners/${partnerId}/home`).set(as(token));
  const setup = (partnerId: string, token: string) => api.http().get(`/partners/${partnerId}/setup`).set(as(token));
  const ids = (items: Array<{ id?: string; campaignId?: string }>) => items.map((i) => i.id ?? i.campaignId);

  let campaignIds: string[];
  let pendingIds: string[];
  let runningIds: string[];
  let leadIds: string[];

  beforeAll(async () => {
    api = await startApi();
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    const [northwind] = demo.partners;
    // Seven campaigns in the catalogue: the demo's (promoted below), then six newer ones.
    campaignIds = [demo.campaignId];
    for (let i = 1; i <= 6; i++)
      campaignIds.push(
        (await authorDemoCampaign(api, demo.tokens.marketer, { name: `Campaign ${i}`, emailsOnly: true })).campaignId,
      );
    await db.query(
      `UPDATE campaign_versions SET published_at = now() - (interval '1 minute' * $2::int) WHERE campaign_id = $1`,
      [demo.campaignId, 100],
    );
    for (const [i, id] of campaignIds.slice(1).entries())
      await db.query(
        `UPDATE campaign_versions SET published_at = now() - (interval '1 minute' * $2::int) WHERE campaign_id = $1`,
        [id, 60 - i],
      );
    await api
      .http()
      .patch(`/campaigns/${demo.campaignId}/catalogue`)
      .set(as(demo.tokens.marketer))
      .send({ promoted: true })
      .expect(200);

    // A programme subscription, and pending launches offered by it: six pending, one skipped.
    const programme = await api
      .http()
      .post('/programmes')
      .set(as(demo.tokens.marketer))
      .send({ name: 'Home nurtures', campaignIds: [demo.campaignId] })
      .expect(201);
    const subscription = await api
      .http()
      .post(`/programmes/${programme.body.id}/subscriptions`)
      .set(as(northwind.token))
      .send({ audience: { type: 'all' }, reviewHours: 72 })
      .expect(201);
    await db.query('DELETE FROM pending_launches WHERE subscription_id = $1', [subscription.body.id]);
    const versions = await db.query<Array<{ id: string; campaign_id: string; version: number }>>(
      'SELECT id, campaign_id, version FROM campaign_versions WHERE campaign_id = ANY($1::uuid[])',
      [campaignIds],
    );
    pendingIds = [];
    for (const [i, v] of versions.entries()) {
      const [row] = await db.query<Array<{ id: string }>>(
        `INSERT INTO pending_launches (vendor_id, partner_id, subscription_id, campaign_id, campaign_version_id, version, audience, due_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, '{"type":"all"}', now() + (interval '1 hour' * $7::int), $8) RETURNING id`,
        [
          demo.vendorId,
          northwind.partnerId,
          subscription.body.id,
          v.campaign_id,
          v.id,
          v.version,
          // The first is due soonest but skipped: not waiting for review.
          i + 1,
          i === 0 ? 'skipped' : 'pending',
        ],
      );
      if (i > 0) pendingIds.push(row.id);
    }

    // Launches: six running (enrolling, active or paused), one completed and one cancelled, newest last.
    const [version] = await db.query<Array<{ id: string }>>(
      'SELECT id FROM campaign_versions WHERE campaign_id = $1 AND version = 1',
      [demo.campaignId],
    );
    const statuses = ['active', 'enrolling', 'paused', 'completed', 'active', 'cancelled', 'active', 'active'];
    runningIds = [];
    for (const [i, status] of statuses.entries()) {
      const [row] = await db.query<Array<{ id: string }>>(
        `INSERT INTO launches (vendor_id, partner_id, campaign_id, campaign_version_id, version, audience, start_at, timezone, status, created_at)
         VALUES ($1, $2, $3, $4, 1, '{"type":"all"}', now(), 'Europe/Warsaw', $5, now() - (interval '1 hour' * $6::int)) RETURNING id`,
        [demo.vendorId, northwind.partnerId, demo.campaignId, version.id, status, 10 - i],
      );
      if (!['completed', 'cancelled'].includes(status)) runningIds.unshift(row.id);
    }

    // Leads: seven in the last week, newest last, and one older.
    const [prospect] = await db.query<Array<{ id: string }>>(
      `INSERT INTO prospects (vendor_id, partner_id, email, email_lower, first_name, company)
       VALUES ($1, $2, 'Lena@Example.com', 'lena@example.com', 'Lena', 'Lena GmbH') RETURNING id`,
      [demo.vendorId, northwind.partnerId],
    );
    leadIds = [];
    for (const hoursAgo of [24 * 8, 24 * 6, 100, 50, 20, 10, 5, 1]) {
      const [row] = await db.query<Array<{ id: string }>>(
        `INSERT INTO leads (vendor_id, partner_id, prospect_id, campaign_id, campaign_version, created_at)
         VALUES ($1, $2, $3, $4, 1, now() - (interval '1 hour' * $5::int)) RETURNING id`,
        [demo.vendorId, northwind.partnerId, prospect.id, demo.campaignId, hoursAgo],
      );
      if (hoursAgo < 24 * 7) leadIds.unshift(row.id);
    }

    bare = await new TenantFactory(api).partner(
      { vendorId: demo.vendorId, adminToken: demo.tokens.admin, marketerToken: demo.tokens.marketer },
      { companyName: 'Bare Partner' },
    );
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it('lists up to 6 campaigns ready to launch, promoted first, then the newest published, with thumbnails', async () => {
    const [northwind] = demo.partners;
    const body = (await home(northwind.partnerId, northwind.token).expect(200)).body;
    expect(body.readyToLaunchTotal).toBe(7);
    expect(ids(body.readyToLaunch)).toEqual([demo.campaignId, ...campaignIds.slice(1).reverse().slice(0, 5)]);
    expect(body.readyToLaunch[0]).toMatchObject({
      promoted: true,
      thumbnailUrl: expect.stringMatching(
        new RegExp(`^/partners/${northwind.partnerId}/campaigns/${demo.campaignId}/thumbnail\\?v=[0-9a-f]{64}$`),
      ),
    });
  });

  it('lists up to 5 pending launches waiting for review, soonest due first, with their due times', async () => {
    const [northwind] = demo.partners;
    const body = (await home(northwind.partnerId, northwind.token).expect(200)).body;
    expect(body.pendingLaunchesTotal).toBe(6);
    expect(ids(body.pendingLaunches)).toEqual(pendingIds.slice(0, 5));
    expect(body.pendingLaunches[0]).toMatchObject({
      state: 'pending',
      programmeName: 'Home nurtures',
      dueAt: expect.any(String),
    });
  });

  it('lists up to 5 running launches (enrolling, active, paused), newest first, with their figures', async () => {
    const [northwind] = demo.partners;
    const body = (await home(northwind.partnerId, northwind.token).expect(200)).body;
    expect(body.runningLaunchesTotal).toBe(6);
    expect(ids(body.runningLaunches)).toEqual(runningIds.slice(0, 5));
    expect(body.runningLaunches[0]).toMatchObject({ campaignName: expect.any(String), sent: 0, opened: 0, clicked: 0 });
  });

  it('counts the leads of the last 7 days and lists the latest 5', async () => {
    const [northwind] = demo.partners;
    const body = (await home(northwind.partnerId, northwind.token).expect(200)).body;
    expect(body.newLeads.count).toBe(7);
    expect(ids(body.newLeads.latest)).toEqual(leadIds.slice(0, 5));
    expect(body.newLeads.latest[0]).toMatchObject({ email: 'Lena@Example.com', firstName: 'Lena' });
    expect(Date.now() - new Date(body.newLeads.since).getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 60_000);
  });

  it('checks off the first steps: a logo, a confirmed sender, a prospect, a launch', async () => {
    const [northwind] = demo.partners;
    const empty = (await home(bare.partnerId, bare.token).expect(200)).body;
    expect(empty.checklist).toEqual({
      logo: false,
      senderConfirmed: false,
      prospects: false,
      launched: false,
      complete: false,
    });
    expect(empty).toMatchObject({ pendingLaunches: [], runningLaunches: [], newLeads: { count: 0, latest: [] } });

    await db.query('UPDATE brand_kits SET sender_confirmed_email = NULL WHERE partner_id = $1', [northwind.partnerId]);
    const unconfirmed = (await home(northwind.partnerId, northwind.token).expect(200)).body;
    expect(unconfirmed.checklist).toEqual({
      logo: true,
      senderConfirmed: false,
      prospects: true,
      launched: true,
      complete: false,
    });
    await db.query('UPDATE brand_kits SET sender_confirmed_email = sender_from_email WHERE partner_id = $1', [
      northwind.partnerId,
    ]);
    const done = (await home(northwind.partnerId, northwind.token).expect(200)).body;
    expect(done.checklist).toEqual({
      logo: true,
      senderConfirmed: true,
      prospects: true,
      launched: true,
      complete: true,
    });
  });

  it('takes a new partner through the set-up one saved step at a time, resuming at the first not done', async () => {
    const steps = (body: { steps: Array<{ key: string; done: boolean }> }) =>
      Object.fromEntries(body.steps.map((s) => [s.key, s.done]));
    const first = (await setup(bare.partnerId, bare.token).expect(200)).body;
    expect(first).toMatchObject({
      next: 'company',
      complete: false,
      suggestedPrimaryColor: null,
      senderConfirmed: false,
      prospects: 0,
      // The vendor's promoted campaign, co-branded for this partner.
      suggestedCampaign: { campaignId: demo.campaignId, promoted: true },
    });
    expect(first.steps.map((s: { key: string }) => s.key)).toEqual([
      'company',
      'brand',
      'sender',
      'audience',
      'launch',
    ]);
    expect(Object.values(steps(first))).toEqual([false, false, false, false, false]);

    // Company details: saved in the brand kit, the next step follows.
    const kit = { companyName: 'Bare Partner', email: 'hello@bare.example', address: 'Main Street 1, Warsaw' };
    await api.http().put(`/partners/${bare.partnerId}/brand-kit`).set(as(bare.token)).send(kit).expect(200);
    expect((await setup(bare.partnerId, bare.token).expect(200)).body.next).toBe('brand');

    // The logo: its dominant colour, made readable under white text, is offered as the primary colour.
    await api
      .http()
      .put(`/partners/${bare.partnerId}/brand-kit/logo`)
      .set(as(bare.token))
      .attach('file', loadDemo().read('partners/northwind-logo.png'), {
        filename: 'logo.png',
        contentType: 'image/png',
      })
      .expect(200);
    const branded = (await setup(bare.partnerId, bare.token).expect(200)).body;
    expect(steps(branded)).toMatchObject({ company: true, brand: true, sender: false });
    expect(branded.next).toBe('sender');
    expect(branded.suggestedPrimaryColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastRatio(branded.suggestedPrimaryColor, '#ffffff')).toBeGreaterThanOrEqual(4.5);

    // The sender: it counts before its address is confirmed; a kit with a primary colour gets no suggestion.
    await api
      .http()
      .put(`/partners/${bare.partnerId}/brand-kit`)
      .set(as(bare.token))
      .send({
        ...kit,
        primaryColor: branded.suggestedPrimaryColor,
        sender: { fromName: 'Bare', fromEmail: 'bare@bare.example' },
      })
      .expect(200);
    const sender = (await setup(bare.partnerId, bare.token).expect(200)).body;
    expect(sender).toMatchObject({ next: 'audience', suggestedPrimaryColor: null, senderConfirmed: false });

    await api
      .http()
      .post(`/partners/${bare.partnerId}/prospects`)
      .set(as(bare.token))
      .send({ email: 'first@bare-prospect.example' })
      .expect(201);
    expect((await setup(bare.partnerId, bare.token).expect(200)).body).toMatchObject({ next: 'launch', prospects: 1 });

    // A partner that has launched has done every step.
    const [northwind] = demo.partners;
    expect((await setup(northwind.partnerId, northwind.token).expect(200)).body).toMatchObject({
      next: null,
      complete: true,
    });
  });

  it("answers 404 to another partner's user, to vendor users and to another tenant", async () => {
    const [northwind, hellenic] = demo.partners;
    await setup(northwind.partnerId, hellenic.token).expect(404);
    await setup(northwind.partnerId, demo.tokens.admin).expect(404);
    await home(northwind.partnerId, hellenic.token).expect(404);
    await home(northwind.partnerId, bare.token).expect(404);
    await home(northwind.partnerId, demo.tokens.admin).expect(404);
    const other = await new TenantFactory(api).vendor();
    await home(northwind.partnerId, other.adminToken).expect(404);
    const stranger = await new TenantFactory(api).partner(other);
    await home(northwind.partnerId, stranger.token).expect(404);
    await setup(northwind.partnerId, stranger.token).expect(404);
    await home(stranger.partnerId, stranger.token).expect(200);
  });
});
