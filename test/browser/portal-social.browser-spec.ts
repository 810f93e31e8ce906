import type { Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, screenshot, tabTo, test, WIDTHS } from './fixtures';
import { partnerWithUser, PASSWORD } from './seed';

/**
 * The portal's social accounts page against the real engine and the networks' stubs (started by
 * global-setup.ts): a partner connects LinkedIn through the full OAuth redirect dance (portal →
 * the network's authorization page → the engine's callback → the portal), sees the account,
 * disconnects it (revoked at the network), then removes it from the list. The engine's
 * PUBLIC_BASE_URL is http://localhost:<port>, so the dance runs there (the session cookie
 * belongs to the host the browser signed in at).
 */

let email: string;

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    ({ email } = await partnerWithUser(api, `Northwind ${randomUUID().slice(0, 6)}`, 'Europe/Berlin'));
  } finally {
    await api.dispose();
  }
});

const localhost = () => {
  const url = new URL(process.env.TCMA_BROWSER_BASE_URL ?? '');
  url.hostname = 'localhost';
  return url.origin;
};

async function shoot(page: Page, name: string): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `portal-social-${name}`);
    await expectAccessible(page);
  }
}

test('a partner connects LinkedIn through the network and sees it, then disconnects and removes it', async ({
  page,
}) => {
  // Three states of the page, each screenshot and checked by axe at every width.
  const base = localhost();
  await page.setViewportSize(WIDTHS[1]);
  await page.goto(`${base}/sign-in`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();

  await page.goto(`${base}/portal/social`);
  await expect(page.getByRole('heading', { level: 1, name: 'Social accounts' })).toBeVisible();
  await expect(page.getByText('No account connected yet.')).toBeVisible();
  await shoot(page, 'empty');

  // The keyboard reaches the button; the stub's authorization page sends the browser back to the engine, which returns to the portal.
  const connect = page.getByRole('button', { name: 'Connect LinkedIn' });
  await tabTo(page, connect, 30);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/portal/social?connected=linkedin`);
  await expect(page.getByRole('status').filter({ hasText: 'LinkedIn connected' })).toBeVisible();
  const account = page.getByRole('article', { name: 'LinkedIn: Pat Partner' });
  await expect(account).toBeVisible();
  await expect(account.getByText('Active')).toBeVisible();
  await expect(account.getByText(/current access ends/)).toBeVisible();
  await shoot(page, 'connected');

  // Back from the network with a state already used: nothing more is connected, and the page says why.
  await page.goto(`${base}/portal/social?error=invalid_state&network=linkedin`);
  await expect(page.getByRole('alert').filter({ hasText: 'already used' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);

  // Disconnecting revokes the access at LinkedIn (the stub confirms); the account stays listed as disconnected until removed.
  await account.getByRole('button', { name: 'Disconnect Pat Partner on LinkedIn' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: "LinkedIn confirmed the engine's access to Pat Partner is revoked." }),
  ).toBeVisible();
  await expect(account.getByText('Disconnected', { exact: true })).toBeVisible();
  await expect(account.getByText(/^Disconnected .*: posts due on it fail until you connect it again\.$/)).toBeVisible();
  await shoot(page, 'disconnected');

  const remove = account.getByRole('button', { name: 'Remove Pat Partner on LinkedIn' });
  await tabTo(page, remove, 40);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Pat Partner on LinkedIn was removed from the list.' }),
  ).toBeVisible();
  await expect(page.getByText('No account connected yet.')).toBeVisible();
});
