import { request as playwrightRequest, type Page } from '@playwright/test';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { consoleSetting, expect, expectAccessible, screenshot, test, WIDTHS } from './fixtures';
import { admin, ok } from './seed';

/**
 * The vendor admin's single sign-on connections against the real engine: one whose issuer the
 * engine cannot reach is refused at the issuer field; one with the test OpenID provider as its
 * issuer is added, shows the redirect URI to register (copied as it is), is switched off and on,
 * then removed.
 */

interface SsoConnection {
  id: string;
  name: string;
  enabled: boolean;
  redirectUris: string[];
}

const NAME = `Acme PRM ${process.env.TEST_PARALLEL_INDEX ?? 0}`;

async function withApi<T>(use: (api: Awaited<ReturnType<typeof playwrightRequest.newContext>>) => Promise<T>) {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    return await use(api);
  } finally {
    await api.dispose();
  }
}

const list = () =>
  withApi((api) => ok<{ items: SsoConnection[] }>(api.get('/sso-connections', { headers: admin() }), 200));

/** This worker's vendor starts and ends without connections and requiring none: other specs share it. */
async function removeAll(): Promise<void> {
  await withApi(async (api) => {
    await ok(
      api.put('/sso-requirement', {
        headers: admin(),
        data: { ssoRequiredVendorUsers: false, ssoRequiredPartnerUsers: false },
      }),
      200,
    );
    const { items } = await ok<{ items: SsoConnection[] }>(api.get('/sso-connections', { headers: admin() }), 200);
    for (const c of items) await api.delete(`/sso-connections/${c.id}`, { headers: admin() });
    await api.delete('/scim-token', { headers: admin() });
  });
}

const card = (page: Page) => page.getByRole('article', { name: NAME });

let provider: TestOidcProvider | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await removeAll();
  provider = await startOidcProvider([], {});
});
test.afterAll(async () => {
  await removeAll();
  await provider?.stop();
});

test('a vendor admin adds a single sign-on connection (refused at the issuer, then added), copies its redirect URI, switches it off and removes it', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize(WIDTHS[1]);
  await page.setExtraHTTPHeaders(admin());
  await page.goto('/console');
  await (await consoleSetting(page, 'Single sign-on')).click();
  await expect(page).toHaveURL(/\/console\/sso$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Single sign-on' })).toBeVisible();
  await expect(page.getByText('No connection yet')).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a connection' });
  // The partner claim is asked for partners' users only.
  await expect(form.getByLabel('Partner claim')).toHaveCount(0);
  await form.getByRole('combobox', { name: 'Who signs in' }).click();
  await page.getByRole('option', { name: 'Your partners’ users' }).click();
  await expect(form.getByLabel('Partner claim')).toBeVisible();
  await form.getByRole('combobox', { name: 'Who signs in' }).click();
  await page.getByRole('option', { name: 'Your own users' }).click();
  await expect(form.getByLabel('Partner claim')).toHaveCount(0);

  // An issuer the engine cannot reach: the API's refusal shows at the field.
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(NAME);
  await form.getByLabel('Issuer URL').fill('http://127.0.0.1:9');
  await form.getByLabel('Client ID').fill('tcma-portal');
  await form.getByRole('textbox', { name: 'Client secret' }).fill('s3cret-s3cret');
  await form.getByRole('button', { name: 'Add the connection' }).click();
  const issuer = form.getByLabel('Issuer URL');
  await expect(issuer).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/discovery document could not be read/)).toBeVisible();
  await expect(page.getByText('No connection yet')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'console-sso-refused');
  await expectAccessible(page);

  // The test provider answers: added, the form emptied.
  await issuer.fill(provider!.issuer);
  await form.getByLabel('Role claim (optional)').fill('groups');
  await form.getByRole('button', { name: 'Add the connection' }).click();
  await expect(card(page)).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('');
  await expect(issuer).not.toHaveAttribute('aria-invalid', 'true');
  const [added] = (await list()).items;
  expect(added.redirectUris.length).toBeGreaterThan(0);
  await expect(card(page)).toContainText('Your own users');
  await expect(card(page)).toContainText(provider!.issuer);
  await expect(card(page)).toContainText('tcma-portal');
  await expect(card(page)).toContainText('groups');
  for (const uri of added.redirectUris) await expect(card(page)).toContainText(uri);

  // The redirect URI copies as it is.
  const copy = card(page)
    .getByRole('button', { name: /^Copy the redirect URI/ })
    .first();
  await copy.click();
  await expect(card(page).getByRole('button', { name: /^redirect URI( 1)? copied$/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(added.redirectUris[0]);
  await expect(copy).toHaveText('Copy');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'console-sso');
  await expectAccessible(page);

  // Off, then on again: the engine keeps it.
  const enabled = card(page).getByRole('switch', { name: 'Enabled' });
  await expect(enabled).toBeChecked();
  await enabled.click({ force: true });
  await expect(enabled).not.toBeChecked();
  await expect(card(page).getByText('Disabled', { exact: true })).toBeVisible();
  await expect.poll(async () => (await list()).items[0].enabled).toBe(false);
  await enabled.click({ force: true });
  await expect(enabled).toBeChecked();
  await expect.poll(async () => (await list()).items[0].enabled).toBe(true);

  // Requiring single sign-on of partners' users, with no connection for them: refused at its switch.
  // Of the vendor's users, whom this connection signs in: required, and the connection then stays on.
  const partners = page.getByRole('switch', { name: 'Your partners’ users' });
  await partners.click({ force: true });
  await expect(page.getByText(/needs an enabled connection for your partners' users first/)).toBeVisible();
  await expect(partners).not.toBeChecked();
  const vendorUsers = page.getByRole('switch', { name: 'Your users' });
  await vendorUsers.click({ force: true });
  await expect(vendorUsers).toBeChecked();
  await enabled.click({ force: true });
  await expect(card(page).getByText(/is the last enabled connection for your users/)).toBeVisible();
  await expect(enabled).toBeChecked();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'console-sso-required');
  await expectAccessible(page);
  await vendorUsers.click({ force: true });
  await expect(vendorUsers).not.toBeChecked();

  await page.setViewportSize(WIDTHS[0]);
  await expect(card(page)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'console-sso');
  await expectAccessible(page);

  // Removing asks first.
  await card(page).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove this connection?' });
  await expect(dialog).toContainText(NAME);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Remove the connection' }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page)).toHaveCount(0);
  await expect(page.getByText('No connection yet')).toBeVisible();
  expect((await list()).items).toHaveLength(0);
});

test('a vendor admin turns SCIM provisioning on (the token shown once, and working) and off again', async ({
  page,
}) => {
  await page.setViewportSize(WIDTHS[0]);
  await page.setExtraHTTPHeaders(admin());
  await page.goto('/console/sso');
  const panel = page.getByRole('region', { name: 'Provisioning (SCIM)' });
  await expect(panel.getByText('Off', { exact: true })).toBeVisible();
  await expect(panel).toContainText('/scim/v2');
  await panel.getByRole('button', { name: 'Generate a token' }).click();
  await expect(panel.getByText('Copy the token now: it is shown only this once')).toBeVisible();
  await expect(panel.getByText('On', { exact: true })).toBeVisible();
  const token = (await panel.locator('pre', { hasText: 'scim_' }).textContent())?.trim() ?? '';
  expect(token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
  // The identity provider's view: the token lists this vendor's users.
  const users = await page.request.get('/scim/v2/Users?count=1', { headers: { Authorization: `Bearer ${token}` } });
  expect(users.status()).toBe(200);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'console-scim');
  await expectAccessible(page);

  await panel.getByRole('button', { name: 'Turn SCIM off' }).click();
  await expect(panel.getByText('Off', { exact: true })).toBeVisible();
  await expect(panel.getByText(/shown only this once/)).toHaveCount(0);
  const refused = await page.request.get('/scim/v2/Users', { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});
