import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { publishTxt, requireDnsZone } from './dns-zone';
import {
  atPublicHost,
  expect,
  expectAccessible,
  portalArea,
  screenshot,
  shootAtWidths,
  signInAtProvider,
  signInWithPassword,
  tabTo,
  test,
  WIDTHS,
} from './fixtures';
import { admin, ok, partnerWithUser, PASSWORD, signIn as apiSignIn, withApi } from './seed';

/**
 * A partner brings its own identity provider: its admin, in the portal, claims the company's
 * email domain, which the DNS server global-setup.ts started proves (the TXT record published in
 * its zone file), and adds the company's own OpenID provider (a child process with its own sign-in
 * page). On the sign-in page a colleague types an address of that domain, is offered "Sign in
 * with …" that provider, signs in there and lands in the portal. An address outside the proven
 * domain is refused with the reason in words.
 */

const worker = process.env.TEST_PARALLEL_INDEX ?? '0';
const DOMAIN = `partner-sso-${worker}-${randomUUID().slice(0, 6)}.example`;
const CONNECTION = `Northwind Entra ${worker}`;
const colleagues = WIDTHS.map(() => `ana-${randomUUID().slice(0, 8)}@${DOMAIN}`);
let provider: TestOidcProvider;
let slug: string;
let partnerAdmin: string;
let partnerName: string;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: atPublicHost() });

test.beforeAll(async () => {
  requireDnsZone();
  provider = await startOidcProvider(
    [
      {
        client_id: 'northwind',
        client_secret: 'northwind-secret',
        redirect_uris: [`${atPublicHost()}/auth/sso/callback`],
      },
    ],
    {
      ...Object.fromEntries(
        colleagues.map((email, i) => [`colleague${i}`, { email, email_verified: true, name: 'Ana' }]),
      ),
      tester: { email: `tess-${worker}@${DOMAIN}`, email_verified: true, name: 'Tess' },
      // The partner's provider vouches for an address of a domain the partner has not proven.
      outsider: { email: `eve-${worker}@elsewhere-${worker}.example`, email_verified: true, name: 'Eve' },
    },
  );
  await withApi(async (api) => {
    slug = (await ok<{ vendor: string }>(api.get('/vendor-brand', { headers: admin() }), 200)).vendor;
    partnerName = `Northwind ${worker}-${randomUUID().slice(0, 4)}`;
    partnerAdmin = (await partnerWithUser(api, partnerName, 'Europe/Berlin')).email;
  });
});

test.afterAll(async () => {
  await provider?.stop();
});

const domainCard = (page: Page) => page.getByRole('article', { name: DOMAIN });
const connectionCard = (page: Page) => page.getByRole('article', { name: CONNECTION });

test("a partner admin proves the company's email domain and adds its own OpenID provider in the portal", async ({
  page,
}) => {
  await page.setViewportSize(WIDTHS[1]);
  await signInWithPassword(page, partnerAdmin, PASSWORD);
  await (await portalArea(page, 'Account')).click();
  const setUp = page.getByRole('link', { name: 'Set up single sign-on' });
  await expect(setUp).toBeVisible();
  await expectAccessible(page);
  await setUp.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Single sign-on' })).toBeVisible();
  await expect(page.getByText('No email domain yet')).toBeVisible();
  await expect(page.getByText('No connection yet')).toBeVisible();

  // The domain: claimed, pending with its record, then verified once the record is published.
  await page.getByLabel('Email domain', { exact: true }).fill(DOMAIN);
  await page.getByRole('button', { name: 'Claim the domain' }).click();
  await expect(domainCard(page).getByText('Pending', { exact: true })).toBeVisible();
  const record = await withApi(async (api) => {
    await apiSignIn(api, partnerAdmin);
    const { items } = await ok<{ items: Array<{ domain: string; txtRecord: { name: string; value: string } }> }>(
      api.get('/email-domains'),
      200,
    );
    return items.find((d) => d.domain === DOMAIN)!.txtRecord;
  });
  await expect(domainCard(page)).toContainText(record.name);
  await expect(domainCard(page)).toContainText(record.value);
  await screenshot(page, 'portal-sso-pending');
  await expectAccessible(page);
  await expect(async () => {
    publishTxt({ [record.name]: [record.value] });
    await domainCard(page).getByRole('button', { name: 'Check now' }).click();
    await expect(domainCard(page).getByText('Verified', { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass();

  // The connection: OpenID Connect, no audience nor partner claim to give.
  const form = page.getByRole('form', { name: 'Add a connection' });
  await expect(form.getByLabel('Who signs in')).toHaveCount(0);
  await expect(form.getByLabel('Partner claim')).toHaveCount(0);
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(CONNECTION);
  await form.getByLabel('Issuer URL').fill(provider.issuer);
  await form.getByLabel('Client ID').fill('northwind');
  await form.getByRole('textbox', { name: 'Client secret' }).fill('northwind-secret');
  await form.getByRole('button', { name: 'Add the connection' }).click();
  await expect(connectionCard(page).getByText('Enabled', { exact: true }).first()).toBeVisible();
  await expect(connectionCard(page)).toContainText(`${atPublicHost()}/auth/sso/callback`);
  await expect(connectionCard(page)).toContainText('Your company’s users');
  await shootAtWidths(page, 'portal-sso');
});

test('the partner admin tests its connection: back on its page, what the provider sent and what signing in would do', async ({
  page,
}) => {
  await page.setViewportSize(WIDTHS[0]);
  await signInWithPassword(page, partnerAdmin, PASSWORD);
  await page.goto('/portal/sso');
  await connectionCard(page).getByRole('button', { name: 'Test sign-in' }).click();
  await signInAtProvider(page, 'tester');

  await expect(page).toHaveURL(/\/portal\/sso\?tested=/);
  const panel = page.getByRole('region', { name: 'Test sign-in' });
  await expect(panel).toContainText(`A sign-in through ${CONNECTION} would work`);
  await expect(panel).toContainText(
    `A new account would be created for tess-${worker}@${DOMAIN} in the partner ${partnerName}, with the role partner user.`,
  );
  await shootAtWidths(page, 'portal-sso-test');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL(/\/portal\/sso$/);
});

WIDTHS.forEach((viewport, i) => {
  test(`at ${viewport.width} px: a colleague types an address of the proven domain, signs in with the company's provider and lands in the portal`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/sign-in?vendor=${slug}&next=${encodeURIComponent('/portal/launches')}`);
    const button = page.getByRole('link', { name: `Sign in with ${CONNECTION}` });
    // An address being typed asks for nothing; the whole address offers the company's provider.
    await page.getByRole('textbox', { name: 'Email' }).fill(`ana@${DOMAIN.slice(0, 8)}`);
    await expect(button).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Email' }).fill(colleagues[i]);
    await expect(button).toBeVisible();
    await expect(page.getByText('Your company signs in with its own identity provider')).toBeVisible();
    await screenshot(page, 'sign-in-discovered');
    await expectAccessible(page);

    // By keyboard: the button is the next stop after the address.
    await page.getByRole('textbox', { name: 'Email' }).focus();
    await tabTo(page, button, 1);
    await page.keyboard.press('Enter');
    await signInAtProvider(page, `colleague${i}`);
    await expect(page).toHaveURL(/\/portal\/launches$/);
    await expect(page.getByRole('heading', { level: 1, name: 'My launches' })).toBeVisible();
    const session = (await (await page.request.get('/auth/session')).json()) as {
      user: { email: string; role: string };
    };
    expect(session.user).toMatchObject({ email: colleagues[i], role: 'partner_user' });
  });
});

test("an address outside the partner's proven domains is refused, told why in words", async ({ page }) => {
  await page.setViewportSize(WIDTHS[0]);
  await page.goto(`/sign-in?vendor=${slug}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(`someone@${DOMAIN}`);
  await page.getByRole('link', { name: `Sign in with ${CONNECTION}` }).click();
  await signInAtProvider(page, 'outsider');
  await expect(page).toHaveURL(/\/sign-in\?sso_error=domain$/);
  await expect(page.getByRole('alert')).toContainText('This address is not of a domain your company has proven');
  await shootAtWidths(page, 'sign-in-refused-domain');
});
