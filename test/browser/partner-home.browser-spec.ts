import { request as playwrightRequest, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, portalArea, screenshot, tabTo, test, WIDTHS } from './fixtures';
import { authorCampaign, demoBrandKit, partnerWithUser, PASSWORD, signIn } from './seed';

/**
 * The partner home: a partner signs in and lands on it, sees the first steps still to do and a
 * campaign ready to launch, and follows it to the campaign's page, by keyboard.
 */

interface Seeded {
  partnerEmail: string;
  campaign: string;
  campaignId: string;
}

let seeded: Seeded;

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    const campaign = `Home campaign ${randomUUID().slice(0, 6)}`;
    const campaignId = await authorCampaign(api, campaign);
    const partner = await partnerWithUser(api, `Home Partner ${randomUUID().slice(0, 6)}`, 'Europe/Warsaw');
    // Its logo (a step done), so that the thumbnails render; no prospect and no launch yet.
    await demoBrandKit(api, partner.partnerId, await signIn(api, partner.email));
    seeded = { partnerEmail: partner.email, campaign, campaignId };
  } finally {
    await api.dispose();
  }
});

/** The page at both widths: a screenshot each (nothing scrolls sideways), and axe at each. Ends wide. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    const edges = () =>
      page.locator('#main-navigation').evaluate((el) => ({
        left: Math.round(el.getBoundingClientRect().left),
        right: Math.round(el.getBoundingClientRect().right),
      }));
    if (viewport.width < 768) await expect.poll(async () => (await edges()).right).toBeLessThanOrEqual(0);
    else await expect.poll(async () => (await edges()).left).toBe(0);
    await screenshot(page, name);
    await expectAccessible(page);
  }
}

test.describe('partner home', () => {
  test.use({ viewport: WIDTHS[1] });

  test('a partner signs in and lands on the home: the first steps left, a campaign ready to launch, followed by keyboard', async ({
    page,
  }) => {
    await page.goto('/sign-in');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Email' }).fill(seeded.partnerEmail);
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/portal\/home$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(await portalArea(page, 'Home')).toHaveAttribute('aria-current', 'page');

    const checklist = page.getByRole('region', { name: 'Get ready to launch' });
    await expect(checklist).toContainText('1 of 4 steps done.');
    await expect(checklist.getByText('Add your logo to your brand kit')).toBeVisible();
    await expect(checklist.getByRole('link', { name: 'Add your first prospects' })).toHaveAttribute(
      'href',
      '/portal/audience',
    );
    await expect(checklist.getByRole('link', { name: 'Launch your first campaign' })).toHaveAttribute(
      'href',
      '/portal',
    );
    const ready = page.getByRole('region', { name: 'Ready to launch' });
    const link = ready.getByRole('link', { name: seeded.campaign });
    await expect(link).toHaveAttribute('href', `/portal/campaigns/${seeded.campaignId}`);
    await expect(ready.getByRole('img', { name: `Preview of ${seeded.campaign}` })).toBeVisible();
    // Nothing to review, running or new: those sections are not there.
    await expect(page.getByRole('region', { name: 'Running launches' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'New leads' })).toHaveCount(0);

    await shoot(page, 'partner-home');

    // The campaign is reached with the keyboard alone, and Enter opens its page.
    await page.locator('body').focus();
    await tabTo(page, link, 40);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/portal/campaigns/${seeded.campaignId}$`));
    await expect(page.getByRole('heading', { level: 1, name: seeded.campaign })).toBeVisible();

    // The home page of the app sends a partner's user back to the partner home.
    await page.goto('/');
    await expect(page).toHaveURL(/\/portal\/home$/);
  });
});
