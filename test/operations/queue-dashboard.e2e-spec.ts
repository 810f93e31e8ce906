import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { QUEUE_DASHBOARD_CSP } from '../../apps/api/src/operations/queue-dashboard-csp';
import { CHROMIUM_ARGS, chromiumPath } from '../browser/chromium';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { invitedUser, signedIn } from '../support/accounts';
import { ApiHarness, startApi } from '../support/api-harness';

/**
 * The queue dashboard (bull-board) and the Postgres backlog beside it: the instance
 * operator's tools, there for the admins of INSTANCE_OPERATOR_VENDOR_ID only and 404 for
 * everyone else, with an API token or a browser session.
 */
describe('the queue dashboard', () => {
  let setup: ApiHarness;
  let api: ApiHarness;
  let operator: TestVendor;
  let other: TestVendor;
  let partnerToken: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const PATHS = ['/admin/queues', '/admin/queues/api/queues', '/admin/backlog'];

  beforeAll(async () => {
    setup = await startApi();
    const tenants = new TenantFactory(setup);
    operator = await tenants.vendor();
    other = await tenants.vendor();
    partnerToken = (await tenants.partner(operator)).token;
    api = await startApi({ env: { INSTANCE_OPERATOR_VENDOR_ID: operator.vendorId } });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await setup?.close();
  });

  it("opens for the operator's admins, with an API token", async () => {
    const page = await api
      .http()
      .get('/admin/queues')
      .set(as(operator.adminToken))
      .expect(200)
      .expect('Content-Type', /text\/html/);
    expect(page.text).toContain('TCMA queues');
    expect(page.text).toContain('/admin/backlog');
    const queues = await api.http().get('/admin/queues/api/queues').set(as(operator.adminToken)).expect(200);
    const names = (queues.body.queues as Array<{ name: string; readOnlyMode: boolean }>).map((q) => [
      q.name,
      q.readOnlyMode,
    ]);
    expect(names.sort()).toEqual([
      ['crm', true],
      ['enroll', true],
      ['programmes', true],
      ['render', true],
      ['send', true],
      ['social', true],
      ['webhooks', true],
    ]);
    const backlog = await api.http().get('/admin/backlog').set(as(operator.adminToken)).expect(200);
    expect(backlog.body).toMatchObject({
      dueSteps: expect.any(Number),
      oldestOverdueSeconds: expect.any(Number),
      queueHorizonMs: 600_000,
    });
    expect(backlog.body.queues.map((q: { queue: string }) => q.queue).sort()).toEqual([
      'crm',
      'enroll',
      'programmes',
      'render',
      'send',
      'social',
      'webhooks',
    ]);
  });

  it("opens for the operator's admins in a browser session", async () => {
    const session = await signedIn(api, await invitedUser(api, operator.adminToken, { role: 'vendor_admin' }));
    await api.http().get('/admin/queues').set('Cookie', session.cookie).expect(200);
    await api.http().get('/admin/backlog').set('Cookie', session.cookie).expect(200);
  });

  it("has its own Content-Security-Policy: bull-board's Google Fonts, on this page only", async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const res = await api.http().get(path).set(as(operator.adminToken)).expect(200);
      expect([path, res.headers['content-security-policy']]).toEqual([path, QUEUE_DASHBOARD_CSP]);
    }
    const csp = QUEUE_DASHBOARD_CSP.split(';').map((d) => d.trim());
    expect(csp).toEqual(
      expect.arrayContaining([
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
        "font-src 'self' data: https://fonts.gstatic.com",
        "frame-ancestors 'none'",
      ]),
    );
    // Everywhere else, and for anyone the gate turns away, the API's default.
    const health = await api.http().get('/health').expect(200);
    expect(health.headers['content-security-policy']).not.toContain('googleapis');
    const refused = await api.http().get('/admin/queues').set(as(other.adminToken)).expect(404);
    expect(refused.headers['content-security-policy']).not.toContain('googleapis');
  });

  it('loads in Chromium with nothing blocked by the Content-Security-Policy', async () => {
    const server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ extraHTTPHeaders: as(operator.adminToken) });
      // Never the internet: Google's style sheet is answered here (the policy is checked before any request).
      const external: string[] = [];
      await context.route(/^https:\/\//, (route) => {
        external.push(new URL(route.request().url()).origin);
        return route.fulfill({
          status: 200,
          contentType: route.request().url().includes('googleapis') ? 'text/css' : 'font/woff2',
          body: '',
        });
      });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
      await page.addInitScript(
        "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy: ' + e.violatedDirective + ' blocked ' + e.blockedURI))",
      );
      await page.goto(`${base}/admin/queues`);
      // bull-board's app ran (its scripts) and read the queues from its API (connect-src).
      await page.getByText('TCMA queues').first().waitFor({ timeout: 30_000 });
      await page.getByText('send', { exact: true }).first().waitFor({ timeout: 30_000 });
      expect(violations).toEqual([]);
      expect(external).toContain('https://fonts.googleapis.com');
    } finally {
      await browser.close();
    }
  }, 90_000);

  it("is 404 for another vendor's admin, the operator's other users, a bad token and anyone anonymous", async () => {
    const callers: Array<[string, Record<string, string>]> = [
      ['another vendor admin', as(other.adminToken)],
      ["the operator's marketer", as(operator.marketerToken)],
      ["the operator's partner user", as(partnerToken)],
      ['an unknown token', as(`tcma_${randomUUID()}`)],
      ['anonymous', {}],
    ];
    for (const [who, headers] of callers) {
      for (const path of PATHS) {
        const res = await api.http().get(path).set(headers);
        expect([who, path, res.status]).toEqual([who, path, 404]);
      }
    }
  });

  it('does not exist without INSTANCE_OPERATOR_VENDOR_ID', async () => {
    for (const path of PATHS) await setup.http().get(path).set(as(operator.adminToken)).expect(404);
  });
});
