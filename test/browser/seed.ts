import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';

/** What the browser specs set up through the API before driving the pages: the vendor admin's token, partners and their users, the demo campaign. */

export const PASSWORD = 'a long portal passphrase';
/** The worker running this test (Playwright's TEST_PARALLEL_INDEX: 0 up to the number of workers). */
const worker = () => Number(process.env.TEST_PARALLEL_INDEX ?? 0);
/** The email of the admin of worker `index`'s vendor (global-setup.ts makes one vendor per worker). */
export const browserAdminEmail = (index: number) =>
  index === 0 ? 'admin@browser-test.example' : `admin-${index + 1}@browser-test.example`;
/** This worker's vendor admin: its email, and its API token as a header. */
export const adminEmail = () => browserAdminEmail(worker());
export const adminToken = () => (process.env.TCMA_BROWSER_ADMIN_TOKENS ?? '').split(',')[worker()] ?? '';
export const admin = () => ({ Authorization: `Bearer ${adminToken()}` });

/** The response's JSON when it has the expected status; otherwise fails with what the API answered. */
export async function ok<T>(response: Promise<APIResponse>, status: number): Promise<T> {
  const r = await response;
  if (r.status() !== status) throw new Error(`${r.url()} answered ${r.status()}: ${await r.text()}`);
  return (await r.json()) as T;
}

/** Authors and publishes the demo campaign through the API, its first email going at once; with `page`, its registration page too; with `emailsOnly`, its emails alone. */
export async function authorCampaign(
  api: APIRequestContext,
  name: string,
  options: { page?: boolean; emailsOnly?: boolean } = {},
): Promise<string> {
  const demo = loadDemo();
  const m = demo.manifest;
  const h = admin();
  const upload = async (file: string) =>
    (
      await ok<{ id: string }>(
        api.post('/files', {
          headers: h,
          multipart: {
            file: {
              name: file.split('/').pop() ?? file,
              mimeType: file.endsWith('.pdf') ? 'application/pdf' : 'image/png',
              buffer: demo.read(file),
            },
          },
        }),
        201,
      )
    ).id;
  const { id } = await ok<{ id: string }>(
    api.post('/campaigns', {
      headers: h,
      data: { name, description: m.description, tags: m.tags, language: m.language, eligibility: m.eligibility },
    }),
    201,
  );
  await ok(api.put(`/campaigns/${id}/slots`, { headers: h, data: { slots: m.slots } }), 200);
  await ok(api.put(`/campaigns/${id}/links`, { headers: h, data: { links: m.links } }), 200);
  const assets: Record<string, string> = {};
  for (const e of m.emails)
    assets[e.key] = (
      await ok<{ id: string }>(
        api.post(`/campaigns/${id}/assets/email`, {
          headers: h,
          data: { name: e.name, subject: e.subject, preheader: e.preheader, mjml: demo.readText(e.file) },
        }),
        201,
      )
    ).id;
  for (const p of options.emailsOnly ? [] : m.pdfs)
    assets[p.key] = (
      await ok<{ id: string }>(
        api.post(`/campaigns/${id}/assets/pdf`, {
          headers: h,
          data: { name: p.name, fileId: await upload(p.file), slots: p.slots },
        }),
        201,
      )
    ).id;
  for (const s of options.emailsOnly ? [] : m.social)
    assets[s.key] = (
      await ok<{ id: string }>(
        api.post(`/campaigns/${id}/assets/social`, {
          headers: h,
          data: { name: s.name, fileId: await upload(s.file), slots: s.slots, copy: s.copy },
        }),
        201,
      )
    ).id;
  if (options.page && m.page) {
    const { key, file, ...page } = m.page;
    assets[key] = (
      await ok<{ id: string }>(
        api.post(`/campaigns/${id}/assets/page`, { headers: h, data: { ...page, html: demo.readText(file) } }),
        201,
      )
    ).id;
  }
  // The first email goes as soon as the launch starts, whatever the hour; the others keep the demo's waits and windows.
  const steps = m.sequence.steps.map((s, i) => ({
    id: s.id,
    emailAssetId: assets[s.email],
    wait: i === 0 ? { type: 'duration', minutes: 0 } : s.wait,
    window: i === 0 ? null : (s.window ?? null),
  }));
  await ok(api.put(`/campaigns/${id}/sequence`, { headers: h, data: { steps, exit: m.sequence.exit } }), 200);
  await ok(api.post(`/campaigns/${id}/publish`, { headers: h }), 201);
  await ok(api.patch(`/campaigns/${id}/catalogue`, { headers: h, data: { promoted: true } }), 200);
  return id;
}

/** A partner and its first user, invited by the vendor admin, with a password set through the invitation. */
export async function partnerWithUser(
  api: APIRequestContext,
  companyName: string,
  timezone: string,
): Promise<{ partnerId: string; email: string }> {
  const h = admin();
  const { id: partnerId } = await ok<{ id: string }>(
    api.post('/partners', { headers: h, data: { companyName, tier: 'gold', region: 'emea', timezone } }),
    201,
  );
  const email = `partner-${randomUUID().slice(0, 8)}@portal-test.example`;
  await ok(api.post('/user-invitations', { headers: h, data: { email, role: 'partner_admin', partnerId } }), 201);
  await acceptInvitation(api, email, `${companyName} admin`);
  return { partnerId, email };
}

/** The token of the invitation link emailed to `email`, from the outbox; undefined while none has arrived. */
export async function invitationToken(api: APIRequestContext, email: string): Promise<string | undefined> {
  const h = admin();
  const outbox = await ok<{ items: Array<{ id: string; to: string[] }> }>(
    api.get('/outbox?limit=50', { headers: h }),
    200,
  );
  const message = outbox.items.find((m) => m.to.includes(email));
  if (!message) return undefined;
  const raw = (await (await api.get(`/outbox/${message.id}/raw`, { headers: h })).text()).replace(/=\r?\n/g, '');
  return /\/invitations\/([\w.-]+)/.exec(raw)?.[1];
}

/** Accepts the invitation emailed to `email`, setting the shared password. */
async function acceptInvitation(api: APIRequestContext, email: string, name: string): Promise<void> {
  const token = await invitationToken(api, email);
  if (!token) throw new Error(`no invitation email with a link to ${email}`);
  const accepted = await ok<{ csrfToken: string | null }>(
    api.post('/auth/invitations/accept', { data: { token, name, password: PASSWORD } }),
    200,
  );
  // Accepting signs the new user in: the seed ends that session, so the user's sessions are the
  // ones its test makes, and this request context stays as it was.
  if (accepted.csrfToken) {
    const out = await api.post('/auth/sign-out', { headers: { 'X-CSRF-Token': accepted.csrfToken } });
    if (out.status() !== 204) throw new Error(`/auth/sign-out answered ${out.status()}: ${await out.text()}`);
  }
}

/** A vendor admin who signs in with a password (the bootstrap admin has only a token). */
export async function vendorAdmin(api: APIRequestContext): Promise<string> {
  const email = `vendor-${randomUUID().slice(0, 8)}@browser-test.example`;
  await ok(api.post('/user-invitations', { headers: admin(), data: { email, role: 'vendor_admin' } }), 201);
  await acceptInvitation(api, email, 'Vera Vendor');
  return email;
}

/** Signs in with the partner's password; returns the CSRF token for the API calls that change something. */
export async function signIn(api: APIRequestContext, email: string): Promise<string> {
  return (await ok<{ csrfToken: string }>(api.post('/auth/sign-in', { data: { email, password: PASSWORD } }), 200))
    .csrfToken;
}

/** A vendor marketer (authors campaigns, no partner or sending administration) who signs in with a password. */
export async function vendorMarketer(api: APIRequestContext): Promise<string> {
  return vendorUser(api, 'marketer', 'vendor_marketer', 'Mira Marketer');
}

/** A vendor approver (reads campaigns, approves or returns their reviews) who signs in with a password. */
export async function vendorApprover(api: APIRequestContext): Promise<string> {
  return vendorUser(api, 'approver', 'vendor_approver', 'Ada Approver');
}

async function vendorUser(api: APIRequestContext, prefix: string, role: string, name: string): Promise<string> {
  const email = `${prefix}-${randomUUID().slice(0, 8)}@browser-test.example`;
  await ok(api.post('/user-invitations', { headers: admin(), data: { email, role } }), 201);
  await acceptInvitation(api, email, name);
  return email;
}

/** The demo's first partner's brand kit (Northwind IT: its address, colours and logo) on a partner, set by its signed-in user. */
export async function demoBrandKit(api: APIRequestContext, partnerId: string, csrf: string): Promise<void> {
  const demo = loadDemo();
  const { logo, ...kit } = demo.manifest.partners[0].brandKit;
  const h = { 'X-CSRF-Token': csrf };
  await ok(api.put(`/partners/${partnerId}/brand-kit`, { headers: h, data: kit }), 200);
  await ok(
    api.put(`/partners/${partnerId}/brand-kit/logo`, {
      headers: h,
      multipart: { file: { name: 'logo.png', mimeType: 'image/png', buffer: demo.read(logo) } },
    }),
    200,
  );
}

/** A request context of its own at the engine (no browser's cookies), disposed after `use`. */
export async function withApi<T>(use: (api: APIRequestContext) => Promise<T>): Promise<T> {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    return await use(api);
  } finally {
    await api.dispose();
  }
}
