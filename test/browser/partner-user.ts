import type { APIRequestContext, APIResponse } from '@playwright/test';
import { randomUUID } from 'node:crypto';

/** The vendor admin's token, which global-setup.ts made. */
export const adminHeaders = () => ({ Authorization: `Bearer ${process.env.TCMA_BROWSER_ADMIN_TOKEN ?? ''}` });

/** The answer's JSON, once its status is the one expected (otherwise the URL, status and body). */
export async function ok<T>(response: Promise<APIResponse>, status: number): Promise<T> {
  const r = await response;
  if (r.status() !== status) throw new Error(`${r.url()} answered ${r.status()}: ${await r.text()}`);
  return (await r.json()) as T;
}

/**
 * A partner and its first user, invited by the vendor admin, with `password` set through the
 * invitation's link (read from the local outbox), then signed in on `api`: its CSRF token.
 */
export async function partnerWithUser(api: APIRequestContext, companyName: string, timezone: string, password: string): Promise<{ partnerId: string; email: string; csrf: string }> {
  const h = adminHeaders();
  const { id: partnerId } = await ok<{ id: string }>(api.post('/partners', { headers: h, data: { companyName, tier: 'gold', region: 'emea', timezone } }), 201);
  const email = `partner-${randomUUID().slice(0, 8)}@audience-test.example`;
  await ok(api.post('/user-invitations', { headers: h, data: { email, role: 'partner_admin', partnerId } }), 201);
  const outbox = await ok<{ items: Array<{ id: string; to: string[] }> }>(api.get('/outbox?limit=50', { headers: h }), 200);
  const message = outbox.items.find((m) => m.to.includes(email));
  if (!message) throw new Error(`no invitation email to ${email}`);
  const raw = (await (await api.get(`/outbox/${message.id}/raw`, { headers: h })).text()).replace(/=\r?\n/g, '');
  const token = /\/invitations\/([\w.-]+)/.exec(raw)?.[1];
  if (!token) throw new Error('no invitation link in the email');
  await ok(api.post('/auth/invitations/accept', { data: { token, name: `${companyName} admin`, password } }), 200);
  const { csrfToken } = await ok<{ csrfToken: string }>(api.post('/auth/sign-in', { data: { email, password } }), 200);
  return { partnerId, email, csrf: csrfToken };
}
