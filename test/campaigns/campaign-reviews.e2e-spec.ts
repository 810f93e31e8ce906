import { simpleParser } from 'mailparser';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';

/**
 * Publishing through a review (issue 27): where the vendor requires approval, a marketer's
 * publish waits for an approver; approving publishes exactly the revision reviewed; an edit in
 * between voids the review; every step is in the trail with who, when and which revision.
 */
describe('campaign reviews', () => {
  let api: ApiHarness;
  let db: TestDb;
  let vendor: TestVendor;
  let approver: { userId: string; token: string; email: string };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    db = testDb();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor('Reviewed Vendor');
    const email = 'approver@reviewed.example';
    approver = {
      ...(await tenants.user(vendor.adminToken, { email, name: 'Ada Approver', role: 'vendor_approver' })),
      email,
    };
    await api
      .http()
      .put('/publishing-policy')
      .set(as(vendor.marketerToken))
      .send({ approvalRequired: true })
      .expect(403);
    const set = await api
      .http()
      .put('/publishing-policy')
      .set(as(vendor.adminToken))
      .send({ approvalRequired: true })
      .expect(200);
    expect(set.body).toEqual({
      approvalRequired: true,
      mayPublish: true,
      mayEdit: true,
      mayRequestReview: true,
      mayApprove: true,
    });
    const read = await api.http().get('/publishing-policy').set(as(approver.token)).expect(200);
    expect(read.body).toEqual({
      approvalRequired: true,
      mayPublish: false,
      mayEdit: false,
      mayRequestReview: false,
      mayApprove: true,
    });
    const marketer = await api.http().get('/publishing-policy').set(as(vendor.marketerToken)).expect(200);
    expect(marketer.body).toEqual({
      approvalRequired: true,
      mayPublish: false,
      mayEdit: true,
      mayRequestReview: true,
      mayApprove: false,
    });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  const author = () => authorDemoCampaign(api, vendor.marketerToken, { emailsOnly: true, publish: false });
  const request = (campaignId: string, body: object = {}) =>
    api.http().post(`/campaigns/${campaignId}/reviews`).set(as(vendor.marketerToken)).send(body);
  const decide = (campaignId: string, reviewId: string, action: string, token: string, body: object = {}) =>
    api.http().post(`/campaigns/${campaignId}/reviews/${reviewId}/${action}`).set(as(token)).send(body);

  it("holds a marketer's publish for an approver, whose approval publishes exactly the revision reviewed", async () => {
    const { campaignId, assetIds } = await author();
    const refused = await api.http().post(`/campaigns/${campaignId}/publish`).set(as(vendor.marketerToken)).expect(403);
    expect(refused.body.message).toMatch(/through a review/);

    const draft = await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200);
    const asked = await request(campaignId, { note: 'Ready for the spring push' }).expect(201);
    expect(asked.body).toMatchObject({
      campaignId,
      status: 'pending',
      draftRevision: draft.body.revision,
      publishedVersion: null,
    });
    const reviewId: string = asked.body.id;
    await request(campaignId).expect(409);

    // The approvers (the approver and the admin, not the marketer who asked) are told, with a link to the review.
    const outbox = await db.query<Array<{ recipients: string[]; raw: Buffer }>>(
      'SELECT recipients, raw FROM outbox_messages ORDER BY id',
    );
    const mails = [];
    for (const row of outbox) {
      const parsed = await simpleParser(row.raw);
      if (parsed.subject?.endsWith(' is waiting for your review')) mails.push({ to: row.recipients, parsed });
    }
    const [admin] = await db.query<Array<{ email: string }>>(
      "SELECT email FROM users WHERE vendor_id = $1 AND role = 'vendor_admin'",
      [vendor.vendorId],
    );
    expect(mails.map((m) => m.to).sort()).toEqual([[approver.email], [admin.email]].sort());
    const { parsed } = mails.find((m) => m.to.includes(approver.email))!;
    expect(parsed.text).toContain(`/console/campaigns/${campaignId}?review=${reviewId}`);
    expect(parsed.text).toContain(`draft revision ${draft.body.revision}`);

    const waiting = await api.http().get('/campaign-reviews/waiting').set(as(approver.token)).expect(200);
    expect(waiting.body.items).toEqual([
      expect.objectContaining({ id: reviewId, campaignId, draftRevision: draft.body.revision }),
    ]);
    expect(waiting.body.total).toBe(1);

    // The approver reads the draft it reviews, and comments on one email.
    await api.http().get(`/campaigns/${campaignId}/draft/changes`).set(as(approver.token)).expect(200);
    // …and previews it as one of the network's partners would send it.
    await api.http().get('/partners').set(as(approver.token)).expect(200);
    const emailId = Object.values(assetIds)[0];
    const badAsset = await decide(campaignId, reviewId, 'comments', approver.token, {
      body: 'Which one?',
      assetId: '00000000-0000-4000-8000-000000000000',
    }).expect(422);
    expect(badAsset.body.errors).toEqual([expect.objectContaining({ path: 'assetId' })]);
    await decide(campaignId, reviewId, 'comments', approver.token, {
      body: 'Subject reads well',
      assetId: emailId,
    }).expect(200);

    // Only approvers and admins approve.
    await decide(campaignId, reviewId, 'approve', vendor.marketerToken).expect(403);
    const approved = await decide(campaignId, reviewId, 'approve', approver.token, { comment: 'Go' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', publishedVersion: 1 });
    expect(approved.body.events).toEqual([
      expect.objectContaining({
        kind: 'requested',
        body: 'Ready for the spring push',
        by: expect.objectContaining({ id: expect.any(String) }),
      }),
      expect.objectContaining({
        kind: 'commented',
        assetId: emailId,
        by: expect.objectContaining({ email: approver.email }),
      }),
      expect.objectContaining({ kind: 'approved', body: 'Go', by: expect.objectContaining({ email: approver.email }) }),
    ]);
    expect(new Set(approved.body.events.map((e: { draftRevision: number }) => e.draftRevision))).toEqual(
      new Set([draft.body.revision]),
    );

    const versions = await api.http().get(`/campaigns/${campaignId}/versions`).set(as(approver.token)).expect(200);
    expect(versions.body.items).toEqual([expect.objectContaining({ version: 1, publishedBy: approver.userId })]);
    const after = await api.http().get('/campaign-reviews/waiting').set(as(approver.token)).expect(200);
    expect(after.body.total).toBe(0);
  });

  it('voids a review when the draft is edited after it was asked for; a returned draft publishes nothing', async () => {
    const { campaignId } = await author();
    const asked = await request(campaignId).expect(201);
    const edited = await api
      .http()
      .patch(`/campaigns/${campaignId}`)
      .set(as(vendor.marketerToken))
      .send({ description: 'Changed after the review was asked for' })
      .expect(200);

    const review = await api
      .http()
      .get(`/campaigns/${campaignId}/reviews/${asked.body.id}`)
      .set(as(approver.token))
      .expect(200);
    expect(review.body.status).toBe('voided');
    expect(review.body.events.map((e: { kind: string }) => e.kind)).toEqual(['requested', 'voided']);
    expect(review.body.events[1]).toMatchObject({ draftRevision: edited.body.revision });
    const late = await decide(campaignId, asked.body.id, 'approve', approver.token).expect(409);
    expect(late.body.message).toMatch(/no longer waiting: it is voided/);

    // A new review of the edited draft, returned with what to change: nothing is published.
    const again = await request(campaignId).expect(201);
    await decide(campaignId, again.body.id, 'request-changes', approver.token, { comment: '' }).expect(400);
    const returned = await decide(campaignId, again.body.id, 'request-changes', vendor.adminToken, {
      comment: 'Shorter subject, please',
    }).expect(200);
    expect(returned.body).toMatchObject({ status: 'changes_requested', publishedVersion: null });
    await decide(campaignId, again.body.id, 'approve', approver.token).expect(409);

    const all = await api.http().get(`/campaigns/${campaignId}/reviews`).set(as(vendor.marketerToken)).expect(200);
    expect(all.body.map((r: { status: string }) => r.status)).toEqual(['changes_requested', 'voided']);
    const campaign = await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200);
    expect(campaign.body.latestVersion).toBeNull();
  });

  it('publishes once when two approvers approve the same review at the same moment', async () => {
    const { campaignId } = await author();
    const asked = await request(campaignId).expect(201);
    const answers = await Promise.all([
      decide(campaignId, asked.body.id, 'approve', approver.token),
      decide(campaignId, asked.body.id, 'approve', vendor.adminToken),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.message).toMatch(/no longer waiting: it is approved/);
    const versions = await api.http().get(`/campaigns/${campaignId}/versions`).set(as(approver.token)).expect(200);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
    const review = await api
      .http()
      .get(`/campaigns/${campaignId}/reviews/${asked.body.id}`)
      .set(as(approver.token))
      .expect(200);
    expect(review.body.events.map((e: { kind: string }) => e.kind)).toEqual(['requested', 'approved']);
  });

  it('keeps reviews within their vendor, and lets a vendor without the rule publish at once', async () => {
    const tenants = new TenantFactory(api);
    const other = await tenants.vendor('Unreviewed Vendor');
    const { campaignId } = await author();
    const asked = await request(campaignId).expect(201);
    await api.http().get(`/campaigns/${campaignId}/reviews/${asked.body.id}`).set(as(other.adminToken)).expect(404);
    await decide(campaignId, asked.body.id, 'approve', other.adminToken).expect(404);
    const otherWaiting = await api.http().get('/campaign-reviews/waiting').set(as(other.adminToken)).expect(200);
    expect(otherWaiting.body.total).toBe(0);

    const own = await authorDemoCampaign(api, other.marketerToken, { emailsOnly: true, publish: false });
    await api.http().post(`/campaigns/${own.campaignId}/publish`).set(as(other.marketerToken)).expect(201);
  });
});
