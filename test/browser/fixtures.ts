import { expect, test as base, type Locator, type Page } from '@playwright/test';
import * as path from 'node:path';
import { runAxe } from './axe';

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/** Tests address the engine global-setup.ts started. */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = process.env.TCMA_BROWSER_BASE_URL;
    if (!url) throw new Error('TCMA_BROWSER_BASE_URL is unset: run the browser tests with npm run test:browser');
    await use(url);
  },
});

export { expect };

/** test-results/screenshots/<name>-<width>.png, the whole page, to look at as a person would. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  // Nothing may be wider than the window: a page that scrolls sideways hides its edges. What a
  // page shows once it settles counts (a transition may stick out for a moment): up to 3 s for
  // that, then the check below fails a page that still sticks out.
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, undefined, {
      timeout: 3_000,
    })
    .catch(() => undefined);
  const overflow = await page.evaluate(() => {
    const doc = document.documentElement;
    const widest = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
      .slice(-3);
    return {
      scrollWidth: doc.scrollWidth,
      clientWidth: doc.clientWidth,
      widest: widest.map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`),
    };
  });
  expect(
    overflow.scrollWidth,
    `${name} at ${width} px scrolls sideways: ${overflow.widest.join(', ')}`,
  ).toBeLessThanOrEqual(overflow.clientWidth);
  const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
  const viewport = page.viewportSize();
  if (viewport && (await page.locator('iframe').count()) > 0) {
    // Chromium's full-page capture leaves a frame outside the window blank (an email preview
    // below the fold showed as an empty box, its text there all along), so a page with frames is
    // shot through a window as tall as the page, then the window is put back.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
    await page.screenshot({ path: file, fullPage: true });
    await page.setViewportSize(viewport);
    return;
  }
  await page.screenshot({ path: file, fullPage: true });
}

/**
 * No serious or critical accessibility violation (axe-core, every rule it has). `frames: false`
 * checks the page around its frames, for pages showing email previews: those are sandboxed
 * frames where no script may run, so axe cannot either (the email is the vendor's content).
 */
export async function expectAccessible(page: Page, { frames = true }: { frames?: boolean } = {}): Promise<void> {
  // Colours are judged as they settle: a notification fading in is, for a moment, pale text on
  // white. Finite transitions get up to 3 s to end (spinners and skeletons loop forever: skipped).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
  const results = await runAxe(page, { frames });
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  expect(serious).toEqual([]);
}

/** The two widths every page is checked at: a phone and a desktop. */
export const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1440, height: 900 },
];

/** Presses Tab until `target` has the focus, as a keyboard user does; fails after `most` presses. */
export async function tabTo(page: Page, target: Locator, most = 20): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${String(target)} was not reached within ${most} presses of Tab`);
}

/**
 * Presses a key in a Mantine Select's list, then lets the page run the zero-delay timers the key
 * left, as the pause between a person's keys does. Opening the list with ArrowDown marks the first
 * option at once but sets the index the next key moves from in two timers: the first resets it to
 * -1 when nothing is chosen yet, the second reads the marked option. Chromium runs input ahead of
 * timers, so a key that landed between the two moved from -1 back to the first option (a CI run:
 * the second ArrowDown left "Trade fair 2026" marked), or an Enter chose nothing.
 */
export async function pressInList(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

/**
 * The portal navigation's link to an area (its only link of that name), the menu unfolded first
 * on a phone, where the areas fold behind a button.
 */
export async function portalArea(page: Page, name: string): Promise<Locator> {
  return areaLink(page, 'Portal', 'Open the portal menu', name);
}

/** The console navigation's link to an area, the menu unfolded first on a phone. */
export async function consoleArea(page: Page, name: string): Promise<Locator> {
  return areaLink(page, 'Console', 'Open the console menu', name);
}

/** One of the console's settings (vendor admins): through the Settings area, whose page leads to each. */
export async function consoleSetting(page: Page, name: string): Promise<Locator> {
  await (await consoleArea(page, 'Settings')).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  return page.getByRole('main').getByRole('link', { name, exact: true });
}

/** The console's current area: marked in the row of areas, or named by the folded menu's button on a phone. */
export async function expectConsoleArea(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Console' });
  await expect(nav).toBeVisible();
  const menu = nav.getByRole('button', { name: /^Open the console menu: / });
  if (await menu.isVisible()) await expect(menu).toHaveText(name);
  else await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
}

async function areaLink(page: Page, navigation: string, open: string, name: string): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: navigation });
  await expect(nav).toBeVisible();
  const menu = nav.getByRole('button', { name: open });
  if (await menu.isVisible()) await menu.click();
  return nav.getByRole('link', { name, exact: true });
}

/** Closes the notification saying `message` (it would cover the page in the screenshots). */
export async function dismiss(page: Page, message: string): Promise<void> {
  const notification = page.getByRole('alert').filter({ hasText: message });
  await expect(notification).toBeVisible();
  await notification.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notification).toBeHidden();
}

/**
 * Screenshots at both WIDTHS, from the top, with axe at each; ends at 1440 px. `frames: false`
 * for an email preview (a sandboxed frame no script, axe's included, may run in).
 */
export async function shootAtWidths(page: Page, name: string, { frames = true } = {}): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
    await expectAccessible(page, { frames });
  }
}

/**
 * The engine at its PUBLIC_BASE_URL (http://localhost:<port>): the single sign-on callback
 * registered at a test provider is there, so a sign-in starts there too (its state cookie is that host's).
 */
export const atPublicHost = (): string => {
  const url = new URL(process.env.TCMA_BROWSER_BASE_URL ?? '');
  url.hostname = 'localhost';
  return url.origin;
};

/** Signs `login` in on the test OpenID provider's own sign-in page (oidc-provider's development form: any password). */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

/** Signs in on the engine's sign-in page with the seed's password; the account menu shows once in. */
export async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}
