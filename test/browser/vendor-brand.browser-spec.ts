import type { Locator, Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { consoleSetting, expect, expectAccessible, screenshot, test, WIDTHS } from './fixtures';
import { admin, ok, partnerWithUser, PASSWORD, vendorAdmin } from './seed';

/**
 * The vendor's own brand (issue 25): a vendor admin sets its name, colour and logo in the
 * console's Brand page; its partners then see them in the portal's header and buttons, and so
 * does the sign-in page whose address names the vendor.
 */

const LOGO = path.resolve(__dirname, '../../templates/acme-cloud-backup/partners/northwind-logo.png');
const NAME = `Harbor Partner Hub ${randomUUID().slice(0, 4)}`;
const TEAL = '#0f766e';
const TEAL_RGB = 'rgb(15, 118, 110)';

let adminEmail: string;
let partner: { partnerId: string; email: string };
let slug: string;

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    adminEmail = await vendorAdmin(api);
    partner = await partnerWithUser(api, `Northwind IT ${randomUUID().slice(0, 6)}`, 'Europe/Warsaw');
    slug = (await ok<{ vendor: string }>(api.get('/vendor-brand', { headers: admin() }), 200)).vendor;
  } finally {
    await api.dispose();
  }
});

// The worker's vendor is shared by the other specs of this worker: its brand goes back to none.
test.afterAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    await ok(api.put('/vendor-brand', { headers: admin(), data: {} }), 200);
    await ok(api.delete('/vendor-brand/logo', { headers: admin() }), 200);
  } finally {
    await api.dispose();
  }
});

async function signIn(page: Page, email: string, address = '/sign-in'): Promise<void> {
  await page.goto(address);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

/** The page at both widths: a screenshot and axe at each. Ends at the wide one. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    // The navigation has settled (a drawer off screen on a phone) before the picture is taken.
    const home = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Home/ });
    if (viewport.width < 768) await expect(home).not.toBeInViewport();
    else await expect(home).toBeInViewport({ ratio: 1 });
    // …and has finished sliding (the drawer's transition), so the picture shows where it rests.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `vendor-brand-${name}`);
    await expectAccessible(page);
  }
}

const background = (button: Locator) => button.evaluate((el) => getComputedStyle(el).backgroundColor);

/** The header's link home, with the vendor's logo inside it. */
const brandedHome = (page: Page) => page.getByRole('banner').getByRole('link', { name: `${NAME} home` });

test.describe.serial('vendor brand', () => {
  test.use({ viewport: WIDTHS[1] });

  test('a vendor admin sets the name, colour and logo in the console, with a live preview', async ({ page }) => {
    await signIn(page, adminEmail);
    await page.goto('/console');
    await (await consoleSetting(page, 'Brand')).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Brand' })).toBeVisible();
    // The console keeps the engine's own look for the vendor's users.
    await expect(page.getByRole('link', { name: 'TCMA home' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Display name' }).fill(NAME);
    const preview = page.getByTestId('brand-preview');
    await expect(preview.getByText(NAME)).toBeVisible();
    await page.getByRole('textbox', { name: 'Primary colour' }).fill(TEAL);
    await page.getByRole('textbox', { name: 'Support email' }).fill('partners@harbor.example');
    await page.getByRole('textbox', { name: 'Support page' }).fill('http://harbor.example/help');
    await page.getByRole('button', { name: 'Save the brand' }).click();
    // The API's refusal, at its field; nothing saved.
    await expect(page.getByText('must be an https URL')).toBeVisible();
    await page.getByRole('textbox', { name: 'Support page' }).fill('https://harbor.example/help');
    await page.getByRole('button', { name: 'Save the brand' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Your brand is saved.' })).toBeVisible();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a logo' }).click();
    await (await chooser).setFiles(LOGO);
    await expect(page.getByRole('img', { name: `${NAME} logo` })).toBeVisible();
    await expect(preview.getByTestId('preview-button')).toHaveCSS('background-color', TEAL_RGB);
    for (const message of ['Your brand is saved.', 'The new logo is saved.']) {
      const toast = page.getByRole('alert').filter({ hasText: message });
      if (await toast.isVisible()) await toast.getByRole('button', { name: 'Dismiss' }).click();
    }
    await shoot(page, 'console');

    const stored = await ok<{ displayName: string; colors: { primary: string }; logo: unknown; supportUrl: string }>(
      page.request.get('/vendor-brand'),
      200,
    );
    expect(stored).toMatchObject({
      displayName: NAME,
      colors: { primary: TEAL },
      logo: expect.anything(),
      supportUrl: 'https://harbor.example/help',
    });
  });

  test("a partner's portal shows the vendor's logo, name and colour", async ({ page }) => {
    await signIn(page, partner.email);
    await page.goto('/portal/brand-kit');
    await expect(page.getByRole('heading', { level: 1, name: 'Brand kit' })).toBeVisible();
    await expect(brandedHome(page)).toBeVisible();
    await expect(brandedHome(page).getByRole('img')).toHaveCount(0); // decorative: the name is beside it
    await expect(brandedHome(page).locator('img')).toBeVisible();
    // Read from the page as drawn: the primary (filled) button takes the vendor's colour.
    expect(await background(page.getByRole('button', { name: 'Save the brand kit' }))).toBe(TEAL_RGB);
    await expect(page).toHaveTitle(`Brand kit · ${NAME}`);
    await expect(page.getByText('TCMA')).toHaveCount(0);
    await shoot(page, 'portal');
  });

  test('the sign-in page whose address names the vendor is in its brand; without it, in the engine’s', async ({
    page,
  }) => {
    await page.goto(`/sign-in?vendor=${slug}`);
    await expect(brandedHome(page)).toBeVisible();
    expect(await background(page.getByRole('form', { name: 'Sign in' }).getByRole('button', { name: 'Sign in' }))).toBe(
      TEAL_RGB,
    );
    await expect(page).toHaveTitle(`Sign in · ${NAME}`);
    await shoot(page, 'sign-in');
    // The tab keeps the vendor through the flow's own pages.
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(brandedHome(page)).toBeVisible();

    await page.context().clearCookies();
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/sign-in');
    await expect(page.getByRole('link', { name: 'TCMA home' })).toBeVisible();
  });
});
