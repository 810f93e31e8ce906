import type { Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { consoleArea, expect, expectAccessible, expectConsoleArea, screenshot, test, WIDTHS } from './fixtures';
import {
  admin,
  authorCampaign,
  demoBrandKit,
  invitationToken,
  ok,
  partnerWithUser,
  PASSWORD,
  signIn,
  vendorAdmin,
} from './seed';

/**
 * Getting around: a deep link opened signed out comes back after sign-in (and after accepting an
 * invitation); a partner's pages never offer the console or the developers' links, a vendor
 * admin's do; the launch page shows skeletons, never zeros, until its figures arrive; and a
 * signed-out page or an email preview logs no error and asks nothing of another origin.
 */

interface Seeded {
  campaignId: string;
  campaignName: string;
  partnerId: string;
  partnerEmail: string;
  launchId: string;
  vendorEmail: string;
}

/** An email whose MJML imports a web font: its previews must not fetch it. */
const FONT_EMAIL = `<mjml>
  <mj-head>
    <mj-font name="Lobster" href="https://fonts.googleapis.com/css?family=Lobster" />
    <mj-style>@import url('https://fonts.googleapis.com/css?family=Pacifico');</mj-style>
  </mj-head>
  <mj-body>
    <mj-section><mj-column><mj-text font-family="Lobster, Helvetica, sans-serif">Hello from {{partner.company_name}}, {{partner.address}}. <a href="{{links.unsubscribe}}">Unsubscribe</a></mj-text></mj-column></mj-section>
  </mj-body>
</mjml>`;

let seeded: Seeded;

// Playwright's trace recorder tries to run its own script in the previews' sandboxed frames, and
// Chromium logs each refusal as an error: this file listens for the app's errors without it.
test.use({ trace: 'off' });

test.beforeAll(async () => {
  const baseURL = process.env.TCMA_BROWSER_BASE_URL;
  const api = await playwrightRequest.newContext({ baseURL });
  const partnerApi = await playwrightRequest.newContext({ baseURL });
  try {
    const campaignName = `Deep links ${randomUUID().slice(0, 6)}`;
    const campaignId = await authorCampaign(api, campaignName);
    // A second version with an email that imports web fonts, shown among the campaign's previews.
    await ok(
      api.post(`/campaigns/${campaignId}/assets/email`, {
        headers: admin(),
        data: { name: 'With a web font', subject: 'Fonts', preheader: 'Fonts', mjml: FONT_EMAIL },
      }),
      201,
    );
    await ok(api.post(`/campaigns/${campaignId}/publish`, { headers: admin() }), 201);

    const { partnerId, email } = await partnerWithUser(partnerApi, `Fabrikam ${randomUUID().slice(0, 6)}`, 'UTC');
    const csrf = await signIn(partnerApi, email);
    await demoBrandKit(partnerApi, partnerId, csrf);
    for (const address of ['ada@fabrikam.example', 'bo@fabrikam.example']) {
      await ok(
        partnerApi.post(`/partners/${partnerId}/prospects`, {
          headers: { 'X-CSRF-Token': csrf },
          data: { email: address, company: 'Fabrikam', country: 'PL', timezone: 'Europe/Warsaw' },
        }),
        201,
      );
    }
    const launch = await ok<{ id: string }>(
      partnerApi.post('/launches', {
        headers: { 'X-CSRF-Token': csrf },
        data: { campaignId, audience: { type: 'all' } },
      }),
      202,
    );
    // The figures the launch page shows once they arrive: both prospects enrolled.
    await expect
      .poll(
        async () => (await ok<{ enrolled: number }>(partnerApi.get(`/launches/${launch.id}/progress`), 200)).enrolled,
      )
      .toBe(2);
    const vendorEmail = await vendorAdmin(api);
    seeded = { campaignId, campaignName, partnerId, partnerEmail: email, launchId: launch.id, vendorEmail };
  } finally {
    await api.dispose();
    await partnerApi.dispose();
  }
});

async function signInBrowser(page: Page, email: string): Promise<void> {
  await ok(page.request.post('/auth/sign-in', { data: { email, password: PASSWORD } }), 200);
}

/** Fills the sign-in form and sends it. */
async function signInWithForm(page: Page, email: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** Every link of the page to the console or to the API reference (or any of the engine's developer pages). */
const consoleOrDeveloperLinks = (page: Page) =>
  page.locator('a[href^="/console"], a[href^="/docs"], a[href*="/docs-json"], a[href^="/admin"]');

test.describe('deep links', () => {
  test.use({ viewport: WIDTHS[0] });

  test('a campaign page opened signed out asks to sign in, then opens', async ({ page }) => {
    const deepLink = `/portal/campaigns/${seeded.campaignId}`;
    await page.goto(deepLink);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(deepLink);
    await screenshot(page, 'sign-in-deep-link');
    await expectAccessible(page);

    await signInWithForm(page, seeded.partnerEmail);
    await expect(page).toHaveURL(new RegExp(`${deepLink}$`));
    await expect(page.getByRole('heading', { level: 1, name: seeded.campaignName })).toBeVisible();
  });

  test('a link to another origin is never followed after sign-in', async ({ page }) => {
    await page.goto('/sign-in?next=//evil.example/portal');
    await signInWithForm(page, seeded.partnerEmail);
    // Where a partner's user starts when no page asked for them: the partner home.
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(process.env.TCMA_BROWSER_BASE_URL ?? '').origin);
    expect(new URL(page.url()).pathname).toBe('/portal/home');
  });

  test('a launch page opened signed out is kept through accepting an invitation in the same tab', async ({ page }) => {
    const email = `invitee-${randomUUID().slice(0, 8)}@portal-test.example`;
    await ok(
      page.request.post('/user-invitations', {
        headers: admin(),
        data: { email, role: 'partner_user', partnerId: seeded.partnerId },
      }),
      201,
    );
    const token = await invitationToken(page.request, email);
    if (!token) throw new Error(`no invitation email to ${email}`);

    const deepLink = `/portal/launches/${seeded.launchId}`;
    await page.goto(deepLink);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    // The invitation link, pasted from the email into the same tab.
    await page.goto(`/invitations/${token}`);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ines Invitee');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    // Accepting signs the invitee in, and the deep link opens at once.
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page).toHaveURL(new RegExp(`${deepLink}$`));
    await expect(page.getByRole('heading', { level: 2, name: 'Progress' })).toBeVisible();
  });
});

for (const viewport of WIDTHS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('a partner’s pages offer neither the console nor the developers’ links', async ({ page }) => {
      await signInBrowser(page, seeded.partnerEmail);
      for (const path of ['/', '/portal', `/portal/campaigns/${seeded.campaignId}`, '/portal/launches']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Home/ })).toHaveCount(1);
        await expect(consoleOrDeveloperLinks(page)).toHaveCount(0);
        await expect(page.getByText('Vendor console')).toHaveCount(0);
        await expect(page.getByText('API reference')).toHaveCount(0);
      }
      await page.goto('/');
      await screenshot(page, 'home-partner');
    });

    test('a vendor admin’s navigation offers the console and the API reference', async ({ page }) => {
      await signInBrowser(page, seeded.vendorEmail);
      await page.goto('/');
      // The home page sends a vendor user to the vendor home.
      await expect(page).toHaveURL(/\/console\/home$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: /Vendor console/ })).toHaveAttribute('href', '/console');
      await expect(nav.getByRole('link', { name: /API reference/ })).toHaveAttribute('href', '/docs');
      // Not the portal: that is a partner's, opened in concierge mode from the console.
      await expect(nav.getByRole('link', { name: /Partner portal/ })).toHaveCount(0);
      await screenshot(page, 'home-vendor');
      await expectAccessible(page);
      // The console's eight areas (the settings one of them) keep to one row on a desktop; on a phone
      // they fold behind one button naming where the reader is, so the page's heading stays in view.
      const areas = page.getByRole('navigation', { name: 'Console' });
      const menu = areas.getByRole('button', { name: 'Open the console menu: Home' });
      if (viewport.width < 768) {
        await expect(areas.getByRole('link')).toHaveCount(0);
        await menu.click();
        await expect(areas.getByRole('link')).toHaveCount(8);
        await expect(areas.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute('aria-current', 'page');
        await (await consoleArea(page, 'Partners')).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
        await expect(areas.getByRole('button', { name: 'Open the console menu: Partners' })).toBeVisible();
      } else {
        await expect(menu).toHaveCount(0);
        await expect(areas.getByRole('link')).toHaveCount(8);
        // One row: every area's link sits on the first's line.
        const tops = await areas
          .getByRole('link')
          .evaluateAll((links) => links.map((l) => l.getBoundingClientRect().top));
        expect(new Set(tops).size).toBe(1);
      }
      // The settings page leads to each setting, which is then the settings area's.
      await (await consoleArea(page, 'Settings')).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      const settings = page.getByRole('main').getByRole('list').getByRole('link');
      await expect(settings).toHaveText(['Webhooks', 'CRM', 'Sending', 'Host names', 'Single sign-on', 'Brand']);
      await screenshot(page, 'console-settings');
      await expectAccessible(page);
      await settings.filter({ hasText: 'Sending' }).click();
      await expect(page).toHaveURL(/\/console\/sending$/);
      await expectConsoleArea(page, 'Settings');
    });
  });
}

test.describe('at 375 px', () => {
  test.use({ viewport: WIDTHS[0] });

  test('the launch page shows skeletons, not zeros, until its figures arrive', async ({ page }) => {
    await signInBrowser(page, seeded.partnerEmail);
    // The figures' answer is held until the test lets it go.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/launches/${seeded.launchId}/progress`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/portal/launches/${seeded.launchId}`);
    const progress = page.getByRole('region', { name: 'Progress' });
    const enrolled = progress.getByRole('group', { name: 'Enrolled' });
    await expect(enrolled).toBeVisible();
    await expect(enrolled).toHaveAttribute('aria-busy', 'true');
    await expect(progress.getByRole('group')).toHaveCount(8);
    await expect(progress.getByText(/^0$/)).toHaveCount(0);
    await screenshot(page, 'launch-loading');

    release();
    await expect(enrolled).toHaveAttribute('aria-busy', 'false');
    await expect(enrolled).toContainText('2');
    await screenshot(page, 'launch-figures');
  });
});

for (const viewport of WIDTHS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('a toast never covers the page heading', async ({ page }) => {
      await signInBrowser(page, seeded.partnerEmail);
      await page.goto('/portal/brand-kit');
      const heading = page.getByRole('heading', { level: 1, name: 'Brand kit' });
      await expect(heading).toBeVisible();
      await page.getByRole('button', { name: 'Save the brand kit' }).click();
      const toast = page.locator('.mantine-Notification-root', { hasText: 'Your brand kit is saved' });
      await expect(toast).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      // Toasts are fixed to the window: compare where they are on screen, the page at its top. The
      // page's heading is its h1 and the app's header above it (the account menu, the navigation).
      const t = await toast.boundingBox();
      if (!t) throw new Error('the toast has no box');
      for (const [name, box] of [
        ['the h1', await heading.boundingBox()],
        ['the header', await page.getByRole('banner').boundingBox()],
      ] as const) {
        if (!box) throw new Error(`${name} has no box`);
        const overlaps =
          box.x < t.x + t.width && t.x < box.x + box.width && box.y < t.y + t.height && t.y < box.y + box.height;
        expect(overlaps, `the toast ${JSON.stringify(t)} covers ${name} ${JSON.stringify(box)}`).toBe(false);
      }
      await screenshot(page, 'toast');
    });
  });
}

test.describe('quiet pages', () => {
  test.use({ viewport: WIDTHS[1] });

  /**
   * Console errors, failed requests and requests to another server, as the page (and its frames)
   * meet them. The engine is the browser's address or the public address it writes into emails
   * and previews (localhost here, the same server).
   */
  function listen(page: Page): string[] {
    const problems: string[] = [];
    const engine = new Set(['127.0.0.1', 'localhost']);
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) =>
      problems.push(`failed: ${request.url()} (${request.failure()?.errorText ?? ''})`),
    );
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && !engine.has(url.hostname)) problems.push(`elsewhere: ${request.url()}`);
    });
    return problems;
  }

  test('the sign-in page, signed out, logs no error and fails no request', async ({ page }) => {
    const problems = listen(page);
    const session = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/session');
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect((await session).status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  test('email previews import no web font and break no rule of their own policy', async ({ page }) => {
    const problems = listen(page);
    await signInBrowser(page, seeded.partnerEmail);
    await page.goto(`/portal/campaigns/${seeded.campaignId}`);
    await expect(page.getByRole('heading', { level: 1, name: seeded.campaignName })).toBeVisible();
    const frame = page.frameLocator('iframe[title="With a web font: desktop preview"]');
    await expect(frame.getByText('Hello from')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
});
