import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, screenshot, test, WIDTHS } from './fixtures';
import { partnerWithUser, PASSWORD } from './seed';

/** The portal's social calendar: reachable signed in, readable at every width, accessible. */

let email: string;

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    ({ email } = await partnerWithUser(api, `Calendar ${randomUUID().slice(0, 6)}`, 'Europe/Warsaw'));
  } finally {
    await api.dispose();
  }
});

test('a partner opens its social calendar, empty until it posts', async ({ page }) => {
  await page.setViewportSize(WIDTHS[1]);
  await page.goto('/sign-in');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();

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
