import { isDeepStrictEqual } from 'node:util';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { connectLinkedIn } from '../support/posting-accounts';
import { startOidcProvider } from '../support/oidc-provider';
import { SocialStubs, startSocialStubs } from '../support/social-stubs';

type Body = Record<string, unknown>;
type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }
    >
  >;
  components: { schemas: Record<string, { required?: string[] }> };
};

/** What each creating operation answers its resource by: its id, or for a published version its number. */
const CREATES: Record<string, 'id' | 'version'> = {
  createUser: 'id',
  createToken: 'id',
  createPartner: 'id',
  createCampaign: 'id',
  duplicateCampaign: 'id',
  publishCampaign: 'version',
  requestCampaignReview: 'id',
  addEmailAsset: 'id',
  addPdfAsset: 'id',
  addSocialAsset: 'id',
  addPageAsset: 'id',
  uploadFile: 'id',
  createProspect: 'id',
  createList: 'id',
  startImport: 'id',
  createLaunch: 'id',
  addSuppression: 'id',
  createWebhook: 'id',
  inviteUser: 'id',
  createProgramme: 'id',
  createProgrammeSubscription: 'id',
  createSocialPost: 'id',
  createVendorHostName: 'id',
  createEmailDomain: 'id',
  createSsoConnection: 'id',
};

/** The POSTs that create no resource of their own, and why. A new POST must be listed in one of the two. */
const NOT_CREATING: Record<string, string> = {
  generateScimToken: 'a new SCIM token replacing the previous one: a secret shown once, nothing to read back',
  validateCampaign: 'a check of the draft',
  archiveCampaign: 'a change of state of the campaign it answers',
  restoreCampaign: 'a change of state of the campaign it answers',
  checkDraftEmail: 'a check with a preview, nothing stored',
  checkDraftPage: 'a check with a preview, nothing stored',
  checkDraftSocialCopy: 'a measurement of the copy, nothing stored',
  generateDraftLanguageTranslation:
    "an edit of the draft's emails (their variants in a language), answering the campaign",
  approveDraftLanguage: "a change of state of the draft's variants in a language, answering the campaign",
  previewDraftTimeline: 'a dry run, nothing stored',
  resendSenderConfirmation: 'mails a link again',
  confirmSender: 'a signed link’s confirmation page',
  addListMembers: 'memberships of existing prospects in an existing list, which have no id of their own',
  previewLaunch: 'a dry run, nothing stored',
  pauseLaunch: 'a change of state of the launch it answers',
  resumeLaunch: 'a change of state of the launch it answers',
  cancelLaunch: 'a change of state of the launch it answers',
  approveLaunch: 'a change of state of the launch it answers (the approved texts are remembered with it)',
  requestLaunchChanges: 'a change of state of the launch it answers',
  generateTextBlockSuggestions: "a machine's suggestions, nothing stored but the call's record",
  generateDraftSuggestions: "a machine's suggestions, nothing stored but the call's record",
  generateVendorDkimKey: 'a new key inside the vendor’s sending settings (one per vendor, answered whole)',
  checkVendorDns: 'a check of DNS, nothing stored',
  unsubscribeOneClick: 'RFC 8058 one-click: answers the mail client, not a resource',
  unsubscribeByPreference: 'a suppression at the chosen level through a signed link, answered as a confirmation page',
  recordConversion: 'conversion events on the prospect’s launches, answered as what they changed',
  updateLeadStatus: 'a change of state of the lead it answers',
  replayWebhookDelivery: 'the same delivery, queued again',
  startSocialConnection:
    'an authorization address; the connection is made by the network’s redirect (GET /social/callback/{network})',
  startCrmConnection:
    'an authorization address; the connection is made by the CRM’s redirect (GET /crm/callback/{provider})',
  replayCrmRecord: 'the same record, queued again',
  startSsoTest: 'an address to send the admin’s browser to; nothing is stored until the provider answers',
  signIn: 'authentication: the session is the cookie (GET /auth/session answers it)',
  completeSamlSignIn:
    "a SAML identity provider's sign-in: the session is the cookie, the answer a redirect (the assertion id is kept only against replays)",
  signOut: 'ends a session',
  signOutEverywhere: 'ends sessions',
  requestPasswordReset: 'mails a link, saying nothing about whether the account exists',
  resetPassword: 'a change of password through a signed link',
  previewInvitation: 'reads an invitation through its signed link',
  acceptInvitation: 'an unauthenticated caller accepting a link: answered with the account to sign in with',
  exportPersonalData:
    'the data held about an address, answered whole (the request is recorded, listed at GET /data-requests)',
  deletePersonalData: 'an erasure, answered as what it removed (the request is recorded, listed at GET /data-requests)',
  updateWebhookEnabled: 'a change of state of the webhook it answers',
  skipPendingLaunch: 'a change of state of the pending launch it answers',
  startPendingLaunch: 'a change of state of the pending launch it answers (its launch is read at /launches)',
  startCurrentProgrammeVersions:
    'starts the current versions of a subscription’s campaigns: answers their pending launches (a list, each read at /pending-launches), idempotent',
  confirmProgrammeAction: 'a signed link’s confirmation page acting on a pending launch',
  checkVendorHostName: 'a DNS check of the host name it answers (verified, or the reason it is not)',
  checkEmailDomain: 'a DNS check of the email domain it answers (verified, or the reason it is not)',
  addCampaignReviewComment: 'a step of a review’s trail, answering the review',
  approveCampaignReview: 'a decision on a review, answering it with the version it published',
  requestCampaignReviewChanges: 'a decision on a review, answering it',
  remindPartner:
    'mails an idle partner’s users a campaign to launch, answered as what was sent (GET /vendor-home shows when: lastRemindedAt)',
  confirmReminderAction:
    'a signed link’s confirmation page launching the reminder’s campaign (its launch is read at /launches)',
};

/**
 * "Every create returns the created resource": each POST that creates something answers it
 * whole, with its id, as reading it afterwards shows it; and the API's document says so.
 */
describe('creating resources', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let doc: OpenApi;
  let stubs: SocialStubs;
  const demo = loadDemo();
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    stubs = await startSocialStubs();
    api = await startApi({ env: stubs.env() });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
    await connectLinkedIn(api, partner.token);
    doc = (await api.http().get('/docs-json').expect(200)).body;
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await stubs?.stop();
  });

  const posts = () => Object.values(doc.paths).flatMap((methods) => (methods.post ? [methods.post] : []));

  it('lists every POST of the API as creating a resource or not', () => {
    const unlisted = posts()
      .map((op) => op.operationId)
      .filter((id) => id in CREATES === id in NOT_CREATING);
    expect(unlisted).toEqual([]);
    const documented = new Set(posts().map((op) => op.operationId));
    expect([...Object.keys(CREATES), ...Object.keys(NOT_CREATING)].filter((id) => !documented.has(id))).toEqual([]);
  });

  it('documents one success answer for each creating POST: the resource, with its id required', () => {
    const wrong: string[] = [];
    for (const op of posts().filter((o) => o.operationId in CREATES)) {
      const successes = Object.entries(op.responses).filter(([code]) => code.startsWith('2'));
      const ref = successes[0]?.[1].content?.['application/json']?.schema.$ref;
      const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
      if (
        successes.length !== 1 ||
        !['201', '202'].includes(successes[0][0]) ||
        !schema?.required?.includes(CREATES[op.operationId])
      ) {
        wrong.push(
          `${op.operationId}: ${successes.map(([code, r]) => `${code} ${r.content?.['application/json']?.schema.$ref ?? '-'}`).join(', ')}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers each creating POST with the resource, as reading it afterwards shows it', async () => {
    const admin = as(vendor.adminToken);
    const marketer = as(vendor.marketerToken);
    const own = as(partner.token);
    const upload = async (file: string): Promise<{ id: string } & Body> =>
      (await api.http().post('/files').set(marketer).attach('file', demo.read(file), file.split('/').pop()).expect(201))
        .body;
    /** The created body must hold every field the resource is read with, with the same value. */
    const checked: string[] = [];
    const same = (operationId: string, created: Body, read: Body | undefined, extra: string[] = []) => {
      const identifier = CREATES[operationId];
      expect([operationId, typeof created[identifier]]).toEqual([
        operationId,
        identifier === 'id' ? 'string' : 'number',
      ]);
      expect([operationId, read === undefined]).toEqual([operationId, false]);
      const differing = Object.keys(read!).filter(
        (k) => !extra.includes(k) && !isDeepStrictEqual(created[k], read![k]),
      );
      expect([operationId, differing]).toEqual([operationId, []]);
      checked.push(operationId);
    };
    const item = (items: Body[], id: unknown) => items.find((i) => i.id === id);

    const user = (
      await api
        .http()
        .post('/users')
        .set(admin)
        .send({ email: 'new-user@vendor.example', name: 'New User', role: 'vendor_marketer' })
        .expect(201)
    ).body;
    same('createUser', user, (await api.http().get(`/users/${user.id}`).set(admin).expect(200)).body);

    const token = (await api.http().post('/tokens').set(admin).send({ name: 'created' }).expect(201)).body;
    expect(token.token).toEqual(expect.any(String));
    same('createToken', token, item((await api.http().get('/tokens').set(admin).expect(200)).body.items, token.id));

    const newPartner = (
      await api
        .http()
        .post('/partners')
        .set(admin)
        .send({ companyName: 'Created Partner', tier: 'gold', region: 'emea' })
        .expect(201)
    ).body;
    same('createPartner', newPartner, (await api.http().get(`/partners/${newPartner.id}`).set(admin).expect(200)).body);

    const campaign = (await api.http().post('/campaigns').set(marketer).send({ name: 'Created' }).expect(201)).body;
    same(
      'createCampaign',
      campaign,
      (await api.http().get(`/campaigns/${campaign.id}`).set(marketer).expect(200)).body,
    );

    const copy = (await api.http().post(`/campaigns/${campaign.id}/duplicate`).set(marketer).expect(201)).body;
    same('duplicateCampaign', copy, (await api.http().get(`/campaigns/${copy.id}`).set(marketer).expect(200)).body);

    const file = await upload('one-pager.pdf');
    same('uploadFile', file, (await api.http().get(`/files/${file.id}`).set(marketer).expect(200)).body);

    // Each kind of asset, read back from the campaign's draft.
    const m = demo.manifest;
    // The demo's emails fill its slots and links: the draft declares them first.
    await api.http().put(`/campaigns/${campaign.id}/slots`).set(marketer).send({ slots: m.slots }).expect(200);
    await api.http().put(`/campaigns/${campaign.id}/links`).set(marketer).send({ links: m.links }).expect(200);
    const draftAsset = async (id: unknown) =>
      item((await api.http().get(`/campaigns/${campaign.id}`).set(marketer).expect(200)).body.draft.assets, id);
    const email = (
      await api
        .http()
        .post(`/campaigns/${campaign.id}/assets/email`)
        .set(marketer)
        .send({
          name: m.emails[0].name,
          subject: m.emails[0].subject,
          preheader: m.emails[0].preheader,
          mjml: demo.readText(m.emails[0].file),
        })
        .expect(201)
    ).body;
    same('addEmailAsset', email, await draftAsset(email.id));
    const pdf = (
      await api
        .http()
        .post(`/campaigns/${campaign.id}/assets/pdf`)
        .set(marketer)
        .send({ name: m.pdfs[0].name, fileId: file.id, slots: [] })
        .expect(201)
    ).body;
    same('addPdfAsset', pdf, await draftAsset(pdf.id));
    const image = await upload(m.social[0].file);
    const social = (
      await api
        .http()
        .post(`/campaigns/${campaign.id}/assets/social`)
        .set(marketer)
        .send({ name: m.social[0].name, fileId: image.id, slots: [], copy: {} })
        .expect(201)
    ).body;
    same('addSocialAsset', social, await draftAsset(social.id));
    const page = (
      await api
        .http()
        .post(`/campaigns/${campaign.id}/assets/page`)
        .set(marketer)
        .send({ name: 'Page', title: 'Welcome', html: '<p>Welcome</p>' })
        .expect(201)
    ).body;
    same('addPageAsset', page, await draftAsset(page.id));

    const reviewed = await authorDemoCampaign(api, vendor.marketerToken, { publish: false, name: 'To review' });
    const review = (await api.http().post(`/campaigns/${reviewed.campaignId}/reviews`).set(marketer).expect(201)).body;
    same(
      'requestCampaignReview',
      review,
      (await api.http().get(`/campaigns/${reviewed.campaignId}/reviews/${review.id}`).set(marketer).expect(200)).body,
    );

    const authored = await authorDemoCampaign(api, vendor.marketerToken, { publish: false, name: 'To publish' });
    const version = (await api.http().post(`/campaigns/${authored.campaignId}/publish`).set(marketer).expect(201)).body;
    same(
      'publishCampaign',
      version,
      (await api.http().get(`/campaigns/${authored.campaignId}/versions/${version.version}`).set(marketer).expect(200))
        .body,
    );

    const base = `/partners/${partner.partnerId}`;
    const prospect = (
      await api
        .http()
        .post(`${base}/prospects`)
        .set(own)
        .send({ email: 'created@prospect.example', firstName: 'Cree' })
        .expect(201)
    ).body;
    same(
      'createProspect',
      prospect,
      (await api.http().get(`${base}/prospects/${prospect.id}`).set(own).expect(200)).body,
    );

    const list = (await api.http().post(`${base}/lists`).set(own).send({ name: 'Created' }).expect(201)).body;
    same('createList', list, item((await api.http().get(`${base}/lists`).set(own).expect(200)).body.items, list.id));

    const imported = (
      await api
        .http()
        .post(`${base}/imports`)
        .set(own)
        .set('Content-Type', 'text/csv')
        .send('email\nimported@prospect.example\n')
        .expect(202)
    ).body;
    // Read at once, before the worker (none here) would start it: the same queued import.
    same('startImport', imported, (await api.http().get(`${base}/imports/${imported.id}`).set(own).expect(200)).body);

    const slotValues = {
      company_name: 'P Ltd',
      email: 'p@partner.example',
      website: 'https://p.example',
      address: '1 Main St, Springfield',
    };
    const launch = (
      await api
        .http()
        .post('/launches')
        .set(own)
        .send({ campaignId: authored.campaignId, audience: { type: 'all' }, slotValues })
        .expect(202)
    ).body;
    // The launch's view adds its progress figures (stats) when read on its own.
    same('createLaunch', launch, (await api.http().get(`/launches/${launch.id}`).set(own).expect(200)).body, ['stats']);

    const socialPost = (
      await api
        .http()
        .post('/social-posts')
        .set(own)
        .send({ campaignId: authored.campaignId, networks: ['linkedin'], slotValues })
        .expect(201)
    ).body;
    same(
      'createSocialPost',
      socialPost,
      (await api.http().get(`/social-posts/${socialPost.id}`).set(own).expect(200)).body,
    );

    const suppression = (
      await api.http().post('/suppressions').set(own).send({ email: 'Created@Prospect.example' }).expect(201)
    ).body;
    same(
      'addSuppression',
      suppression,
      item((await api.http().get('/suppressions').set(own).expect(200)).body.items, suppression.id),
    );

    const webhook = (
      await api
        .http()
        .post('/webhooks')
        .set(admin)
        .send({ url: 'https://crm.vendor.example/hook', eventTypes: ['lead_created'] })
        .expect(201)
    ).body;
    expect(webhook.secret).toEqual(expect.any(String));
    same(
      'createWebhook',
      webhook,
      item((await api.http().get('/webhooks').set(admin).expect(200)).body.items, webhook.id),
    );

    const invitation = (
      await api
        .http()
        .post('/user-invitations')
        .set(admin)
        .send({ email: 'invited@vendor.example', role: 'vendor_marketer' })
        .expect(201)
    ).body;
    same(
      'inviteUser',
      invitation,
      item((await api.http().get('/user-invitations').set(admin).expect(200)).body.items, invitation.id),
    );

    const programme = (
      await api.http().post('/programmes').set(marketer).send({ name: 'Created programme' }).expect(201)
    ).body;
    same(
      'createProgramme',
      programme,
      (await api.http().get(`/programmes/${programme.id}`).set(marketer).expect(200)).body,
    );
    const subscription = (
      await api
        .http()
        .post(`/programmes/${programme.id}/subscriptions`)
        .set(own)
        .send({ audience: { type: 'all' } })
        .expect(201)
    ).body;
    same(
      'createProgrammeSubscription',
      subscription,
      (await api.http().get(`/programme-subscriptions/${subscription.id}`).set(own).expect(200)).body,
    );

    const hostName = (
      await api.http().post('/vendor-host-names').set(admin).send({ host: 'partners.created.example' }).expect(201)
    ).body;
    same(
      'createVendorHostName',
      hostName,
      item((await api.http().get('/vendor-host-names').set(admin).expect(200)).body.items, hostName.id),
    );

    const emailDomain = (
      await api.http().post('/email-domains').set(admin).send({ domain: 'created.example' }).expect(201)
    ).body;
    same(
      'createEmailDomain',
      emailDomain,
      item((await api.http().get('/email-domains').set(admin).expect(200)).body.items, emailDomain.id),
    );

    const provider = await startOidcProvider([], {});
    try {
      const connection = (
        await api
          .http()
          .post('/sso-connections')
          .set(admin)
          .send({
            name: 'Created PRM',
            audience: 'vendor_users',
            issuer: provider.issuer,
            clientId: 'c',
            clientSecret: 's',
          })
          .expect(201)
      ).body;
      same(
        'createSsoConnection',
        connection,
        item((await api.http().get('/sso-connections').set(admin).expect(200)).body.items, connection.id),
      );
    } finally {
      await provider.stop();
    }

    expect(checked.sort()).toEqual(Object.keys(CREATES).sort());
  });
});
