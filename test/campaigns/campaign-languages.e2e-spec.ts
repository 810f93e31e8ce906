import { ManualClock } from '@tcma/clock';
import { randomUUID } from 'node:crypto';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { simpleParser } from 'mailparser';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { ChatCompletionsStub, defaultReply } from '../support/chat-completions-stub';
import { testDb } from '../support/db';
import { SmtpSink } from '../support/smtp-sink';
import { translateXliff as translate } from '../support/xliff-translator';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** Language variants of a campaign's emails: a translator's XLIFF file imported, then each prospect sent the variant of their language. */
describe('campaign languages', () => {
  const clock = new ManualClock(new Date('2026-11-26T09:00:00Z'));
  const sink = new SmtpSink();
  const model = new ChatCompletionsStub();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  let partner: TestPartner;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await sink.start();
    await model.start();
    api = await startApi({ clock, env: { AI_BASE_URL: model.url, AI_MODEL: 'stub-model', AI_TIMEOUT_MS: '2000' } });
    worker = await startWorker({ roles: 'send,enroll', clock });
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
      .expect(200);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
    await model.stop();
  });

  const exported = async (
    campaignId: string,
    version: number,
    trgLang: string,
    token = vendor.marketerToken,
  ): Promise<string> =>
    (
      await api
        .http()
        .get(`/campaigns/${campaignId}/versions/${version}/xliff?trgLang=${trgLang}`)
        .set(as(token))
        .buffer(true)
        .parse((res, done) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => done(null, body));
        })
        .expect(200)
    ).body as string;
  const importXliff = (campaignId: string, language: string, xml: string, token = vendor.marketerToken) =>
    api
      .http()
      .put(`/campaigns/${campaignId}/draft/languages/${language}`)
      .set(as(token))
      .set('Content-Type', 'application/xliff+xml')
      .send(xml);
  const languages = async (campaignId: string) =>
    (await api.http().get(`/campaigns/${campaignId}/draft/languages`).set(as(vendor.marketerToken)).expect(200))
      .body as Array<{
      language: string;
      ready: boolean;
      emails: Array<{ name: string; state: string; origin: string | null; needsReview: boolean }>;
      assets: Array<{ kind: string; state: string; origin: string | null; needsReview: boolean }>;
    }>;

  it("imports a translator's XLIFF file as the draft's German emails, shows a variant stale once its email changes, and refuses a dropped placeholder at its line", async () => {
    const { campaignId, assetIds } = await authorDemoCampaign(api, vendor.marketerToken, { emailsOnly: true });
    const xml = translate(await exported(campaignId, 1, 'de'));

    const saved = await importXliff(campaignId, 'de', xml).expect(200);
    const emails = saved.body.draft.assets.filter((a: { kind: string }) => a.kind === 'email');
    expect(emails).toHaveLength(3);
    for (const email of emails) {
      expect(email.variants.de).toMatchObject({ origin: 'xliff', savedAt: clock.now().toISOString() });
      expect(email.variants.de.subject).toMatch(/^DE /);
      // Placeholders and tags are the default's; only the words changed.
      expect(email.variants.de.mjml.match(/\{\{[^}]+\}\}/g)).toEqual(email.mjml.match(/\{\{[^}]+\}\}/g));
      expect(email.variants.de.mjml).toContain('>DE ');
    }
    expect(await languages(campaignId)).toEqual([
      {
        language: 'de',
        ready: true,
        emails: emails.map((e: { id: string; name: string }) => ({
          assetId: e.id,
          name: e.name,
          state: 'current',
          origin: 'xliff',
          savedAt: clock.now().toISOString(),
          needsReview: false,
        })),
        // The campaign has no PDF, social post or page.
        assets: [],
      },
    ]);

    // The default changes after the translation: that email's variant is stale, the others current.
    const welcome = emails.find((e: { id: string }) => e.id === assetIds[Object.keys(assetIds)[0]]);
    await api
      .http()
      .put(`/campaigns/${campaignId}/assets/email/${welcome.id}`)
      .set(as(vendor.marketerToken))
      .send({ name: welcome.name, subject: `${welcome.subject}!`, preheader: welcome.preheader, mjml: welcome.mjml })
      .expect(200);
    const [german] = await languages(campaignId);
    expect(german.emails.map((e) => e.state)).toEqual(['stale', 'current', 'current']);
    expect(german.ready).toBe(false);

    // A file of the version before that change no longer fits the welcome email's subject.
    const old = await importXliff(campaignId, 'de', xml).expect(422);
    expect(old.body.errors).toContainEqual(
      expect.objectContaining({
        path: 'body.subject',
        message: 'The source text changed since the file was exported: export the version again',
      }),
    );

    // Publishing asks what to do with German, stale in one email: refused until chosen, then recorded on the version.
    const publish = (body: object) =>
      api.http().post(`/campaigns/${campaignId}/publish`).set(as(vendor.marketerToken)).send(body);
    const undecided = await publish({}).expect(422);
    expect(undecided.body.errors).toEqual([
      {
        path: 'languages.de',
        code: 'language_incomplete',
        message:
          'de is not ready (1 email stale (its email changed after it was translated)): choose fallback (those go out in en) or hold (de is held back)',
      },
    ]);
    expect((await publish({ languages: { de: 'later', fr: 'hold' } }).expect(422)).body.errors).toEqual([
      expect.objectContaining({ path: 'languages.de', code: 'language_incomplete' }),
      {
        path: 'languages.fr',
        message: 'fr is not an incomplete language of the draft: only those take a choice',
      },
    ]);
    const v2 = await publish({ languages: { de: 'fallback' } }).expect(201);
    expect(v2.body.content.languageChoices).toEqual({ de: 'fallback' });
    // The next draft, opened from that version, starts without the choice: the next publish asks again.
    expect((await languages(campaignId))[0].emails.map((e) => e.state)).toEqual(['stale', 'current', 'current']);
    // A translation that drops a placeholder: refused at the line of its target, nothing saved.
    const revision = async () =>
      (await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200)).body.draftRevision;
    const before = await revision();
    const french = translate(await exported(campaignId, 2, 'fr'), 'FR ');
    const lines = french.split('\n');
    const at = lines.findIndex((l) => /<target>.*<ph /.test(l));
    lines[at] = lines[at].replace(/(<target>.*?)<ph [^>]*\/>/, '$1');
    const dropped = await importXliff(campaignId, 'fr', lines.join('\n')).expect(422);
    expect(dropped.body.errors).toContainEqual(expect.objectContaining({ line: at + 1 }));
    expect(dropped.body.errors.every((e: { line?: number }) => e.line === at + 1)).toBe(true);
    expect((await languages(campaignId)).map((l) => l.language)).toEqual(['de']);
    expect(await revision()).toBe(before);

    // Not XLIFF, the campaign's own language, not a language: refused by field.
    const text = await api
      .http()
      .put(`/campaigns/${campaignId}/draft/languages/fr`)
      .set(as(vendor.marketerToken))
      .set('Content-Type', 'text/plain')
      .send(french)
      .expect(415);
    expect(text.body.errors[0].path).toBe('Content-Type');
    expect((await importXliff(campaignId, 'EN', french).expect(422)).body.errors).toEqual([
      { path: 'language', message: "language must differ from the campaign's own language (en)" },
    ]);
    expect((await importXliff(campaignId, 'fr_FR', french).expect(422)).body.errors).toEqual([
      { path: 'language', message: 'language must be a BCP 47 language tag, such as de, fr-CA or pt-BR' },
    ]);

    // Another vendor does not find the campaign; a partner may not author.
    const other = await tenants.vendor();
    await api
      .http()
      .put(`/campaigns/${campaignId}/draft/languages/fr`)
      .set(as(other.adminToken))
      .set('Content-Type', 'application/xliff+xml')
      .send(french)
      .expect(404);
    await api.http().get(`/campaigns/${campaignId}/draft/languages`).set(as(partner.token)).expect(403);

    // Removing a language takes every email's variant in it.
    const removed = await api
      .http()
      .delete(`/campaigns/${campaignId}/draft/languages/de`)
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(removed.body.draft.assets.some((a: { variants?: unknown }) => a.variants)).toBe(false);
    await api.http().delete(`/campaigns/${campaignId}/draft/languages/de`).set(as(vendor.marketerToken)).expect(404);
  });

  it("sends each prospect of a CSV the variant of their language exactly once (de-AT → German, es → English, ar-EG → Arabic, right to left), counted per language in the dry run and named in the launch's activity, its unsubscribe page in the same language", async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { emailsOnly: true, immediate: true });
    await importXliff(campaignId, 'de', translate(await exported(campaignId, 1, 'de'))).expect(200);
    await importXliff(campaignId, 'ar', translate(await exported(campaignId, 1, 'ar'), 'AR ')).expect(200);
    await api.http().post(`/campaigns/${campaignId}/publish`).set(as(vendor.marketerToken)).expect(201);

    // The catalogue names the campaign's languages and finds it by any of them.
    const catalogue = async (language: string) =>
      (
        await api
          .http()
          .get(`/partners/${partner.partnerId}/catalogue?language=${language}`)
          .set(as(partner.token))
          .expect(200)
      ).body.items.filter((c: { campaignId: string }) => c.campaignId === campaignId);
    expect((await catalogue('de')).map((c: { languages: string[] }) => c.languages)).toEqual([['en', 'ar', 'de']]);
    expect(await catalogue('en')).toHaveLength(1);
    expect(await catalogue('it')).toEqual([]);

    const imported = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as(partner.token))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(
        [
          'email,first_name,language',
          'anna@prospect.example,Anna,de-AT',
          'eva@prospect.example,Eva,es',
          'finn@prospect.example,Finn,',
          'samir@prospect.example,Samir,ar-EG',
        ].join('\r\n'),
      )
      .expect(202);
    await eventually(async () => {
      const res = await api
        .http()
        .get(`/partners/${partner.partnerId}/imports/${imported.body.id}`)
        .set(as(partner.token));
      return res.body.status === 'completed' ? true : undefined;
    }, 'the import');

    const slotValues = {
      company_name: 'Partner Ltd',
      email: 'hello@partner.example',
      website: 'https://partner.example',
      address: '1 Main St, Springfield',
    };
    const body = { campaignId, audience: { type: 'all' }, slotValues };
    const preview = await api.http().post('/launches/preview').set(as(partner.token)).send(body).expect(200);
    expect(preview.body.languages).toEqual([
      { language: 'en', prospects: 2 },
      { language: 'ar', prospects: 1 },
      { language: 'de', prospects: 1 },
    ]);

    const launchId = (await api.http().post('/launches').set(as(partner.token)).send(body).expect(202)).body.id;
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launchId}`).set(as(partner.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    // The demo's three steps, all due at once (immediate): twelve emails, each step once per prospect.
    await eventually(() => Promise.resolve(sink.messages.length >= 12 ? true : undefined), 'twelve emails');

    const received = async (email: string) => {
      const messages = await Promise.all(
        sink.messages.filter((m) => m.to.includes(email)).map((m) => simpleParser(m.raw)),
      );
      expect(messages).toHaveLength(3);
      expect(new Set(messages.map((m) => m.subject)).size).toBe(3);
      return messages;
    };
    const anna = await received('anna@prospect.example');
    for (const message of anna) {
      expect(message.subject).toMatch(/^DE /);
      expect(String(message.html)).toMatch(/<html[^>]* lang="de"/);
      expect(String(message.text)).toContain('DE ');
    }
    // Arabic runs right to left.
    for (const message of await received('samir@prospect.example')) {
      expect(message.subject).toMatch(/^AR /);
      expect(String(message.html)).toMatch(/<html[^>]* lang="ar" dir="rtl"/);
    }
    for (const email of ['eva@prospect.example', 'finn@prospect.example'])
      for (const message of await received(email)) {
        expect(message.subject).not.toMatch(/(DE|AR) /);
        expect(String(message.html)).toMatch(/<html[^>]* lang="en"/);
        expect(String(message.html)).not.toContain('dir="rtl"');
      }
    expect(sink.messages).toHaveLength(12);

    // The email in the browser is the variant that was sent.
    const view = new URL(/href="([^"]*\/v\/[^"]*)"/.exec(String(anna[0].html))![1].replace(/&amp;/g, '&'));
    const page = await api.http().get(view.pathname).expect(200);
    expect(page.text).toMatch(/<html[^>]* lang="de"/);
    // Its unsubscribe page speaks the email's language; a link that is not genuine, the browser's.
    const raw = sink.messages.find((m) => m.to.includes('anna@prospect.example'))!.raw.toString();
    const unsubscribe = new URL(/^List-Unsubscribe: <(https?:[^>]+)>/m.exec(raw.split('\r\n\r\n')[0])![1]).pathname;
    const confirm = await api.http().get(unsubscribe).expect(200);
    expect(confirm.text).toMatch(/^<!doctype html><html lang="de">/);
    expect(confirm.text).toContain('<title>Abmelden?</title>');
    expect(confirm.text).toContain('anna@prospect.example erhält dann keine E-Mails mehr von diesem Absender.');
    expect(confirm.text).toContain('>Abmelden</button>');
    const unknown = await api.http().get('/u/nope.nope').set('Accept-Language', 'fr-CA,fr;q=0.9').expect(404);
    expect(unknown.text).toContain('<title>Ce lien n’est pas valide</title>');

    const activity = await api.http().get(`/launches/${launchId}/prospects`).set(as(partner.token)).expect(200);
    expect(
      Object.fromEntries(
        activity.body.items.map((p: { email: string; language: string | null }) => [p.email, p.language]),
      ),
    ).toEqual({
      'anna@prospect.example': 'de',
      'eva@prospect.example': 'en',
      'finn@prospect.example': 'en',
      'samir@prospect.example': 'ar',
    });
  });

  it("has the model translate the draft's emails as drafts a person approves, refusing a dropped placeholder at its segment and sending only the copy", async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { emailsOnly: true });
    const translate = (language: string) =>
      api
        .http()
        .post(`/campaigns/${campaignId}/draft/languages/${language}/machine-translation`)
        .set(as(vendor.marketerToken));

    // The model drops the first placeholder of one segment: refused at that segment, nothing saved.
    const calls = model.calls.length;
    model.reply = (call) => {
      const answer = JSON.parse(defaultReply(call)) as { segments: Record<string, string> };
      const [id] = Object.entries(answer.segments).find(([, text]) => /\{\{[^}]+\}\}/.test(text)) ?? [];
      if (id) answer.segments[id] = answer.segments[id].replace(/\{\{[^}]+\}\}/, '');
      return JSON.stringify(answer);
    };
    const refused = await translate('fr').expect(422);
    model.reply = defaultReply;
    expect(refused.body.errors.length).toBeGreaterThan(0);
    for (const e of refused.body.errors) {
      expect(e.path).toMatch(/^assets\[\d\]\.segments\.(subject|preheader|m\d+)$/);
      expect(e.message).toMatch(/^The placeholder \{\{.+\}\} is missing/);
    }
    expect(await languages(campaignId)).toEqual([]);

    const saved = await translate('fr').expect(200);
    const emails = saved.body.draft.assets.filter((a: { kind: string }) => a.kind === 'email');
    for (const email of emails) {
      expect(email.variants.fr).toMatchObject({ origin: 'machine', subject: expect.stringMatching(/^\[fr\] /) });
      expect(email.variants.fr.review).toBeUndefined();
    }
    const [french] = await languages(campaignId);
    expect(french.emails.map((e) => [e.state, e.origin, e.needsReview])).toEqual([
      ['current', 'machine', true],
      ['current', 'machine', true],
      ['current', 'machine', true],
    ]);
    // Current but not reviewed: publishing would ask for a choice, as for a stale variant.
    expect(french.ready).toBe(false);
    // One call per email and attempt, each recorded for the vendor's admins; no prospect or partner data in any prompt.
    expect(model.calls.length - calls).toBe(6);
    const recorded = await testDb().query(
      "SELECT purpose, status FROM assistant_calls WHERE vendor_id = $1 AND purpose = 'translation'",
      [vendor.vendorId],
    );
    expect(recorded).toHaveLength(6);
    for (const text of model.sentTexts.slice(calls)) {
      expect(text).not.toMatch(/@prospect\.example|Partner Ltd/);
      expect(text).toContain('to fr.');
    }

    // A person reads them and approves: reviewed by that user.
    const approved = await api
      .http()
      .post(`/campaigns/${campaignId}/draft/languages/fr/approval`)
      .set(as(vendor.marketerToken))
      .expect(200);
    for (const a of approved.body.draft.assets.filter((x: { kind: string }) => x.kind === 'email'))
      expect(a.variants.fr.review).toEqual({ by: expect.any(String), at: clock.now().toISOString() });
    const [reviewed] = await languages(campaignId);
    expect(reviewed.emails.every((e) => !e.needsReview)).toBe(true);
    expect(reviewed.ready).toBe(true);
    await api
      .http()
      .post(`/campaigns/${campaignId}/draft/languages/it/approval`)
      .set(as(vendor.marketerToken))
      .expect(404);
  });

  it("carries the social post's copy and the page's words in the XLIFF with the emails, imports them as their German, and has the model draft their French for a person to approve", async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken);
    type Variant = {
      origin: string;
      title: string;
      html: string;
      copy: Record<string, string>;
      image?: unknown;
      review?: unknown;
    };
    type Asset = {
      id: string;
      kind: string;
      name: string;
      title?: string;
      html?: string;
      variants?: Record<string, Variant>;
    };
    const xml = await exported(campaignId, 1, 'de');
    // One file per email, the post and the page; none for the PDF, whose words are its file.
    expect([...xml.matchAll(/<file id="[^"]+" original="([^"]+)">/g)].map((m) => m[1])).toEqual([
      'email 1 — Your files, safe in the cloud',
      'email 2 — Northwind case study',
      'email 3 — Last call',
      'social LinkedIn post',
      'page Registration page',
    ]);
    expect(xml).toContain('<unit id="copy.linkedin">');
    for (const unit of ['title', 'h1', 'label.email', 'consent', 'submit', 'success'])
      expect(xml).toContain(`<unit id="${unit}">`);

    const saved = await importXliff(campaignId, 'de', translate(xml)).expect(200);
    const assets = saved.body.draft.assets as Asset[];
    const post = assets.find((a) => a.kind === 'social')!;
    const page = assets.find((a) => a.kind === 'page')!;
    expect(post.variants!.de).toMatchObject({ origin: 'xliff', savedAt: clock.now().toISOString() });
    expect(post.variants!.de.copy.linkedin).toMatch(/^DE Ransomware does not wait/);
    expect(post.variants!.de.copy.x).toMatch(/^DE Ransomware-proof backup/);
    expect(post.variants!.de.image).toBeUndefined();
    expect(page.variants!.de).toMatchObject({
      origin: 'xliff',
      title: `DE ${page.title}`,
      form: {
        labels: { email: 'DE Work email', first_name: 'DE First name', company: 'DE Company' },
        consentText: expect.stringMatching(/^DE I agree that \{\{partner\.company_name\}\} may contact me/),
        submitLabel: 'DE Book my demo',
        successMessage: expect.stringMatching(/^DE Thank you/),
      },
    });
    expect(page.variants!.de.html).toContain('>DE Book a live demo of Acme Cloud Backup</h1>');
    expect(page.variants!.de.html).toContain('<li>DE Encrypted before it leaves your office</li>');
    // The page's structure is the default's: the form's place, the partner's logo block, every link.
    expect(page.variants!.de.html.match(/\{\{[^}]+\}\}|<div data-tcma-form><\/div>/g)).toEqual(
      page.html!.match(/\{\{[^}]+\}\}|<div data-tcma-form><\/div>/g),
    );
    const [german] = await languages(campaignId);
    expect(german.ready).toBe(true);
    expect(german.assets.map((a) => [a.kind, a.state, a.origin])).toEqual([
      ['pdf', 'missing', null],
      ['social', 'current', 'xliff'],
      ['page', 'current', 'xliff'],
    ]);

    // The model drafts French: one call per email, the post and the page, each a draft to review.
    const calls = model.calls.length;
    const french = await api
      .http()
      .post(`/campaigns/${campaignId}/draft/languages/fr/machine-translation`)
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(model.calls.length - calls).toBe(5);
    expect(model.sentTexts.slice(calls).some((t) => t.includes('Book a live demo of Acme Cloud Backup'))).toBe(true);
    const drafted = french.body.draft.assets as Asset[];
    expect(drafted.find((a) => a.kind === 'social')!.variants!.fr).toMatchObject({ origin: 'machine' });
    expect(drafted.find((a) => a.kind === 'page')!.variants!.fr.title).toBe(`[fr] ${page.title}`);
    const unreviewed = (await languages(campaignId)).find((l) => l.language === 'fr')!;
    expect(unreviewed.ready).toBe(false);
    expect(unreviewed.assets.map((a) => [a.kind, a.needsReview])).toEqual([
      ['pdf', false],
      ['social', true],
      ['page', true],
    ]);
    const publish = () => api.http().post(`/campaigns/${campaignId}/publish`).set(as(vendor.marketerToken)).send({});
    expect((await publish().expect(422)).body.errors).toEqual([
      expect.objectContaining({
        path: 'languages.fr',
        message: expect.stringContaining("LinkedIn post, Registration page a model's draft not yet reviewed"),
      }),
    ]);

    // A person approves: every French draft, emails, post and page, is reviewed by them; published as it is.
    const approved = await api
      .http()
      .post(`/campaigns/${campaignId}/draft/languages/fr/approval`)
      .set(as(vendor.marketerToken))
      .expect(200);
    for (const a of (approved.body.draft.assets as Asset[]).filter((x) => x.kind !== 'pdf'))
      expect(a.variants!.fr.review).toEqual({ by: expect.any(String), at: clock.now().toISOString() });
    const version = await publish().expect(201);
    expect(version.body.content.languageChoices).toBeUndefined();
  });

  it("offers the editors a model's subject lines, preheaders, wordings and post copy, each within its field's limits and placeholders, writing nothing to the draft", async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { publish: false });
    const draft = async () =>
      (await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200)).body as {
        draftRevision: number;
        draft: { assets: Array<{ id: string; kind: string; subject?: string; copy?: Record<string, string> }> };
      };
    const before = await draft();
    const email = before.draft.assets.find((a) => a.kind === 'email')!;
    const social = before.draft.assets.find((a) => a.kind === 'social')!;
    const suggest = (body: Record<string, unknown>) =>
      api.http().post(`/campaigns/${campaignId}/draft/suggestions`).set(as(vendor.marketerToken)).send(body);
    const calls = model.calls.length;

    const subjects = await suggest({ purpose: 'subject_lines', assetId: email.id }).expect(200);
    expect(subjects.body).toMatchObject({ model: 'stub-model', callId: expect.any(String) });
    expect(subjects.body.options).toHaveLength(3);
    for (const option of subjects.body.options) expect(option).toMatch(/^Suggestion \d: subject lines/);
    // What the model was asked: the email's own copy and the campaign's.
    const asked = model.sentTexts.at(-1)!;
    expect(asked).toContain(`Current subject: ${email.subject}`);

    // Options over the field's length, naming a placeholder the email does not hold, or leaving a
    // block open (the email holds {{#if prospect.first_name}}), are left out: the save would refuse them.
    model.reply = () =>
      JSON.stringify({
        options: [
          'Your files, safe {{prospect.first_name}}',
          'A'.repeat(301),
          'Ask {{prospect.salary}} now',
          '{{#if prospect.first_name}}Hi {{prospect.first_name}}',
          'Kept',
        ],
      });
    const preheaders = await suggest({ purpose: 'preheaders', assetId: email.id }).expect(200);
    expect(preheaders.body.options).toEqual(['Your files, safe {{prospect.first_name}}', 'Kept']);

    // A paragraph's other wordings keep each of its placeholders and tags: one that drops one, or adds a tag, is left out.
    model.reply = () =>
      JSON.stringify({
        options: [
          '<b>{{partner.company_name}}</b> keeps a copy.',
          'We keep a copy.',
          '{{partner.company_name}} keeps a copy.',
          'Copies, <i>kept</i> by <b>{{partner.company_name}}</b>.',
          'Copies, kept by <b>{{partner.company_name}}</b>.',
        ],
      });
    const wordings = await suggest({
      purpose: 'rewrite_paragraph',
      assetId: email.id,
      paragraph: '<b>{{partner.company_name}}</b> keeps a copy of every file.',
      instruction: 'shorter',
    }).expect(200);
    expect(wordings.body.options).toEqual([
      '<b>{{partner.company_name}}</b> keeps a copy.',
      'Copies, kept by <b>{{partner.company_name}}</b>.',
    ]);
    expect(model.sentTexts.at(-1)).toContain('Keep its meaning, and its placeholders and markup tags exactly');

    // Post copy within the network's limit as X counts it (280).
    model.reply = () => JSON.stringify({ options: ['Back up every laptop.', 'x'.repeat(281)] });
    const posts = await suggest({ purpose: 'social_copy', assetId: social.id, network: 'x' }).expect(200);
    expect(posts.body.options).toEqual(['Back up every laptop.']);
    model.reply = defaultReply;

    // Refusals at their fields, before any call: no network, an email asked for post copy, no paragraph, an unknown asset.
    const noNetwork = await suggest({ purpose: 'social_copy', assetId: social.id }).expect(400);
    expect(noNetwork.body.errors.map((e: { path: string }) => e.path)).toContain('network');
    const wrongKind = await suggest({ purpose: 'social_copy', assetId: email.id, network: 'linkedin' }).expect(422);
    expect(wrongKind.body.errors).toEqual([{ path: 'assetId', message: 'is not a social asset' }]);
    const noParagraph = await suggest({ purpose: 'rewrite_paragraph', assetId: email.id }).expect(400);
    expect(noParagraph.body.errors.map((e: { path: string }) => e.path)).toContain('paragraph');
    await suggest({ purpose: 'subject_lines', assetId: '00000000-0000-4000-8000-000000000000' }).expect(404);

    // Four calls, each recorded with its purpose; the draft is as it was.
    expect(model.calls.length - calls).toBe(4);
    const ids = [subjects, preheaders, wordings, posts].map((r) => r.body.callId as string);
    const recorded = await testDb().query<Array<{ id: string; purpose: string }>>(
      'SELECT id, purpose FROM assistant_calls WHERE vendor_id = $1 AND id = ANY($2::uuid[])',
      [vendor.vendorId, ids],
    );
    const purposeOf = new Map(recorded.map((r) => [r.id, r.purpose]));
    expect(ids.map((id) => purposeOf.get(id))).toEqual([
      'subject_lines',
      'preheaders',
      'rewrite_paragraph',
      'social_copy',
    ]);
    expect((await draft()).draftRevision).toBe(before.draftRevision);
  });

  it("does the issue's journey: German by a translator and French by the model (reviewed), approved and published once; a partner in Vienna writes its paragraph, the vendor approves it, and each prospect gets its language with that paragraph, once", async () => {
    // A vendor of its own: its publishing needs an approver, which the other tests' vendor does not.
    const acme = await tenants.vendor();
    const approver = await tenants.user(acme.adminToken, {
      email: `approver-${randomUUID().slice(0, 8)}@journey.example`,
      name: 'Ada Approver',
      role: 'vendor_approver',
    });
    const marketer = as(acme.marketerToken);
    await api
      .http()
      .put('/sending')
      .set(as(acme.adminToken))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
      .expect(200);
    const vienna = await tenants.partner(acme, { companyName: 'Vienna Systems', timezone: 'Europe/Vienna' });
    await api
      .http()
      .patch(`/partners/${vienna.partnerId}`)
      .set(as(acme.adminToken))
      .send({ language: 'de-AT' })
      .expect(200);

    // Version 1, in English: the welcome email carries the partner's own paragraph, which the vendor approves.
    const { campaignId, assetIds } = await authorDemoCampaign(api, acme.marketerToken, {
      emailsOnly: true,
      immediate: true,
      publish: false,
      steps: (steps) => steps.slice(0, 1),
    });
    const demo = loadDemo();
    const intro = {
      name: 'intro',
      type: 'text_block',
      label: 'Your introduction',
      required: false,
      maxLength: 300,
      allowLinks: false,
      approval: 'vendor',
      fallback: 'Your Acme partner is here to help.',
    };
    await api
      .http()
      .put(`/campaigns/${campaignId}/slots`)
      .set(marketer)
      .send({ slots: [...demo.manifest.slots, intro] })
      .expect(200);
    const welcome = demo.manifest.emails[0];
    const mjml = demo
      .readText(welcome.file)
      .replace(/(<mj-text>\{\{#if prospect\.first_name\}\}.*?<\/mj-text>)/, '$1\n<mj-text>{{partner.intro}}</mj-text>');
    expect(mjml).toContain('{{partner.intro}}');
    await api
      .http()
      .put(`/campaigns/${campaignId}/assets/email/${assetIds[welcome.key]}`)
      .set(marketer)
      .send({ name: welcome.name, subject: welcome.subject, preheader: welcome.preheader, mjml })
      .expect(200);
    await api.http().post(`/campaigns/${campaignId}/publish`).set(marketer).expect(201);

    // German by a translator (the XLIFF of version 1); French by the model, read and approved by a person.
    const german = translate(await exported(campaignId, 1, 'de', acme.marketerToken));
    await importXliff(campaignId, 'de', german, acme.marketerToken).expect(200);
    await api.http().post(`/campaigns/${campaignId}/draft/languages/fr/machine-translation`).set(marketer).expect(200);
    await api.http().post(`/campaigns/${campaignId}/draft/languages/fr/approval`).set(marketer).expect(200);

    // From now on an approver publishes: the marketer asks, the approver approves, version 2 is published once.
    await api.http().put('/publishing-policy').set(as(acme.adminToken)).send({ approvalRequired: true }).expect(200);
    await api.http().post(`/campaigns/${campaignId}/publish`).set(marketer).expect(403);
    const review = await api.http().post(`/campaigns/${campaignId}/reviews`).set(marketer).send({}).expect(201);
    const approved = await api
      .http()
      .post(`/campaigns/${campaignId}/reviews/${review.body.id}/approve`)
      .set(as(approver.token))
      .send({})
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', publishedVersion: 2 });
    const versions = await api.http().get(`/campaigns/${campaignId}/versions`).set(marketer).expect(200);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v2 = await api.http().get(`/campaigns/${campaignId}/versions/2`).set(marketer).expect(200);
    const email = v2.body.content.assets.find((a: { id: string }) => a.id === assetIds[welcome.key]);
    expect(Object.keys(email.variants).sort()).toEqual(['de', 'fr']);
    expect(email.variants.fr.review).toEqual({ by: expect.any(String), at: expect.any(String) });

    // The partner in Vienna: prospects who read Austrian German, Canadian French, Spanish (no variant) and nothing said.
    const imported = await api
      .http()
      .post(`/partners/${vienna.partnerId}/imports`)
      .set(as(vienna.token))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(
        [
          'email,first_name,language',
          'anna@vienna.example,Anna,de-AT',
          'claire@vienna.example,Claire,fr-CA',
          'eva@vienna.example,Eva,es',
          'finn@vienna.example,Finn,',
        ].join('\r\n'),
      )
      .expect(202);
    await eventually(async () => {
      const res = await api
        .http()
        .get(`/partners/${vienna.partnerId}/imports/${imported.body.id}`)
        .set(as(vienna.token));
      return res.body.status === 'completed' ? true : undefined;
    }, 'the import');

    const paragraph = 'Wir sind Vienna Systems: Ihr Backup-Partner in Wien, seit 1998.';
    const body = {
      campaignId,
      audience: { type: 'all' },
      slotValues: {
        company_name: 'Vienna Systems',
        email: 'hallo@vienna.example',
        website: 'https://vienna.example',
        address: 'Ring 1, 1010 Wien',
        intro: paragraph,
      },
    };
    const preview = await api.http().post('/launches/preview').set(as(vienna.token)).send(body).expect(200);
    expect(
      Object.fromEntries(
        preview.body.languages.map((l: { language: string; prospects: number }) => [l.language, l.prospects]),
      ),
    ).toEqual({ de: 2, fr: 1, en: 1 });
    const launched = await api.http().post('/launches').set(as(vienna.token)).send(body).expect(202);
    expect(launched.body).toMatchObject({ status: 'awaiting_approval', approvalSlots: ['intro'] });
    const launchId: string = launched.body.id;
    await api.http().post(`/launches/${launchId}/approve`).set(as(acme.adminToken)).expect(200);
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launchId}`).set(as(vienna.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);

    const prospects = ['anna', 'claire', 'eva', 'finn'].map((name) => `${name}@vienna.example`);
    const sent = () => sink.messages.filter((m) => prospects.some((p) => m.to.includes(p)));
    await eventually(() => Promise.resolve(sent().length >= 4 ? true : undefined), 'four emails');
    const mails = new Map<string, Awaited<ReturnType<typeof simpleParser>>>();
    for (const prospect of prospects) {
      const to = sent().filter((m) => m.to.includes(prospect));
      expect(to).toHaveLength(1);
      mails.set(prospect.split('@')[0], await simpleParser(to[0].raw));
    }
    const expected = {
      anna: ['de', /^DE /],
      claire: ['fr', /^\[fr\] /],
      eva: ['en', /^Eva, is your business/],
      finn: ['de', /^DE /],
    };
    for (const [name, [language, subject]] of Object.entries(expected) as Array<[string, [string, RegExp]]>) {
      const mail = mails.get(name)!;
      expect(mail.subject).toMatch(subject);
      expect(String(mail.html)).toMatch(new RegExp(`<html[^>]* lang="${language}"`));
      // The partner's own paragraph, approved once, in both parts of every language's email.
      expect(String(mail.html)).toContain(paragraph);
      expect(String(mail.text)).toContain(paragraph);
    }
    const activity = await api.http().get(`/launches/${launchId}/prospects`).set(as(vienna.token)).expect(200);
    expect(
      Object.fromEntries(
        activity.body.items.map((p: { email: string; language: string | null }) => [p.email.split('@')[0], p.language]),
      ),
    ).toEqual({ anna: 'de', claire: 'fr', eva: 'en', finn: 'de' });
  });
});
