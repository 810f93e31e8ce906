import type { SlotDefinition } from '@tcma/campaign-model';
import { ManualClock } from '@tcma/clock';
import { randomUUID } from 'node:crypto';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { simpleParser } from 'mailparser';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { ChatCompletionsStub } from '../support/chat-completions-stub';
import { SmtpSink } from '../support/smtp-sink';
import { translateXliff } from '../support/xliff-translator';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/**
 * A partner's own words (issue 27): an editable intro the vendor approves. The partner's text
 * is checked at its field, waits for the vendor's approver, reaches the prospect in both parts
 * of the email once approved, is remembered, and a returned launch sends nothing. The vendor's
 * approvers are emailed when a launch waits for them, the partner's user who launched when it is
 * approved or returned (with the comment): the vendor sends through the sink, so every notice and
 * every prospect's email is there, told apart by recipient.
 */
describe('editable text blocks', () => {
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  const sink = new SmtpSink();
  const model = new ChatCompletionsStub();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let vendor: TestVendor;
  let otherVendor: TestVendor;
  let partner: TestPartner;
  let otherPartner: TestPartner;
  let campaignId: string;
  let welcomeId: string;
  let slotsDeclared: SlotDefinition[];
  let campaignName: string;
  const partnerName = `Springfield Backups ${randomUUID().slice(0, 6)}`;
  const approverEmail = `approver-${randomUUID().slice(0, 8)}@blocks.example`;
  let adminEmail: string;
  let marketerEmail: string;
  let partnerEmail: string;
  const prospectEmail = 'ann@prospect.example';
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const slotValues = { company_name: 'Partner Ltd', email: 'hello@partner.example', address: '1 Main St, Springfield' };
  const intro =
    'We are **Partner Ltd**, your _local_ backup experts.\n\nSee https://partner.example/offer for our offer.';
  const launch = (token: string, values: Record<string, string>) =>
    api
      .http()
      .post('/launches')
      .set(as(token))
      .send({ campaignId, audience: { type: 'all' }, slotValues: { ...slotValues, ...values } });
  const mailsTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));
  const emailOf = async (where: string, params: unknown[]): Promise<string> => {
    const [user] = await testDb().query<Array<{ email: string }>>(`SELECT email FROM users WHERE ${where}`, params);
    return user.email;
  };
  const statusOf = async (id: string) =>
    (await api.http().get(`/launches/${id}`).set(as(partner.token)).expect(200)).body as Record<string, unknown>;

  beforeAll(async () => {
    await sink.start();
    await model.start();
    api = await startApi({
      clock,
      env: {
        AI_BASE_URL: model.url,
        AI_MODEL: 'stub-model',
        AI_API_KEY: 'sk-test-key',
        AI_MONTHLY_TOKENS_PER_VENDOR: '100000',
      },
    });
    worker = await startWorker({ roles: 'send,enroll,render', clock });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    otherVendor = await tenants.vendor();
    partner = await tenants.partner(vendor, { companyName: partnerName });
    otherPartner = await tenants.partner(vendor);
    await tenants.user(vendor.adminToken, { email: approverEmail, name: 'Ada Approver', role: 'vendor_approver' });
    const vendorUser = 'vendor_id = $1 AND partner_id IS NULL AND role = $2';
    adminEmail = await emailOf(vendorUser, [vendor.vendorId, 'vendor_admin']);
    marketerEmail = await emailOf(vendorUser, [vendor.vendorId, 'vendor_marketer']);
    partnerEmail = await emailOf('id = $1', [partner.userId]);
    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
      .expect(200);
    const authored = await authorDemoCampaign(api, vendor.marketerToken, {
      immediate: true,
      emailsOnly: true,
      publish: false,
      steps: (steps) => steps.slice(0, 1),
    });
    campaignId = authored.campaignId;
    campaignName = (await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200)).body
      .name as string;
    welcomeId = authored.assetIds.welcome;
    const auth = as(vendor.marketerToken);
    const demo = loadDemo();
    slotsDeclared = [
      ...demo.manifest.slots,
      {
        name: 'intro',
        type: 'text_block',
        label: 'Your introduction',
        required: false,
        maxLength: 300,
        allowLinks: true,
        approval: 'vendor',
        fallback: 'Your Acme partner is here to help.',
      },
    ];
    await api.http().put(`/campaigns/${campaignId}/slots`).set(auth).send({ slots: slotsDeclared }).expect(200);
    const welcome = demo.manifest.emails[0];
    const mjml = demo
      .readText(welcome.file)
      .replace(
        /(<mj-text>\{\{#if prospect\.first_name\}\}.*?<\/mj-text>)/,
        '$1\n        <mj-text>{{partner.intro}}</mj-text>',
      );
    expect(mjml).toContain('{{partner.intro}}');
    await api
      .http()
      .put(`/campaigns/${campaignId}/assets/email/${authored.assetIds[welcome.key]}`)
      .set(auth)
      .send({ name: welcome.name, subject: welcome.subject, preheader: welcome.preheader, mjml })
      .expect(200);
    await api.http().post(`/campaigns/${campaignId}/publish`).set(auth).expect(201);
    await api
      .http()
      .put(`/partners/${partner.partnerId}/brand-kit`)
      .set(as(partner.token))
      .send({ website: 'https://www.partner.example/' })
      .expect(200);
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set(as(partner.token))
      .send({ email: prospectEmail, firstName: 'Ann' })
      .expect(201);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
    await model.stop();
  });

  async function deliverDue(): Promise<void> {
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
  }

  it('refuses an over-long text and a link to another domain at the field', async () => {
    const long = await launch(partner.token, { intro: 'x'.repeat(301) }).expect(422);
    expect(long.body.errors).toContainEqual({
      path: 'slots.intro',
      message: expect.stringContaining('at most 300 characters'),
      code: 'slot.value_invalid',
    });
    const foreign = await launch(partner.token, { intro: 'Cheaper at https://elsewhere.example/deal' }).expect(422);
    expect(foreign.body.errors).toContainEqual({
      path: 'slots.intro',
      message: expect.stringContaining("partner's own website"),
      code: 'slot.value_invalid',
    });
    const control = await launch(partner.token, { intro: 'Hello\u0007there' }).expect(422);
    expect(control.body.errors).toContainEqual(expect.objectContaining({ path: 'slots.intro' }));
    // The other partner names no website: any link is refused.
    const noSite = await launch(otherPartner.token, { intro: 'See https://partner.example/' }).expect(422);
    expect(noSite.body.errors).toContainEqual(expect.objectContaining({ path: 'slots.intro' }));
  });

  it("previews the partner's text through the asset preview, checked as a launch checks it", async () => {
    const preview = (values: Record<string, string>, format = 'html') =>
      api
        .http()
        .get(`/campaigns/${campaignId}/versions/1/assets/${welcomeId}/preview`)
        .query({ format, slotValues: JSON.stringify({ ...slotValues, ...values }) })
        .set(as(partner.token));
    const html = await preview({ intro }).expect(200);
    expect(html.text).toContain('We are <strong>Partner Ltd</strong>, your <em>local</em> backup experts.');
    const text = await preview({ intro }, 'text').expect(200);
    expect(text.text).toContain('We are Partner Ltd, your local backup experts.');
    const refused = await preview({ intro: 'See https://elsewhere.example/' }).expect(422);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: 'slots.intro' }));
    await api
      .http()
      .get(`/campaigns/${campaignId}/versions/1/assets/${welcomeId}/preview`)
      .query({ slotValues: '[1]' })
      .set(as(partner.token))
      .expect(400);
  });

  it("helps write the block: a machine's suggestions within its limits, nothing of a prospect in the prompt", async () => {
    model.reply = () =>
      JSON.stringify({
        options: ['We are **Partner Ltd**, at your side.', 'Visit https://elsewhere.example/ today', 'x'.repeat(301)],
      });
    const res = await api
      .http()
      .post('/launches/text-block-suggestions')
      .set(as(partner.token))
      .send({ campaignId, slot: 'intro', notes: 'local and fast' })
      .expect(200);
    expect(res.body).toMatchObject({ model: expect.any(String), options: ['We are **Partner Ltd**, at your side.'] });
    const prompt = JSON.stringify(model.calls.at(-1)?.messages);
    expect(prompt).toContain('local and fast');
    expect(prompt).toContain('partner.example');
    expect(prompt).not.toContain('ann@prospect.example');
    await api
      .http()
      .post('/launches/text-block-suggestions')
      .set(as(partner.token))
      .send({ campaignId, slot: 'company_name' })
      .expect(404);
    await api
      .http()
      .post('/launches/text-block-suggestions')
      .set(as(otherPartner.token))
      .send({ campaignId: '00000000-0000-4000-8000-000000000000', slot: 'intro' })
      .expect(404);
  });

  it("waits for the vendor's approval, then sends the partner's words in the HTML and text parts", async () => {
    const created = await launch(partner.token, { intro }).expect(202);
    expect(created.body).toMatchObject({ status: 'awaiting_approval', approvalSlots: ['intro'] });
    const id: string = created.body.id;

    // The vendor's approvers (its approver and its admin; not its marketer, nor the partner) are
    // told once, in the vendor's brand, with a link to where they decide and nothing of a prospect.
    expect(mailsTo(approverEmail)).toHaveLength(1);
    expect(mailsTo(adminEmail)).toHaveLength(1);
    expect(mailsTo(marketerEmail)).toHaveLength(0);
    expect(mailsTo(partnerEmail)).toHaveLength(0);
    expect(sink.messages).toHaveLength(2);
    const asked = await simpleParser(mailsTo(approverEmail)[0].raw);
    expect(asked.subject).toBe(`${partnerName} is waiting for your approval to launch ${campaignName}`);
    const where = `${api.config.publicBaseUrl}/console/home#home-launch-approvals`;
    expect(String(asked.text)).toContain(`${partnerName} wrote its own words for ${campaignName} (Your introduction).`);
    expect(String(asked.text)).toContain(`Read and decide: ${where}`);
    expect(String(asked.html)).toContain(`href="${where}"`);
    expect(String(asked.text)).not.toContain(prospectEmail);

    await deliverDue();
    expect(mailsTo(prospectEmail)).toHaveLength(0);
    expect(await statusOf(id)).toMatchObject({ status: 'awaiting_approval', enrolled: 0 });

    // Only the vendor's approvers see and decide it.
    const waiting = await api.http().get('/launch-approvals').set(as(vendor.adminToken)).expect(200);
    expect(waiting.body.items).toEqual([
      expect.objectContaining({
        launchId: id,
        partnerId: partner.partnerId,
        blocks: [
          expect.objectContaining({
            slot: 'intro',
            label: 'Your introduction',
            text: intro,
            html: expect.stringContaining('<strong>Partner Ltd</strong>'),
          }),
        ],
      }),
    ]);
    expect((await api.http().get('/launch-approvals').set(as(otherVendor.adminToken)).expect(200)).body.items).toEqual(
      [],
    );
    await api.http().post(`/launches/${id}/approve`).set(as(otherVendor.adminToken)).expect(404);
    await api.http().get(`/launches/${id}`).set(as(otherPartner.token)).expect(404);
    await api.http().post(`/launches/${id}/approve`).set(as(partner.token)).expect(403);
    await api.http().get('/launch-approvals').set(as(partner.token)).expect(403);

    clock.advance(60 * 60_000);
    const approved = await api.http().post(`/launches/${id}/approve`).set(as(vendor.adminToken)).expect(200);
    expect(approved.body.status).toBe('enrolling');
    expect(new Date(approved.body.startAt).toISOString()).toBe(clock.now().toISOString());
    expect(approved.body.approvalDecidedAt).not.toBeNull();
    await api.http().post(`/launches/${id}/approve`).set(as(vendor.adminToken)).expect(409);

    // The partner's user who launched is told, once, with a link to the launch in the portal.
    expect(mailsTo(partnerEmail)).toHaveLength(1);
    const told = await simpleParser(mailsTo(partnerEmail)[0].raw);
    expect(told.subject).toBe(`Your launch of ${campaignName} is approved`);
    expect(String(told.text)).toContain(
      `Your words for ${campaignName} are approved. The launch starts on 23 November 2026 at 11:00 (Europe/Warsaw).`,
    );
    expect(String(told.text)).toContain(`Open the launch: ${api.config.publicBaseUrl}/portal/launches/${id}`);
    expect(mailsTo(approverEmail)).toHaveLength(1);

    await eventually(async () => ((await statusOf(id)).status === 'active' ? true : undefined), 'enrollment');
    await deliverDue();
    const [message] = await eventually(
      () => Promise.resolve(mailsTo(prospectEmail).length ? mailsTo(prospectEmail) : undefined),
      "the prospect's email",
    );
    expect(mailsTo(prospectEmail)).toHaveLength(1);
    const mail = await simpleParser(message.raw);
    const html = String(mail.html);
    expect(html).toContain('We are <strong>Partner Ltd</strong>, your <em>local</em> backup experts.<br /><br />See ');
    const link = /<a href="([^"]+)" target="_blank">https:\/\/partner\.example\/offer<\/a>/.exec(html);
    expect(link).not.toBeNull();
    expect(decodeURIComponent(link![1])).toContain('https://partner.example/offer');
    const text = String(mail.text);
    expect(text).toContain('We are Partner Ltd, your local backup experts.');
    expect(text).toContain('https://partner.example/offer');
    expect(text).not.toContain('**');
  });

  it('remembers an approved text: a second launch with it does not wait, and no approver is emailed', async () => {
    const told = sink.messages.length;
    const again = await launch(partner.token, { intro: `${intro.replace('\n\n', '\r\n\r\n')}  ` }).expect(202);
    expect(again.body).toMatchObject({ status: 'enrolling', approvalSlots: null });
    // The default text never asks either.
    const byDefault = await launch(partner.token, {}).expect(202);
    expect(byDefault.body.status).toBe('enrolling');
    for (const id of [again.body.id, byDefault.body.id])
      await eventually(async () => ((await statusOf(id)).status === 'active' ? true : undefined), 'enrollment');
    for (const id of [again.body.id, byDefault.body.id])
      await api.http().post(`/launches/${id}/cancel`).set(as(partner.token)).expect(200);
    expect(mailsTo(approverEmail)).toHaveLength(1);
    expect(mailsTo(adminEmail)).toHaveLength(1);
    expect(mailsTo(partnerEmail)).toHaveLength(1);
    expect(sink.messages).toHaveLength(told);
  });

  it('a returned launch sends nothing, and the partner reads why, in the portal and by email', async () => {
    const sent = mailsTo(prospectEmail).length;
    const created = await launch(partner.token, { intro: 'The **best** prices in town, guaranteed.' }).expect(202);
    const id: string = created.body.id;
    expect(created.body.status).toBe('awaiting_approval');
    expect(mailsTo(approverEmail)).toHaveLength(2);
    expect(mailsTo(partnerEmail)).toHaveLength(1);
    await api.http().post(`/launches/${id}/return`).set(as(vendor.adminToken)).send({ comment: '' }).expect(400);
    const returned = await api
      .http()
      .post(`/launches/${id}/return`)
      .set(as(vendor.adminToken))
      .send({ comment: 'Please drop the price guarantee.' })
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', approvalComment: 'Please drop the price guarantee.' });
    expect(mailsTo(partnerEmail)).toHaveLength(2);
    const told = await simpleParser(mailsTo(partnerEmail)[1].raw);
    expect(told.subject).toBe(`Your launch of ${campaignName} was returned`);
    expect(String(told.text)).toContain(
      `Your words for ${campaignName} were not approved, and nothing was sent. The comment:\nPlease drop the price guarantee.`,
    );
    expect(String(told.html)).toContain('<p>Please drop the price guarantee.</p>');
    expect(String(told.text)).toContain(`Open the launch: ${api.config.publicBaseUrl}/portal/launches/${id}`);
    await api.http().post(`/launches/${id}/approve`).set(as(vendor.adminToken)).expect(409);
    expect(await statusOf(id)).toMatchObject({
      status: 'returned',
      approvalComment: 'Please drop the price guarantee.',
      enrolled: 0,
    });
    await deliverDue();
    expect(mailsTo(prospectEmail)).toHaveLength(sent);
    expect((await api.http().get('/launch-approvals').set(as(vendor.adminToken)).expect(200)).body.items).toEqual([]);
  });

  it("waits for approval and tells the other approvers when one approver's address is refused", async () => {
    sink.behaviour = {
      rcpt: (address) => (address === approverEmail ? { code: 550, message: 'No such user' } : undefined),
    };
    try {
      const admin = mailsTo(adminEmail).length;
      const created = await launch(partner.token, { intro: 'Ask us about **backups** today.' }).expect(202);
      expect(created.body.status).toBe('awaiting_approval');
      expect(mailsTo(adminEmail)).toHaveLength(admin + 1);
      expect(mailsTo(approverEmail)).toHaveLength(2);
      await api.http().post(`/launches/${created.body.id}/cancel`).set(as(partner.token)).expect(200);
    } finally {
      sink.behaviour = {};
    }
  });

  it("sends a prospect who reads a variant the block's default in its language when the partner wrote none", async () => {
    const auth = as(vendor.marketerToken);
    const xliff = (
      await api
        .http()
        .get(`/campaigns/${campaignId}/versions/1/xliff?trgLang=de`)
        .set(auth)
        .buffer(true)
        .parse((res, done) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => done(null, body));
        })
        .expect(200)
    ).body as string;
    await api
      .http()
      .put(`/campaigns/${campaignId}/draft/languages/de`)
      .set(auth)
      .set('Content-Type', 'application/xliff+xml')
      .send(translateXliff(xliff))
      .expect(200);
    const withDefaults = (defaults: Record<string, string>) =>
      slotsDeclared.map((slot) => (slot.name === 'intro' ? { ...slot, defaults } : slot));
    const at = slotsDeclared.findIndex((slot) => slot.name === 'intro');

    // Checked as the fallback is, at its field, and nothing is written.
    const refused = await api
      .http()
      .put(`/campaigns/${campaignId}/slots`)
      .set(auth)
      .send({ slots: withDefaults({ de: 'x'.repeat(301), 'de-at': 'Servus' }) })
      .expect(422);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        { path: `slots[${at}].defaults.de`, message: expect.stringContaining('at most 300 characters') },
        { path: `slots[${at}].defaults.de-at`, message: expect.stringContaining('canonical form') },
      ]),
    );
    const draft = await api.http().get(`/campaigns/${campaignId}`).set(auth).expect(200);
    expect(draft.body.draft.slots[at]).not.toHaveProperty('defaults');

    const german = 'Ihr **Acme**-Partner hilft Ihnen gern.';
    const saved = await api
      .http()
      .put(`/campaigns/${campaignId}/slots`)
      .set(auth)
      .send({ slots: withDefaults({ de: german }) })
      .expect(200);
    expect(saved.body.draft.slots[at].defaults).toEqual({ de: german });
    await api.http().post(`/campaigns/${campaignId}/publish`).set(auth).send({}).expect(201);
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set(as(partner.token))
      .send({ email: 'bea@prospect.example', firstName: 'Bea', language: 'de-AT' })
      .expect(201);

    // The vendor's own words in any language wait for no approver.
    const created = await launch(partner.token, {}).expect(202);
    expect(created.body).toMatchObject({ status: 'enrolling', version: 2, approvalSlots: null });
    await eventually(
      async () => ((await statusOf(created.body.id)).status === 'active' ? true : undefined),
      'enrollment',
    );
    await deliverDue();
    const [message] = await eventually(
      () => Promise.resolve(mailsTo('bea@prospect.example').length ? mailsTo('bea@prospect.example') : undefined),
      "the German reader's email",
    );
    const mail = await simpleParser(message.raw);
    expect(String(mail.html)).toContain('Ihr <strong>Acme</strong>-Partner hilft Ihnen gern.');
    expect(String(mail.html)).not.toContain('Your Acme partner is here to help.');
    expect(String(mail.text)).toContain('Ihr Acme-Partner hilft Ihnen gern.');
  });

  it('fills the block from a programme subscription: listed with its limits, refused at its field, approved before its launch starts', async () => {
    const programme = await api
      .http()
      .post('/programmes')
      .set(as(vendor.marketerToken))
      .send({ name: `Own words ${randomUUID().slice(0, 6)}`, campaignIds: [campaignId] })
      .expect(201);
    const programmeId: string = programme.body.id;
    const blocks = await api
      .http()
      .get(`/programmes/${programmeId}/editable-blocks`)
      .set(as(partner.token))
      .expect(200);
    expect(blocks.body.items).toEqual([
      {
        name: 'intro',
        label: 'Your introduction',
        maxLength: 300,
        allowLinks: true,
        approval: 'vendor',
        fallback: 'Your Acme partner is here to help.',
        campaigns: [{ campaignId, campaignName, version: 2, assetId: welcomeId }],
      },
    ]);
    // A vendor user names the partner; another vendor finds no programme.
    const named = await api
      .http()
      .get(`/programmes/${programmeId}/editable-blocks?partnerId=${partner.partnerId}`)
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(named.body).toEqual(blocks.body);
    await api.http().get(`/programmes/${programmeId}/editable-blocks`).set(as(vendor.marketerToken)).expect(422);
    await api
      .http()
      .get(`/programmes/${programmeId}/editable-blocks?partnerId=${partner.partnerId}`)
      .set(as(otherVendor.adminToken))
      .expect(404);

    // Checked as a launch checks it, at its field, and nothing is subscribed.
    const subscribe = (intro: string) =>
      api
        .http()
        .post(`/programmes/${programmeId}/subscriptions`)
        .set(as(partner.token))
        .send({ audience: { type: 'all' }, slotValues: { ...slotValues, intro }, reviewHours: 0 });
    const long = await subscribe('x'.repeat(301)).expect(422);
    expect(long.body.errors).toContainEqual({
      path: 'slotValues.intro',
      message: expect.stringContaining('at most 300 characters'),
    });
    const foreign = await subscribe('Cheaper at https://elsewhere.example/deal').expect(422);
    expect(foreign.body.errors).toContainEqual({
      path: 'slotValues.intro',
      message: expect.stringContaining("partner's own website"),
    });
    const none = await api
      .http()
      .get(`/programme-subscriptions?programmeId=${programmeId}`)
      .set(as(partner.token))
      .expect(200);
    expect(none.body.total).toBe(0);

    const words = 'Programme words from **Partner Ltd**: see https://partner.example/programme';
    const subscribed = await subscribe(words).expect(201);
    const changed = await api
      .http()
      .patch(`/programme-subscriptions/${subscribed.body.id}`)
      .set(as(partner.token))
      .send({ slotValues: { ...slotValues, intro: 'y'.repeat(301) } })
      .expect(422);
    expect(changed.body.errors).toContainEqual(expect.objectContaining({ path: 'slotValues.intro' }));

    // A programme's launch waits for a complete brand kit: give the partner the rest of it (a PUT: the whole kit).
    await api
      .http()
      .put(`/partners/${partner.partnerId}/brand-kit`)
      .set(as(partner.token))
      .send({
        website: 'https://www.partner.example/',
        address: '1 Main St, Springfield',
        sender: { fromName: 'Partner Ltd', fromEmail: 'news@partner.example' },
      })
      .expect(200);
    await api
      .http()
      .put(`/partners/${partner.partnerId}/brand-kit/logo`)
      .set(as(partner.token))
      .attach('file', loadDemo().read('partners/northwind-logo.png'), 'logo.png')
      .expect(200);
    // Its launch carries the new text, so it waits for the vendor's approver as a portal launch would.
    const told = mailsTo(approverEmail).length;
    const started = await api
      .http()
      .post(`/programme-subscriptions/${subscribed.body.id}/launch-current`)
      .set(as(partner.token))
      .expect(200);
    expect(started.body.items).toHaveLength(1);
    const launchId: string = started.body.items[0].launchId;
    expect(launchId).toBeTruthy();
    expect(await statusOf(launchId)).toMatchObject({ status: 'awaiting_approval', approvalSlots: ['intro'] });
    expect(mailsTo(approverEmail)).toHaveLength(told + 1);
    const sent = mailsTo(prospectEmail).length;
    await api.http().post(`/launches/${launchId}/approve`).set(as(vendor.adminToken)).expect(200);
    await eventually(async () => ((await statusOf(launchId)).status === 'active' ? true : undefined), 'enrollment');
    await deliverDue();
    const mails = await eventually(
      () => Promise.resolve(mailsTo(prospectEmail).length > sent ? mailsTo(prospectEmail) : undefined),
      "the prospect's email of the programme's launch",
    );
    const mail = await simpleParser(mails.at(-1)!.raw);
    expect(String(mail.html)).toContain('Programme words from <strong>Partner Ltd</strong>: see ');
  });
});
