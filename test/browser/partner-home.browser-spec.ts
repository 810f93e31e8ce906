import { request as playwrightRequest, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { expect, expectAccessible, portalArea, screenshot, tabTo, test, WIDTHS } from './fixtures';
import { admin, authorCampaign, demoBrandKit, ok, partnerWithUser, PASSWORD, signIn } from './seed';

/**
 * The partner home: a partner signs in and lands on it, sees the first steps still to do and a
 * campaign ready to launch, and follows it to the campaign's page, by keyboard.
 */

interface Seeded {
  partnerId: string;
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
    seeded = { partnerId: partner.partnerId, partnerEmail: partner.email, campaign, campaignId };
  } finally {
    await api.dispose();
  }
});

/**
 * What a partner has after a while, written as the engine would have: a programme's launch waiting
 * for review (subscribed through the API), a paused launch, a prospect and a lead from it.
 */
async function arrangeActivity(): Promise<{ pendingId: string; launchId: string }> {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  const db = new Client({ connectionString: process.env.TCMA_BROWSER_DATABASE_URL });
  await db.connect();
  try {
    const programme = await ok<{ id: string }>(
      api.post('/programmes', {
        headers: admin(),
        data: { name: `Home programme ${randomUUID().slice(0, 6)}`, campaignIds: [seeded.campaignId] },
      }),
      201,
    );
    const csrf = await signIn(api, seeded.partnerEmail);
    const subscription = await ok<{ id: string }>(
      api.post(`/programmes/${programme.id}/subscriptions`, {
        headers: { 'X-CSRF-Token': csrf },
        data: { audience: { type: 'all' }, reviewHours: 72 },
      }),
      201,
    );
    const ids = { vendor: '', version: '' };
    const partner = await db.query<{ vendor_id: string }>('SELECT vendor_id FROM partners WHERE id = $1', [
      seeded.partnerId,
    ]);
    ids.vendor = partner.rows[0].vendor_id;
    const version = await db.query<{ id: string }>(
      'SELECT id FROM campaign_versions WHERE campaign_id = $1 AND version = 1',
      [seeded.campaignId],
    );
    ids.version = version.rows[0].id;
    await db.query('DELETE FROM pending_launches WHERE subscription_id = $1', [subscription.id]);
    const pending = await db.query<{ id: string }>(
      `INSERT INTO pending_launches (vendor_id, partner_id, subscription_id, campaign_id, campaign_version_id, version, audience, due_at)
       VALUES ($1, $2, $3, $4, $5, 1, '{"type":"all"}', now() + interval '3 days') RETURNING id`,
      [ids.vendor, seeded.partnerId, subscription.id, seeded.campaignId, ids.version],
    );
    // Paused: an active launch without enrollments would be completed by the worker's sweep.
    const launch = await db.query<{ id: string }>(
      `INSERT INTO launches (vendor_id, partner_id, campaign_id, campaign_version_id, version, audience, start_at, timezone, status)
       VALUES ($1, $2, $3, $4, 1, '{"type":"all"}', now(), 'Europe/Warsaw', 'paused') RETURNING id`,
      [ids.vendor, seeded.partnerId, seeded.campaignId, ids.version],
    );
    const prospect = await db.query<{ id: string }>(
      `INSERT INTO prospects (vendor_id, partner_id, email, email_lower, first_name, last_name, company)
       VALUES ($1, $2, 'lena@lead.example', 'lena@lead.example', 'Lena', 'Lead', 'Lead GmbH') RETURNING id`,
      [ids.vendor, seeded.partnerId],
    );
    await db.query(
      `INSERT INTO leads (vendor_id, partner_id, prospect_id, campaign_id, campaign_version) VALUES ($1, $2, $3, $4, 1)`,
      [ids.vendor, seeded.partnerId, prospect.rows[0].id, seeded.campaignId],
    );
    return { pendingId: pending.rows[0].id, launchId: launch.rows[0].id };
  } finally {
    await db.end();
    await api.dispose();
  }
}

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

  test('with a launch to review, a running launch and a new lead, each section links to its action', async ({
    page,
  }) => {
    const { pendingId, launchId } = await arrangeActivity();
    await ok(page.request.post('/auth/sign-in', { data: { email: seeded.partnerEmail, password: PASSWORD } }), 200);
    await page.goto('/portal/home');
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Get ready to launch' })).toContainText('3 of 4 steps done.');
    const review = page
      .getByRole('region', { name: '1 launch waiting for your review' })
      .getByRole('link', { name: `Review ${seeded.campaign}` });
    await expect(review).toHaveAttribute('href', `/portal/programmes?pending=${pendingId}`);
    await expect(
      page.getByRole('region', { name: 'Running launches' }).getByRole('link', { name: seeded.campaign }),
    ).toHaveAttribute('href', `/portal/launches/${launchId}`);
    const leads = page.getByRole('region', { name: 'New leads' });
    await expect(leads).toContainText(/1 lead since/);
    await expect(leads.getByRole('link', { name: 'Lena Lead' })).toHaveAttribute('href', '/portal/leads');

    await shoot(page, 'partner-home-activity');

    await review.click();
    await expect(page).toHaveURL(new RegExp(`/portal/programmes\\?pending=${pendingId}$`));
  });
});
