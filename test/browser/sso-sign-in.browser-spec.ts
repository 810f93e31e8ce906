import { randomUUID } from 'node:crypto';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { atPublicHost, expect, expectAccessible, screenshot, signInAtProvider, test, WIDTHS } from './fixtures';
import { admin, ok, withApi } from './seed';

/**
 * A partner's user who has never been here signs in through the vendor's OpenID provider (its
 * own sign-in page, in a child process) from the vendor's sign-in page, is provisioned into the
 * partner its token names, and lands on the portal page the link was for. A refused sign-in
 * comes back to the sign-in page with its reason.
 */

const worker = process.env.TEST_PARALLEL_INDEX ?? '0';
const EXTERNAL_ID = `PRM-BROWSER-${worker}`;
const CONNECTION = `Acme PRM ${worker}`;
let provider: TestOidcProvider;
let slug: string;
let connectionId: string;
let partnerName: string;
const newcomers = WIDTHS.map(() => `sso-${randomUUID().slice(0, 8)}@browser-sso.example`);
const tester = `tester-${randomUUID().slice(0, 8)}@browser-sso.example`;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: atPublicHost() });

test.beforeAll(async () => {
  provider = await startOidcProvider(
    [
      {
        client_id: 'tcma-browser',
        client_secret: 'browser-secret',
        redirect_uris: [`${atPublicHost()}/auth/sso/callback`],
      },
    ],
    {
      ...Object.fromEntries(
        newcomers.map((email, i) => [
          `newcomer${i}`,
          { email, email_verified: true, name: 'Sam Single', prm: EXTERNAL_ID },
        ]),
      ),
      stranger: { email: `stranger-${worker}@browser-sso.example`, email_verified: true, prm: 'PRM-NOBODY' },
      tester: { email: tester, email_verified: true, name: 'Tess Tester', prm: EXTERNAL_ID },
    },
  );
  await withApi(async (api) => {
    slug = (await ok<{ vendor: string }>(api.get('/vendor-brand', { headers: admin() }), 200)).vendor;
    partnerName = `SSO Partner ${worker}-${randomUUID().slice(0, 4)}`;
    await ok(
      api.post('/partners', {
        headers: admin(),
        data: {
          companyName: partnerName,
          tier: 'gold',
          region: 'emea',
          timezone: 'Europe/Berlin',
          externalId: EXTERNAL_ID,
        },
      }),
      201,
    );
    connectionId = (
      await ok<{ id: string }>(
        api.post('/sso-connections', {
          headers: admin(),
          data: {
            name: CONNECTION,
            audience: 'partner_users',
            issuer: provider.issuer,
            clientId: 'tcma-browser',
            clientSecret: 'browser-secret',
            partnerClaim: 'prm',
          },
        }),
        201,
      )
    ).id;
  });
});

test.afterAll(async () => {
  await withApi(async (api) => {
    if (connectionId) await api.delete(`/sso-connections/${connectionId}`, { headers: admin() });
    // The partner keeps its external id unique: another run's partner would clash with it.
    const partners = await ok<{ items: Array<{ id: string }> }>(
      api.get(`/partners?externalId=${EXTERNAL_ID}`, { headers: admin() }),
      200,
    );
    for (const p of partners.items)
      await api.patch(`/partners/${p.id}`, { headers: admin(), data: { externalId: null } });
  });
  await provider?.stop();
});

WIDTHS.forEach((viewport, i) => {
  test(`at ${viewport.width} px: a new partner user signs in through the vendor's provider and lands on the portal page it opened`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/sign-in?vendor=${slug}&next=${encodeURIComponent('/portal/launches')}`);
    const button = page.getByRole('link', { name: `Sign in with ${CONNECTION}` });
    await expect(button).toBeVisible();
    await screenshot(page, 'sso-sign-in');
    await expectAccessible(page);

    await button.click();
    // The provider's own sign-in form (oidc-provider's development page).
    await signInAtProvider(page, `newcomer${i}`);

    await expect(page).toHaveURL(/\/portal\/launches$/);
    await expect(page.getByRole('heading', { level: 1, name: 'My launches' })).toBeVisible();
    const session = (await (await page.request.get('/auth/session')).json()) as {
      signedIn: boolean;
      user: { email: string; role: string };
    };
    expect(session).toMatchObject({ signedIn: true, user: { email: newcomers[i], role: 'partner_user' } });
    await screenshot(page, 'sso-signed-in');
    await page.request.post('/auth/sign-out', {
      headers: {
        'x-csrf-token': ((await (await page.request.get('/auth/session')).json()) as { csrfToken: string }).csrfToken,
      },
    });

    // Someone whose token names no partner of this vendor comes back to sign in, told why (in a
    // browser without the provider's session of the first, which would sign it in at once).
    await page.context().clearCookies();
    await page.goto(`/sign-in?vendor=${slug}`);
    await page.getByRole('link', { name: `Sign in with ${CONNECTION}` }).click();
    await signInAtProvider(page, 'stranger');
    await expect(page).toHaveURL(/\/sign-in\?sso_error=partner$/);
    await expect(page.getByRole('alert')).toContainText('does not name a partner company of this vendor');
    await screenshot(page, 'sso-refused');
    await expectAccessible(page);
  });
});

test('a vendor admin tests the connection from the console: what the provider sent and what signing in would do, nobody signed in', async ({
  page,
}) => {
  await page.setViewportSize(WIDTHS[0]);
  await page.setExtraHTTPHeaders(admin());
  await page.goto('/console/sso');
  const card = page.getByRole('article', { name: CONNECTION });
  await card.getByRole('button', { name: 'Test sign-in' }).click();
  await signInAtProvider(page, 'tester');

  await expect(page).toHaveURL(/\/console\/sso\?tested=/);
  const panel = page.getByRole('region', { name: 'Test sign-in' });
  await expect(panel).toContainText(`A sign-in through ${CONNECTION} would work`);
  await expect(panel).toContainText(`A new account would be created for ${tester} in the partner ${partnerName}`);
  await expect(panel.getByRole('cell', { name: EXTERNAL_ID })).toBeVisible();
  await screenshot(page, 'console-sso-test');
  await expectAccessible(page);
  await page.setViewportSize(WIDTHS[1]);
  await screenshot(page, 'console-sso-test');
  // Nobody was provisioned.
  await withApi(async (api) => {
    const users = await ok<{ items: Array<{ email: string }> }>(api.get('/users?limit=200', { headers: admin() }), 200);
    expect(users.items.map((u) => u.email)).not.toContain(tester);
  });
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(/\/console\/sso$/);
});
