import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { expect, expectAccessible, screenshot, tabTo, test } from './fixtures';
import { admin, authorCampaign, ok, partnerWithUser, PASSWORD, signIn } from './seed';

/**
 * The partner portal against the real engine: a partner with a complete brand kit and prospects
 * launches the demo campaign from the catalogue in at most 4 clicks, the first email reaches the
 * outbox co-branded with the partner's address, and another partner's launch is not found.
 */

const NARROW = { width: 375, height: 812 };
const WIDE = { width: 1440, height: 900 };

interface Seeded {
  partnerId: string;
  email: string;
  campaignId: string;
  campaignName: string;
  foreignLaunchId: string;
  prospects: string[];
}

async function completeBrandKit(api: APIRequestContext, partnerId: string, csrf: string): Promise<void> {
  const demo = loadDemo();
  const { logo, ...kit } = demo.manifest.partners[0].brandKit;
  const h = { 'X-CSRF-Token': csrf };
  await ok(api.put(`/partners/${partnerId}/brand-kit`, { headers: h, data: kit }), 200);
  await ok(api.put(`/partners/${partnerId}/brand-kit/logo`, { headers: h, multipart: { file: { name: 'logo.png', mimeType: 'image/png', buffer: demo.read(logo) } } }), 200);
}

/** A raw message's text: base64 parts decoded, quoted-printable soft line breaks joined. */
function readable(raw: string): string {
  return raw
    .split(/\r?\n--/)
    .map((part) => {
      const base64 = /Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*)/i.exec(part);
      return base64 ? Buffer.from(base64[1].replace(/\s+/g, ''), 'base64').toString('utf8') : part.replace(/=\r?\n/g, '');
    })
    .join('\n');
}

let seeded: Seeded;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const baseURL = process.env.TCMA_BROWSER_BASE_URL;
  const api = await playwrightRequest.newContext({ baseURL });
  const other = await playwrightRequest.newContext({ baseURL });
  try {
    const campaignName = `Cloud backup for ${randomUUID().slice(0, 6)}`;
    const campaignId = await authorCampaign(api, campaignName);
    const { partnerId, email } = await partnerWithUser(api, `Northwind IT ${randomUUID().slice(0, 6)}`, 'Europe/Warsaw');
    const csrf = await signIn(api, email);
    await completeBrandKit(api, partnerId, csrf);
    const prospects = ['ann@contoso.example', 'bob@contoso.example', 'cleo@fabrikam.example'];
    const zones = ['America/New_York', 'America/New_York', 'Europe/Warsaw'];
    for (const [i, address] of prospects.entries()) {
      await ok(api.post(`/partners/${partnerId}/prospects`, { headers: { 'X-CSRF-Token': csrf }, data: { email: address, firstName: address.split('@')[0], company: 'Contoso', timezone: zones[i] } }), 201);
    }
    // One suppressed prospect: the review names the exclusion.
    await ok(api.post(`/partners/${partnerId}/prospects`, { headers: { 'X-CSRF-Token': csrf }, data: { email: 'gone@contoso.example', timezone: 'Europe/Warsaw' } }), 201);
    await ok(api.post('/suppressions', { headers: { 'X-CSRF-Token': csrf }, data: { email: 'gone@contoso.example', reason: 'manual' } }), 201);

    // Another partner of the same vendor, with a launch of its own.
    const foreign = await partnerWithUser(other, `Elliniki ${randomUUID().slice(0, 6)}`, 'Europe/Athens');
    const foreignCsrf = await signIn(other, foreign.email);
    await completeBrandKit(other, foreign.partnerId, foreignCsrf);
    const launch = await ok<{ id: string }>(other.post('/launches', { headers: { 'X-CSRF-Token': foreignCsrf }, data: { campaignId, audience: { type: 'all' } } }), 202);
    seeded = { partnerId, email, campaignId, campaignName, foreignLaunchId: launch.id, prospects };
  } finally {
    await api.dispose();
    await other.dispose();
  }
});

async function signInBrowser(page: Page): Promise<void> {
  await ok(page.request.post('/auth/sign-in', { data: { email: seeded.email, password: PASSWORD } }), 200);
}

/**
 * axe on a page showing email previews: they are the engine's sandboxed frames, where no script
 * may run (so axe cannot either, and its cross-frame run never finishes); the portal around them
 * is checked whole, in axe's one-frame mode.
 */
async function expectAccessibleAroundPreviews(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).options({ iframes: false }).setLegacyMode().analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(serious).toEqual([]);
}

/** The page at both widths: a screenshot each, and axe at each. Ends at the wide one. */
async function shoot(page: Page, name: string, framed = false): Promise<void> {
  for (const viewport of [NARROW, WIDE]) {
    await page.setViewportSize(viewport);
    // The navigation slides away below 768 px (or back): wait until it has.
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Partner portal/ });
    if (viewport === NARROW) await expect(nav).not.toBeInViewport();
    else await expect(nav).toBeInViewport();
    await screenshot(page, `portal-${name}`);
    if (framed) await expectAccessibleAroundPreviews(page);
    else await expectAccessible(page);
  }
}


test.describe('partner portal', () => {
  test.use({ viewport: WIDE });

  test('from the catalogue to a launch in 4 clicks; the email reaches the outbox with the partner’s address', async ({ page, request }) => {
    test.setTimeout(180_000);
    await signInBrowser(page);
    await page.goto('/portal');
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
    const card = page.getByRole('article', { name: seeded.campaignName });
    await expect(card).toBeVisible();
    await expect(card.getByText('Promoted')).toBeVisible();
    await expect(card.getByText('New', { exact: true })).toBeVisible();
    await expect(card.getByText('PDF', { exact: true })).toBeVisible();
    const thumbnail = card.getByRole('img', { name: `${seeded.campaignName}, co-branded with your brand kit` });
    await expect(thumbnail).toBeVisible();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
    await shoot(page, 'catalogue');

    // Filters go to the API: an asset type no campaign has... every demo campaign has emails, so a search that matches nothing.
    await page.getByLabel('Search').fill('no such campaign anywhere');
    await expect(page.getByRole('heading', { name: 'No campaign matches these filters' })).toBeVisible();
    await expect(page).toHaveURL(/search=no\+such/);
    await shoot(page, 'catalogue-empty');
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect(card).toBeVisible();

    let clicks = 0;
    const click = async (target: Locator) => {
      clicks++;
      await target.click();
    };
    await click(card.getByRole('link', { name: seeded.campaignName }));
    await expect(page.getByRole('heading', { level: 1, name: seeded.campaignName })).toBeVisible();
    await expect(page.getByText('Ready to launch')).toBeVisible();
    await expect(page.locator('iframe[title$="desktop preview"]').first()).toBeVisible();
    await expect(page.frameLocator('iframe[title$="desktop preview"]').first().getByText('Piotrkowska', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel('Post copy for LinkedIn')).toHaveValue(/\S/);
    await expect(page.getByRole('button', { name: 'Copy the post' })).toBeVisible();
    await shoot(page, 'campaign', true);

    await click(page.getByRole('button', { name: 'Launch', exact: true }));
    const wizard = page.getByRole('dialog', { name: `Launch “${seeded.campaignName}”` });
    await expect(wizard.getByLabel(/All my prospects \(4\)/)).toBeChecked();
    await expect(wizard.getByLabel(/^Now/)).toBeChecked();
    await shoot(page, 'launch-audience', true);

    await click(wizard.getByRole('button', { name: 'Review the launch' }));
    await expect(wizard.getByText('2 prospects in America/New_York')).toBeVisible();
    await expect(wizard.getByText('1 prospect in Europe/Warsaw')).toBeVisible();
    await expect(wizard.getByText('1 prospect: suppressed')).toBeVisible();
    await shoot(page, 'launch-review', true);

    await click(wizard.getByRole('button', { name: 'Confirm the launch' }));
    await expect(page).toHaveURL(/\/portal\/launches\/[0-9a-f-]{36}$/);
    expect(clicks).toBeLessThanOrEqual(4);
    await expect(page.getByRole('heading', { level: 1, name: seeded.campaignName })).toBeVisible();
    const launchUrl = page.url();

    // The first email, co-branded with the partner's kit, lands in the outbox.
    await expect
      .poll(
        async () => {
          const outbox = (await (await request.get('/outbox?limit=100', { headers: admin() })).json()) as { items: Array<{ id: string; to: string[]; partnerId: string | null }> };
          return outbox.items.filter((m) => m.partnerId === seeded.partnerId && seeded.prospects.some((p) => m.to.includes(p))).map((m) => m.id);
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toHaveLength(3);
    const outbox = (await (await request.get('/outbox?limit=100', { headers: admin() })).json()) as { items: Array<{ id: string; to: string[]; partnerId: string | null }> };
    const sent = outbox.items.find((m) => m.partnerId === seeded.partnerId && m.to.includes('ann@contoso.example'));
    const raw = readable(await (await request.get(`/outbox/${sent?.id}/raw`, { headers: admin() })).text());
    expect(raw).toContain('Piotrkowska 104');
    expect(raw).toContain('hello@northwind-it.example');
    expect(outbox.items.some((m) => m.to.includes('gone@contoso.example'))).toBe(false);

    // Its progress, then pause and resume with a confirmation each.
    await expect(page.getByRole('row', { name: /1 — Your files, safe in the cloud/ })).toBeVisible();
    await page.reload();
    await expect(page.getByText('Enrolled', { exact: true })).toBeVisible();
    await shoot(page, 'launch');
    await page.getByRole('button', { name: 'Pause' }).click();
    const confirm = page.getByRole('dialog', { name: 'Pause this launch?' });
    await shoot(page, 'launch-pause-confirmation');
    await confirm.getByRole('button', { name: 'Pause the launch' }).click();
    await expect(page.getByText('Paused', { exact: true }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('dialog', { name: 'Resume this launch?' }).getByRole('button', { name: 'Resume the launch' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

    await page.goto('/portal/launches');
    await expect(page.getByRole('heading', { level: 1, name: 'My launches' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Launched / })).toHaveCount(1);
    await shoot(page, 'launches');
    await page.getByRole('link', { name: /^Launched / }).click();
    await expect(page).toHaveURL(launchUrl);
  });

  test('another partner’s launch and an unknown campaign show the not-found page', async ({ page }) => {
    await signInBrowser(page);
    await page.goto(`/portal/launches/${seeded.foreignLaunchId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await shoot(page, 'foreign-launch');
    await page.goto(`/portal/campaigns/${randomUUID()}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  test('the catalogue, a campaign and the launch wizard work with the keyboard alone', async ({ page }) => {
    await signInBrowser(page);
    await page.goto('/portal');
    const link = page.getByRole('article', { name: seeded.campaignName }).getByRole('link', { name: seeded.campaignName });
    await expect(link).toBeVisible();
    await tabTo(page, link, 40);
    await page.keyboard.press('Enter');
    const launch = page.getByRole('button', { name: 'Launch', exact: true });
    await expect(launch).toBeEnabled();
    await tabTo(page, launch, 40);
    await page.keyboard.press('Enter');
    const wizard = page.getByRole('dialog');
    await expect(wizard).toBeVisible();
    await tabTo(page, wizard.getByRole('button', { name: 'Review the launch' }), 40);
    await page.keyboard.press('Enter');
    await expect(wizard.getByRole('button', { name: 'Confirm the launch' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(wizard).toBeHidden();
  });
});
