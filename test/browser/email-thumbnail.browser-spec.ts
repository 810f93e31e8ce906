import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { countPixels, Rgb, solidLogo } from '../factories/solid-logo';
import { expect, expectAccessible, screenshot, test, WIDTHS } from './fixtures';
import { authorCampaign, ok, partnerWithUser, PASSWORD, signIn } from './seed';

/**
 * A campaign made only of emails, in the partner's catalogue: its card shows the first email
 * co-branded with the partner's kit (not "No preview image"), and the partner's logo is in the
 * picture: the logo is a block of one distinctive colour whose pixels are counted in the image.
 */

const MAGENTA: Rgb = [255, 0, 255];
/** The logo is fitted into the card's logo box: a 3:1 block shows as about 168 × 56 px. */
const LOGO_PIXELS_AT_LEAST = 4_000;

let email: string;
let campaignName: string;

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    campaignName = `Emails only ${randomUUID().slice(0, 6)}`;
    await authorCampaign(api, campaignName, { emailsOnly: true });
    const partner = await partnerWithUser(api, `Magenta IT ${randomUUID().slice(0, 6)}`, 'Europe/Berlin');
    email = partner.email;
    const csrf = await signIn(api, email);
    const { logo: _logo, ...kit } = loadDemo().manifest.partners[0].brandKit;
    const h = { 'X-CSRF-Token': csrf };
    await ok(api.put(`/partners/${partner.partnerId}/brand-kit`, { headers: h, data: kit }), 200);
    await ok(
      api.put(`/partners/${partner.partnerId}/brand-kit/logo`, {
        headers: h,
        multipart: { file: { name: 'logo.png', mimeType: 'image/png', buffer: await solidLogo(MAGENTA) } },
      }),
      200,
    );
  } finally {
    await api.dispose();
  }
});

test("an email-only campaign's card shows its first email with the partner's logo", async ({ page }) => {
  await page.setViewportSize(WIDTHS[1]);
  await page.goto('/sign-in');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();

  await page.goto('/portal');
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
  const card = page.getByRole('article', { name: campaignName });
  await expect(card).toBeVisible();
  await expect(card.getByText('Email', { exact: true })).toBeVisible();
  await expect(card.getByText('PDF', { exact: true })).toHaveCount(0);
  await expect(card.getByText('No preview image')).toHaveCount(0);
  const thumbnail = card.getByRole('img', { name: `${campaignName}, co-branded with your brand kit` });
  await expect(thumbnail).toBeVisible();
  // The first view may wait on one render in the worker.
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
      timeout: 30_000,
    })
    .toBe(true);
  expect(await thumbnail.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([
    298, 421,
  ]);

  // The image the card shows, fetched with the page's session: the partner's logo is in it.
  const src = await thumbnail.getAttribute('src');
  const image = await page.request.get(src ?? '');
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  expect(await countPixels(await image.body(), MAGENTA)).toBeGreaterThan(LOGO_PIXELS_AT_LEAST);

  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await card.scrollIntoViewIfNeeded();
    await expect(thumbnail).toBeInViewport();
    // The whole page from its top: scrolled, the sticky header would be drawn halfway down.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'portal-email-thumbnail');
    await expectAccessible(page);
  }
});
