import { randomUUID } from 'node:crypto';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { authorDemoCampaign, AuthoredCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';

/** What the vendor console needs of the API: checks and answers about a draft that save nothing, copies, and the library's numbers. */
describe('console API', () => {
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  let campaign: AuthoredCampaign;
  const demo = loadDemo();
  const welcome = demo.manifest.emails[0];
  const welcomeMjml = demo.readText(welcome.file);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const email = (mjml: string) => ({
    name: welcome.name,
    subject: welcome.subject,
    preheader: welcome.preheader,
    mjml,
  });
  const current = async (id: string) =>
    (await api.http().get(`/campaigns/${id}`).set(as(vendor.marketerToken)).expect(200)).body;

  beforeAll(async () => {
    api = await startApi();
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    campaign = await authorDemoCampaign(api, vendor.marketerToken);
    // A draft opened from version 1.
    await api
      .http()
      .patch(`/campaigns/${campaign.campaignId}`)
      .set(as(vendor.marketerToken))
      .send({ description: 'Second wave' })
      .expect(200);
  });
  afterAll(() => api?.close());

  describe('POST /campaigns/{id}/draft/email-check', () => {
    const check = (body: object, token = vendor.marketerToken, id = campaign.campaignId) =>
      api.http().post(`/campaigns/${id}/draft/email-check`).set(as(token)).send(body);

    it('answers valid with a preview as the sample partner and prospect, and stores nothing', async () => {
      const before = await current(campaign.campaignId);
      const res = await check({ ...email(welcomeMjml), assetId: campaign.assetIds.welcome }).expect(200);
      expect(res.body).toMatchObject({
        valid: true,
        problems: [],
        preview: { partner: { id: null, name: 'Sample partner' }, sampleSlots: [] },
      });
      expect(res.body.preview.subject).toBe('Jamie, is your business one click away from losing its data?');
      expect(res.body.preview.preheader).toBe('Automatic, encrypted backups every 15 minutes, from Sample.');
      expect(res.body.preview.html).toContain('Sample Street 1, 00-001 Sample City');
      expect(res.body.preview.html).toContain('Hi Jamie,');
      // contact_name has a fallback: the sample partner shows it, as a partner without one would.
      expect(res.body.preview.text).toContain('Your Acme partner team is at');
      expect(res.body.preview.text).toContain('Unsubscribe');
      const after = await current(campaign.campaignId);
      expect(after.revision).toBe(before.revision);
      expect(after.draft).toEqual(before.draft);
      expect(after.updatedAt).toBe(before.updatedAt);
    });

    it.each([
      [
        'an unknown variable',
        (m: string) => m.replace('Hi {{prospect.first_name}},', 'Hi {{prospect.favourite_colour}},'),
        { line: 23, message: 'Unknown variable prospect.favourite_colour' },
        false,
      ],
      [
        'a missing unsubscribe link',
        (m: string) => m.replace('<a href="{{links.unsubscribe}}">Unsubscribe</a> · ', ''),
        { line: 36, message: 'Every email must contain the unsubscribe link {{links.unsubscribe}}' },
        true,
      ],
      [
        'a missing postal address',
        (m: string) => m.replace(' · {{partner.address}}', ''),
        { line: 36, message: "Every email must contain the partner's postal address" },
        true,
      ],
      [
        'an MJML error',
        (m: string) => m.replace('<mj-text font-size="12px"', '<mj-text font-size="twelve"'),
        { line: 33, message: 'font-size' },
        false,
      ],
    ])(
      'gives exactly the problems saving gives for %s, with its path and line',
      async (_what, edit, expected, previewed) => {
        const broken = edit(welcomeMjml);
        expect(broken).not.toBe(welcomeMjml);
        const res = await check({ ...email(broken), assetId: campaign.assetIds.welcome }).expect(200);
        const saved = await api
          .http()
          .put(`/campaigns/${campaign.campaignId}/assets/email/${campaign.assetIds.welcome}`)
          .set(as(vendor.marketerToken))
          .send(email(broken))
          .expect(422);
        expect(res.body.valid).toBe(false);
        expect(res.body.problems).toEqual(saved.body.errors);
        const { message, ...at } = expected;
        expect(res.body.problems).toEqual([
          { path: 'assets[0].mjml', ...at, message: expect.stringContaining(message) },
        ]);
        // A template that still compiles is previewed as it is.
        if (previewed) expect(res.body.preview.html).toContain('Hi Jamie,');
        else expect(res.body.preview).toBeNull();
      },
    );

    it('checks a new email at the index it would be added at, and has no preview when the template cannot compile', async () => {
      const draft = (await current(campaign.campaignId)).draft;
      const res = await check(email(welcomeMjml.replace('{{/if}}</mj-text>', '{{/iff}}</mj-text>'))).expect(200);
      const added = await api
        .http()
        .post(`/campaigns/${campaign.campaignId}/assets/email`)
        .set(as(vendor.marketerToken))
        .send(email(welcomeMjml.replace('{{/if}}</mj-text>', '{{/iff}}</mj-text>')))
        .expect(422);
      expect(res.body).toEqual({ valid: false, problems: added.body.errors, preview: null });
      expect(res.body.problems).toEqual([
        expect.objectContaining({
          path: `assets[${draft.assets.length}].mjml`,
          line: 23,
          message: expect.stringContaining('Template syntax error'),
        }),
      ]);
    });

    it("renders as a chosen partner's brand kit, with sample values for required slots it lacks", async () => {
      const partner = await tenants.partner(vendor, { companyName: 'Northwind IT' });
      await api
        .http()
        .put(`/partners/${partner.partnerId}/brand-kit`)
        .set(as(partner.token))
        .send({
          email: 'hello@northwind.example',
          website: 'https://northwind.example/',
          address: '12 Harbour Road, Gdynia',
        })
        .expect(200);
      const kitted = await check({ ...email(welcomeMjml), partnerId: partner.partnerId }).expect(200);
      expect(kitted.body.preview).toMatchObject({
        partner: { id: partner.partnerId, name: 'Northwind IT' },
        sampleSlots: [],
      });
      expect(kitted.body.preview.html).toContain('12 Harbour Road, Gdynia');
      expect(kitted.body.preview.preheader).toBe('Automatic, encrypted backups every 15 minutes, from Northwind IT.');
      const bare = await tenants.partner(vendor, { companyName: 'Bare Ltd' });
      const sampled = await check({ ...email(welcomeMjml), partnerId: bare.partnerId }).expect(200);
      expect(sampled.body.preview.sampleSlots).toEqual(['email', 'website', 'address']);
      expect(sampled.body.preview.html).toContain('Sample Street 1');
      // Another vendor's partner is not one to render as.
      const stranger = await tenants.partner(await tenants.vendor());
      await check({ ...email(welcomeMjml), partnerId: stranger.partnerId }).expect(404);
    });

    it('refuses a body that is not an email asset with field messages', async () => {
      const res = await check({ name: 'x', subject: 's', preheader: 'p', mjml: '' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'mjml' })]);
    });
  });

  describe('POST /campaigns/{id}/draft/page-check', () => {
    const check = (body: object, token = vendor.marketerToken, id = campaign.campaignId) =>
      api.http().post(`/campaigns/${id}/draft/page-check`).set(as(token)).send(body);
    const { key: _key, file, ...registration } = demo.manifest.page!;
    const page = (html = demo.readText(file)) => ({ ...registration, html });

    it('answers valid with the page as the sample partner would serve it, form blank, and stores nothing', async () => {
      const before = await current(campaign.campaignId);
      const pageAsset = before.draft.assets.find((a: { kind: string }) => a.kind === 'page');
      const res = await check({ ...page(), assetId: pageAsset.id }).expect(200);
      expect(res.body).toMatchObject({ valid: true, problems: [] });
      expect(res.body.preview).toMatchObject({
        partner: { id: null, name: 'Sample partner' },
        url: expect.stringMatching(/\/p\/sample-partner\/[a-z0-9-]+$/),
        sampleSlots: [],
      });
      expect(res.body.preview.html).toMatch(/^<!doctype html><html lang="en">/);
      expect(res.body.preview.html).toContain('<title>Book a live demo with Sample</title>');
      expect(res.body.preview.html).toContain('<form class="tcma-form" method="post" novalidate>');
      expect(res.body.preview.html).toContain('<label for="tcma-f-email">Work email');
      expect(res.body.preview.html).not.toMatch(/<script/i);
      expect((await current(campaign.campaignId)).draftRevision).toBe(before.draftRevision);
    });

    it('answers the problems saving the page would give, at their fields and lines, and renders as a chosen partner', async () => {
      const broken = page(
        '<h1>Hello {{partner.company_name}}</h1>\n<form><input name="x"></form>\n<div data-tcma-form></div>',
      );
      const res = await check({
        ...broken,
        form: { ...broken.form, fields: [{ name: 'email', label: '', type: 'email', required: true }] },
      }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'form.fields[0].label' })]);
      const refused = await check(broken).expect(200);
      expect(refused.body.valid).toBe(false);
      const index = (await current(campaign.campaignId)).draft.assets.length;
      expect(refused.body.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: `assets[${index}].html`,
            line: 2,
            message: expect.stringContaining('<form> is not allowed'),
          }),
          expect.objectContaining({
            path: `assets[${index}].html`,
            line: 2,
            message: expect.stringContaining('<input> is not allowed'),
          }),
        ]),
      );
      const partner = await tenants.partner(vendor, { companyName: 'Harbour Pages Ltd' });
      const kitted = await check({ ...page(), partnerId: partner.partnerId }).expect(200);
      expect(kitted.body.preview.partner).toEqual({ id: partner.partnerId, name: 'Harbour Pages Ltd' });
      expect(kitted.body.preview.html).toContain('Book a live demo with Harbour Pages Ltd');
      const stranger = await tenants.partner(await tenants.vendor());
      await check({ ...page(), partnerId: stranger.partnerId }).expect(404);
    });
  });

  describe('POST /campaigns/{id}/draft/timeline', () => {
    const timeline = (body: object) =>
      api.http().post(`/campaigns/${campaign.campaignId}/draft/timeline`).set(as(vendor.marketerToken)).send(body);

    it("lays out the draft's sequence for a prospect in a zone, each step with the rule that placed it", async () => {
      // Saturday 11:00 in Warsaw: the first step waits for Monday's window.
      const res = await timeline({ start: '2026-12-05T10:00:00Z', timeZone: 'Europe/Warsaw' }).expect(200);
      expect(
        res.body.steps.map((s: Record<string, unknown>) => [s.index, s.stepId, s.assetName, s.due, s.local, s.rule]),
      ).toEqual([
        [1, 'welcome', welcome.name, '2026-12-07T07:00:00.000Z', 'Mon 7 Dec 2026, 08:00', 'window'],
        [2, 'case_study', demo.manifest.emails[1].name, '2026-12-10T08:00:00.000Z', 'Thu 10 Dec 2026, 09:00', 'window'],
        [3, 'last_call', demo.manifest.emails[2].name, '2026-12-15T09:00:00.000Z', 'Tue 15 Dec 2026, 10:00', 'wait'],
      ]);
      expect(res.body.steps[1]).toMatchObject({
        emailAssetId: campaign.assetIds.case_study,
        waitEnds: '2026-12-10T07:00:00.000Z',
        explanation: '3 days after step 1, moved to the send window: Mon, Tue, Wed, Thu, Fri 09:00–17:00',
      });
      expect(res.body.steps[2].explanation).toBe('next Tuesday at 10:00 after step 2');
    });

    it('tries a sequence given in the body without saving it', async () => {
      const before = await current(campaign.campaignId);
      const sequence = {
        steps: [{ emailAssetId: campaign.assetIds.last_call, wait: { type: 'duration', hours: 2 } }],
        exit: { converted: false },
      };
      const res = await timeline({ start: '2026-12-05T10:00:00Z', timeZone: 'America/New_York', sequence }).expect(200);
      expect(res.body.steps).toEqual([
        expect.objectContaining({
          index: 1,
          stepId: 'step-1',
          due: '2026-12-05T12:00:00.000Z',
          local: 'Sat 5 Dec 2026, 07:00',
          rule: 'wait',
          explanation: '2 hours after the start',
        }),
      ]);
      expect((await current(campaign.campaignId)).revision).toBe(before.revision);
    });

    it('answers 422 with the problems saving the sequence gives, and for an unknown zone', async () => {
      const ghost = randomUUID();
      const sequence = {
        steps: [{ emailAssetId: ghost, wait: { type: 'duration', days: 1 } }],
        exit: { clickedLink: 'nowhere', converted: false },
      };
      const res = await timeline({ start: '2026-12-05T10:00:00Z', timeZone: 'Europe/Warsaw', sequence }).expect(422);
      const saved = await api
        .http()
        .put(`/campaigns/${campaign.campaignId}/sequence`)
        .set(as(vendor.marketerToken))
        .send(sequence)
        .expect(422);
      expect(res.body.errors).toEqual(saved.body.errors);
      expect(res.body.errors).toEqual([
        { path: 'sequence.steps[0].emailAssetId', message: `no email asset with id "${ghost}"` },
        { path: 'sequence.exit.clickedLink', message: 'no campaign link named "nowhere"' },
      ]);
      const zone = await timeline({ start: '2026-12-05T10:00:00Z', timeZone: 'Mars/Olympus' }).expect(422);
      expect(zone.body.errors).toEqual([
        {
          path: 'timeZone',
          message: '"Mars/Olympus" is not an IANA time zone such as Europe/Warsaw or America/New_York',
        },
      ]);
      const start = await timeline({ start: 'next monday', timeZone: 'Europe/Warsaw' }).expect(400);
      expect(start.body.errors).toEqual([expect.objectContaining({ path: 'start' })]);
    });
  });

  describe('PUT /campaigns/{id}/sequence refusals, as the Sequence tab shows them at its fields', () => {
    it('answers a malformed step 400 at steps[i]… (the timeline: sequence.steps[i]…), and a rule broken 422 at sequence.steps[i]…, saving nothing', async () => {
      const before = await current(campaign.campaignId);
      const put = (sequence: object) =>
        api.http().put(`/campaigns/${campaign.campaignId}/sequence`).set(as(vendor.marketerToken)).send(sequence);
      const malformed = {
        steps: [
          { emailAssetId: campaign.assetIds.welcome, wait: { type: 'next_weekday', weekday: 'monday', time: '25:00' } },
        ],
        exit: { converted: false },
      };
      expect((await put(malformed).expect(400)).body.errors).toEqual([
        { path: 'steps[0].wait.time', message: 'time must be HH:MM (24-hour)' },
      ]);
      const tried = await api
        .http()
        .post(`/campaigns/${campaign.campaignId}/draft/timeline`)
        .set(as(vendor.marketerToken))
        .send({ start: '2026-12-04T15:00:00Z', timeZone: 'UTC', sequence: malformed })
        .expect(400);
      expect(tried.body.errors).toEqual([
        { path: 'sequence.steps[0].wait.time', message: 'time must be HH:MM (24-hour)' },
      ]);
      const conditional = {
        steps: [
          {
            emailAssetId: campaign.assetIds.welcome,
            wait: { type: 'duration', days: 0 },
            condition: 'previous_not_opened',
          },
        ],
        exit: { converted: false },
      };
      expect((await put(conditional).expect(422)).body.errors).toEqual([
        { path: 'sequence.steps[0].condition', message: 'the first step has no previous email to depend on' },
      ]);
      expect((await current(campaign.campaignId)).revision).toBe(before.revision);
    });
  });

  describe('GET /campaigns/{id}/draft/changes', () => {
    it('lists what the draft changes since the latest version', async () => {
      const own = await authorDemoCampaign(api, vendor.marketerToken);
      const path = `/campaigns/${own.campaignId}`;
      const none = await api.http().get(`${path}/draft/changes`).set(as(vendor.marketerToken)).expect(200);
      expect(none.body).toMatchObject({ baseVersion: 1, hasChanges: false, metadata: [] });
      await api
        .http()
        .patch(path)
        .set(as(vendor.marketerToken))
        .send({ name: 'Backup, wave 2', tags: ['backup'] })
        .expect(200);
      await api
        .http()
        .put(`${path}/assets/email/${own.assetIds.case_study}`)
        .set(as(vendor.marketerToken))
        .send({ ...email(demo.readText(demo.manifest.emails[1].file)), name: 'Case study, shorter' })
        .expect(200);
      await api
        .http()
        .put(`${path}/links`)
        .set(as(vendor.marketerToken))
        .send({ links: [...demo.manifest.links, { name: 'webinar', url: 'https://acme-backup.example/webinar' }] })
        .expect(200);
      const steps = demo.manifest.sequence.steps
        .slice(0, 2)
        .map((s) => ({ id: s.id, emailAssetId: own.assetIds[s.email], wait: s.wait, window: s.window ?? null }));
      await api
        .http()
        .put(`${path}/sequence`)
        .set(as(vendor.marketerToken))
        .send({ steps, exit: demo.manifest.sequence.exit })
        .expect(200);
      const res = await api.http().get(`${path}/draft/changes`).set(as(vendor.marketerToken)).expect(200);
      expect(res.body).toEqual({
        baseVersion: 1,
        hasChanges: true,
        metadata: [
          { field: 'name', before: demo.manifest.name, after: 'Backup, wave 2' },
          { field: 'tags', before: demo.manifest.tags, after: ['backup'] },
        ],
        slots: { added: [], removed: [], changed: [] },
        links: { added: ['webinar'], removed: [], changed: [] },
        assets: {
          added: [],
          removed: [],
          changed: [{ id: own.assetIds.case_study, kind: 'email', name: 'Case study, shorter' }],
        },
        steps: {
          added: [],
          removed: [{ id: 'last_call', index: 3, emailAssetId: own.assetIds.last_call }],
          changed: [],
        },
        exitChanged: false,
      });
    });
  });

  describe('POST /campaigns/{id}/duplicate', () => {
    it("makes a new draft campaign of the source's content, named as a copy, with its own slug", async () => {
      const source = await current(campaign.campaignId);
      const res = await api
        .http()
        .post(`/campaigns/${campaign.campaignId}/duplicate`)
        .set(as(vendor.marketerToken))
        .expect(201);
      expect(res.body).toMatchObject({ name: `${demo.manifest.name} (copy)`, status: 'draft', latestVersion: null });
      expect(res.body.id).not.toBe(campaign.campaignId);
      expect(res.body.slug).not.toBe(source.slug);
      expect(res.body.draft).toEqual({ ...source.draft, name: `${demo.manifest.name} (copy)` });
      // The copy is a campaign of its own: it publishes by itself, the source is untouched.
      await api.http().post(`/campaigns/${res.body.id}/publish`).set(as(vendor.marketerToken)).expect(201);
      expect((await current(campaign.campaignId)).revision).toBe(source.revision);
    });
  });

  describe('library numbers and versions', () => {
    it('shows launches, partners using, sent and clicked per campaign, filters by tag and language, and leaves partners’ lists alone', async () => {
      const library = await tenants.vendor();
      const used = await authorDemoCampaign(api, library.marketerToken);
      const other = await api
        .http()
        .post('/campaigns')
        .set(as(library.marketerToken))
        .send({ name: 'Kampagne', tags: ['q4'], language: 'de' })
        .expect(201);
      const slotValues = {
        company_name: 'P Ltd',
        email: 'p@partner.example',
        website: 'https://p.example',
        address: '1 Main St, Springfield',
      };
      const partners: TestPartner[] = [await tenants.partner(library), await tenants.partner(library)];
      const launches: string[] = [];
      for (const p of [partners[0], partners[0], partners[1]]) {
        launches.push(
          (
            await api
              .http()
              .post('/launches')
              .set(as(p.token))
              .send({ campaignId: used.campaignId, audience: { type: 'all' }, slotValues })
              .expect(202)
          ).body.id,
        );
      }
      // The funnel rollups as the worker keeps them (analytics_totals, per launch and step).
      for (const [i, launchId] of launches.entries()) {
        const partnerId = i < 2 ? partners[0].partnerId : partners[1].partnerId;
        for (const step of [0, 1]) {
          await testDb().query(
            'INSERT INTO analytics_totals (vendor_id, partner_id, campaign_id, version, launch_id, step, sent, clicked) VALUES ($1, $2, $3, 1, $4, $5, $6, $7)',
            [library.vendorId, partnerId, used.campaignId, launchId, step, 10 + i, step + 1],
          );
        }
      }
      const list = await api.http().get('/campaigns').set(as(library.marketerToken)).expect(200);
      expect(list.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
      const numbers = (c: Record<string, unknown>) => [c.id, c.launches, c.partnersUsing, c.sent, c.clicked];
      expect(list.body.items.map(numbers)).toEqual(
        expect.arrayContaining([
          [used.campaignId, 3, 2, 2 * (10 + 11 + 12), 3 * 3],
          [other.body.id, 0, 0, 0, 0],
        ]),
      );
      const tagged = await api.http().get('/campaigns').query({ tag: 'q4' }).set(as(library.marketerToken)).expect(200);
      expect(tagged.body.items.map((c: { id: string }) => c.id)).toEqual([other.body.id]);
      // The published campaign has no draft: its tags and language are the latest version's.
      const backup = await api
        .http()
        .get('/campaigns')
        .query({ tag: 'ransomware', language: 'en' })
        .set(as(library.marketerToken))
        .expect(200);
      expect(backup.body).toMatchObject({ total: 1, items: [{ id: used.campaignId }] });
      const none = await api
        .http()
        .get('/campaigns')
        .query({ tag: 'q4', language: 'en' })
        .set(as(library.marketerToken))
        .expect(200);
      expect(none.body).toMatchObject({ total: 0, items: [] });
      const partnerList = await api.http().get('/campaigns').set(as(partners[0].token)).expect(200);
      expect(partnerList.body.items).toHaveLength(1);
      expect(Object.keys(partnerList.body.items[0]).sort()).toEqual([
        'content',
        'id',
        'name',
        'publishedAt',
        'version',
      ]);
    });

    it('names who published each version and counts the launches pinning it', async () => {
      const v = await tenants.vendor();
      const authored = await authorDemoCampaign(api, v.marketerToken);
      await api
        .http()
        .patch(`/campaigns/${authored.campaignId}`)
        .set(as(v.adminToken))
        .send({ description: 'v2' })
        .expect(200);
      await api.http().post(`/campaigns/${authored.campaignId}/publish`).set(as(v.adminToken)).expect(201);
      const partner = await tenants.partner(v);
      const slotValues = {
        company_name: 'P Ltd',
        email: 'p@partner.example',
        website: 'https://p.example',
        address: '1 Main St, Springfield',
      };
      await api
        .http()
        .post('/launches')
        .set(as(partner.token))
        .send({ campaignId: authored.campaignId, audience: { type: 'all' }, slotValues })
        .expect(202);
      const emailOf = async (token: string) => {
        const me = (await api.http().get('/me').set(as(token)).expect(200)).body;
        return (await api.http().get(`/users/${me.userId}`).set(as(v.adminToken)).expect(200)).body.email as string;
      };
      const [marketer, admin] = [await emailOf(v.marketerToken), await emailOf(v.adminToken)];
      expect(marketer).toMatch(/^marketer-/);
      const versions = await api
        .http()
        .get(`/campaigns/${authored.campaignId}/versions`)
        .set(as(v.marketerToken))
        .expect(200);
      expect(
        versions.body.items.map((x: Record<string, unknown>) => [x.version, x.publishedByEmail, x.launches]),
      ).toEqual([
        [2, admin, 1],
        [1, marketer, 0],
      ]);
    });
  });

  describe('tenancy', () => {
    it('answers 404 to another vendor and 403 to partner users on every console endpoint, and changes nothing', async () => {
      const stranger = await tenants.vendor();
      const partner = await tenants.partner(vendor);
      const before = await current(campaign.campaignId);
      const id = campaign.campaignId;
      const calls = [
        (t: string) => api.http().post(`/campaigns/${id}/draft/email-check`).set(as(t)).send(email(welcomeMjml)),
        (t: string) =>
          api
            .http()
            .post(`/campaigns/${id}/draft/timeline`)
            .set(as(t))
            .send({ start: '2026-12-05T10:00:00Z', timeZone: 'UTC' }),
        (t: string) => api.http().get(`/campaigns/${id}/draft/changes`).set(as(t)),
        (t: string) => api.http().post(`/campaigns/${id}/duplicate`).set(as(t)),
        (t: string) => api.http().get(`/campaigns/${id}/versions`).set(as(t)),
      ];
      const statuses = [];
      for (const call of calls)
        statuses.push([
          (await call(stranger.marketerToken)).status,
          (await call(stranger.adminToken)).status,
          (await call(partner.token)).status,
        ]);
      expect(statuses).toEqual(calls.map(() => [404, 404, 403]));
      expect(await current(campaign.campaignId)).toEqual(before);
      const strangers = await api.http().get('/campaigns').set(as(stranger.marketerToken)).expect(200);
      expect(strangers.body.total).toBe(0);
    });
  });
});
