import type { Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { consoleArea, expect, expectAccessible, screenshot, test, WIDTHS } from './fixtures';
import { admin, authorCampaign, demoBrandKit, ok, partnerWithUser, PASSWORD, signIn, vendorAdmin } from './seed';

/**
 * The social calendars: the portal's (a partner's own posts) and the console's (every partner's),
 * reachable signed in, readable at every width, accessible; and "Post to social" from a
 * campaign's page, at a local time, through to both calendars, where the vendor cancels it only
 * in concierge mode.
 */

let email: string;
/** A second partner in Warsaw with the demo brand kit and LinkedIn connected (through the stub network). */
let poster: { partnerId: string; email: string; companyName: string };
let campaignId: string;
let campaignName: string;
let vendorEmail: string;

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    ({ email } = await partnerWithUser(api, `Calendar ${randomUUID().slice(0, 6)}`, 'Europe/Warsaw'));
    campaignName = `Social ${randomUUID().slice(0, 6)}`;
    campaignId = await authorCampaign(api, campaignName);
    const companyName = `Poster ${randomUUID().slice(0, 6)}`;
    poster = { ...(await partnerWithUser(api, companyName, 'Europe/Warsaw')), companyName };
    vendorEmail = await vendorAdmin(api);
    // Signed in as the poster (this context keeps its session cookie): its brand kit, then LinkedIn,
    // connected as a partner does: the engine's authorization, the stub network's redirect back to the callback.
    const csrf = await signIn(api, poster.email);
    await demoBrandKit(api, poster.partnerId, csrf);
    const started = await ok<{ authorizationUrl: string }>(
      api.post('/social-connections/linkedin/start', { headers: { 'X-CSRF-Token': csrf } }),
      200,
    );
    const authorization = await fetch(started.authorizationUrl, { redirect: 'manual' });
    const back = new URL(authorization.headers.get('location') ?? '');
    const callback = await api.get(`${back.pathname}${back.search}`, { maxRedirects: 0 });
    expect(callback.status()).toBe(302);
    const connections = await ok<{ items: Array<{ network: string; status: string }> }>(
      api.get('/social-connections'),
      200,
    );
    expect(connections.items).toEqual([expect.objectContaining({ network: 'linkedin', status: 'active' })]);
  } finally {
    await api.dispose();
  }
});

async function signInAs(page: Page, who: string): Promise<void> {
  await page.goto('/sign-in');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(who);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

/** Screenshots at a phone's width and a desktop's, each checked with axe. */
async function shoot(page: Page, name: string, framed = false): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    // The navigation slides in when the window widens: the picture is taken once it stands still.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
    await expectAccessible(page, { frames: !framed });
  }
}

test('a partner opens its social calendar, empty until it posts', async ({ page }) => {
  await page.setViewportSize(WIDTHS[1]);
  await signInAs(page, email);

  await page.goto('/portal/social/calendar');
  await expect(page.getByRole('heading', { level: 1, name: 'Social calendar' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No social posts yet' })).toBeVisible();
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    // The navigation slides in when the window widens: the picture is taken once it stands still.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'portal-social-calendar-empty');
    await expectAccessible(page);
  }
  await page.getByRole('link', { name: 'Open the catalogue' }).click();
  await expect(page).toHaveURL(/\/portal$/);
});

test('a partner posts a campaign to LinkedIn at a local time; it shows in its calendar and in the vendor’s console', async ({
  page,
  browser,
}) => {
  test.setTimeout(50_000); // twice its quiet CI time (20.2 s): see docs/contributing.md
  // Two sign-ins, two calendars, pictures and axe at two widths each: longer than one page's test.
  // Two days from now at 09:30 in Warsaw (the partner's zone, not the browser's London).
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const when = `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))}, 09:30`;

  await page.setViewportSize(WIDTHS[1]);
  await signInAs(page, poster.email);
  await page.goto(`/portal/campaigns/${campaignId}`);
  await page.getByRole('button', { name: 'Post to social' }).click();
  const dialog = page.getByRole('dialog', { name: 'Post to social' });
  await expect(dialog.getByRole('checkbox', { name: 'LinkedIn' })).toBeChecked();
  await dialog.getByLabel('Publish at').fill(`${day}T09:30`);
  await shoot(page, 'portal-post-to-social', true);
  await dialog.getByRole('button', { name: 'Schedule post' }).click();
  await expect(dialog.getByText('The post is scheduled.')).toBeVisible();
  await dialog.getByRole('link', { name: 'Open the social calendar' }).click();

  await expect(page).toHaveURL(/\/portal\/social\/calendar$/);
  const mine = page.getByRole('listitem', { name: `${campaignName}, ${when}` });
  await expect(mine).toBeVisible();
  await expect(mine.getByText(`Due ${when} (Europe/Warsaw)`)).toBeVisible();
  await expect(mine.getByText('LinkedIn: Scheduled')).toBeVisible();
  await shoot(page, 'portal-social-calendar-scheduled');

  // The vendor's console: every partner's posts, this one under its partner's name at the same local time.
  const vendor = await browser.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    const consolePage = await vendor.newPage();
    await consolePage.setViewportSize(WIDTHS[1]);
    await signInAs(consolePage, vendorEmail);
    await consolePage.goto('/console');
    await (await consoleArea(consolePage, 'Social')).click();
    await expect(consolePage).toHaveURL(/\/console\/social\/calendar$/);
    await expect(consolePage.getByRole('heading', { level: 1, name: 'Social calendar' })).toBeVisible();
    const row = consolePage.getByRole('listitem', { name: `${poster.companyName}: ${campaignName}, ${when}` });
    await expect(row).toBeVisible();
    // One partner's posts only: the calendar's other partner posted nothing.
    await consolePage
      .getByRole('textbox', { name: 'Partner' })
      .or(consolePage.getByRole('combobox', { name: 'Partner' }))
      .click();
    await consolePage.getByRole('option', { name: poster.companyName, exact: true }).click();
    await expect(consolePage).toHaveURL(new RegExp(`partner=${poster.partnerId}`));
    await expect(consolePage.getByRole('listitem')).toHaveCount(1);
    await expect(row.getByText(`Due ${when} (Europe/Warsaw)`)).toBeVisible();
    await expect(row.getByText('LinkedIn: Scheduled')).toBeVisible();
    // No cancel as the vendor itself; concierge mode (audited, emailed) offers it.
    await expect(row.getByRole('button', { name: 'Cancel post' })).toHaveCount(0);
    // The switch follows the address (?concierge=1), which React Router changes in a transition:
    // the box is unchecked again for a moment after the click, so check() (which reads it at once) fails.
    const conciergeSwitch = consolePage.getByRole('switch', { name: /^Concierge mode/ });
    await conciergeSwitch.click();
    await expect(conciergeSwitch).toBeChecked();
    await expect(consolePage).toHaveURL(/[?&]concierge=1/);
    await expect(row.getByRole('button', { name: 'Cancel post' })).toBeVisible();
    await shoot(consolePage, 'console-social-calendar');
    await row.getByRole('button', { name: 'Cancel post' }).click();
    const confirm = consolePage.getByRole('dialog', { name: `Cancel this post acting for ${poster.companyName}?` });
    await expect(confirm.getByText(/recorded in .* audit log with your name/)).toBeVisible();
    await expectAccessible(consolePage);
    await confirm.getByRole('button', { name: 'Cancel the post' }).click();
    await expect(row.getByText('LinkedIn: Cancelled')).toBeVisible();
    // Audited: the partner's concierge log names the post and who cancelled it…
    const log = await ok<{ items: Array<{ userEmail: string; method: string; action: string | null }> }>(
      consolePage.request.get(`/partners/${poster.partnerId}/concierge-accesses`),
      200,
    );
    expect(log.items).toContainEqual(
      expect.objectContaining({
        userEmail: vendorEmail,
        method: 'DELETE',
        action: expect.stringMatching(
          new RegExp(`^Cancelled the scheduled social post \\S+ \\(${campaignName} on LinkedIn, due `),
        ),
      }),
    );
    // …and the partner's user is told by email.
    await expect
      .poll(async () =>
        (
          await ok<{ items: Array<{ to: string[]; subject: string }> }>(
            consolePage.request.get('/outbox?limit=100', { headers: admin() }),
            200,
          )
        ).items
          .filter((m) => m.to.includes(poster.email))
          .map((m) => m.subject),
      )
      .toContainEqual(expect.stringMatching(/cancelled your scheduled LinkedIn post/));
  } finally {
    await vendor.close();
  }
});
