import { request as playwrightRequest, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, screenshot, tabTo, test, WIDTHS } from './fixtures';
import { admin, authorCampaign, demoBrandKit, ok, partnerWithUser, PASSWORD, signIn, vendorAdmin } from './seed';

/**
 * The vendor home: a vendor admin signs in and lands on it, finds the figures the API counts
 * (read beside the page, never written down here: the worker's vendor is shared with the other
 * specs), and reminds an idle partner by keyboard; the partner's user then launches the campaign
 * from the reminder's email without signing in, and the launch is there.
 */

interface VendorHome {
  since: string;
  days: number;
  network: { partners: number; invited: number; signedIn: number; launched: number };
  results: { launches: number; prospectsReached: number; clicks: number; leads: number };
  topCampaigns: Record<'byLaunches' | 'byClicks', Array<{ campaignId: string; campaignName: string; count: number }>>;
  idlePartners: {
    items: Array<{ partnerId: string; partnerName: string; remindAgainAt: string | null; users: number }>;
    total: number;
    idleDays: number;
  };
  sending: {
    smtp: boolean;
    sendingDomain: string | null;
    dkim: boolean;
    dns: {
      records: Array<{ kind: 'dkim' | 'spf' | 'dmarc'; state: 'ok' | 'missing' | 'wrong' | 'unresolved' }>;
    } | null;
    bounced: number;
    complaints: number;
    bounceRate: number | null;
    complaintRate: number | null;
  };
}

interface Reminder {
  partnerId: string;
  campaignId: string;
  campaignName: string;
  recipients: number;
}

/** A domain of no zone: the engine's DNS check finds none of its records (the zone file is the sending settings spec's). */
const DOMAIN = 'mail.vendor-home-browser.example';

let seeded: {
  vendorEmail: string;
  partnerId: string;
  partnerName: string;
  partnerEmail: string;
  /** Idle too, but with nobody to email: the API refuses to remind it. */
  userless: string;
};
let reminder: Reminder | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    await authorCampaign(api, `Reminded campaign ${randomUUID().slice(0, 6)}`);
    // Idle (it never launched) and ready to launch: its brand kit, and a prospect to launch for.
    // Named to come first among the partners that never launched, which the home lists by name.
    const partnerName = `Aalto Systems ${randomUUID().slice(0, 6)}`;
    const partner = await partnerWithUser(api, partnerName, 'Europe/Helsinki');
    const csrf = await signIn(api, partner.email);
    await demoBrandKit(api, partner.partnerId, csrf);
    await ok(
      api.post(`/partners/${partner.partnerId}/prospects`, {
        headers: { 'X-CSRF-Token': csrf },
        data: { email: 'aino@aalto.example', company: 'Aalto', country: 'FI', timezone: 'Europe/Helsinki' },
      }),
      201,
    );
    const userless = `Aalto Logistics ${randomUUID().slice(0, 6)}`;
    await ok(
      api.post('/partners', {
        headers: admin(),
        data: { companyName: userless, tier: 'gold', region: 'emea', timezone: 'Europe/Helsinki' },
      }),
      201,
    );
    const vendorEmail = await vendorAdmin(api);
    // A sending domain, so that the home looks its DNS records up (put back in afterAll).
    await ok(api.put('/sending', { headers: admin(), data: { sendingDomain: DOMAIN } }), 200);
    seeded = { vendorEmail, partnerId: partner.partnerId, partnerName, partnerEmail: partner.email, userless };
  } finally {
    await api.dispose();
  }
});

// The engine is shared with the other specs: the worker's vendor has no sending domain again afterwards.
test.afterAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    await ok(api.put('/sending', { headers: admin(), data: { sendingDomain: null } }), 200);
  } finally {
    await api.dispose();
  }
});

/** The home as the API composes it for the worker's vendor. */
async function readHome(api: APIRequestContext): Promise<VendorHome> {
  return await ok<VendorHome>(api.get('/vendor-home', { headers: admin() }), 200);
}

/** The path of the reminder's Launch button in the email the outbox holds for `email`. */
async function reminderLink(api: APIRequestContext, email: string): Promise<string> {
  const outbox = await ok<{ items: Array<{ id: string; to: string[] }> }>(
    api.get('/outbox?limit=50', { headers: admin() }),
    200,
  );
  for (const message of outbox.items.filter((m) => m.to.includes(email))) {
    const text = await (await api.get(`/outbox/${message.id}/text`, { headers: admin() })).text();
    const link = /\/reminder-actions\/[\w.-]+/.exec(text);
    if (link) return link[0];
  }
  throw new Error(`no reminder email with a Launch link to ${email}`);
}

const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const percent = (n: number) => new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(n);

/** A tile of a section: its label names it, and it shows the count. */
async function expectTile(region: Locator, label: string, value: number): Promise<void> {
  await expect(region.getByRole('group', { name: label }).getByText(count(value), { exact: true })).toBeVisible();
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

test.describe('vendor home', () => {
  test.use({ viewport: WIDTHS[1] });

  test('a vendor admin signs in and lands on the home: the figures the API counts, and an idle partner reminded by keyboard', async ({
    page,
    request,
  }) => {
    await page.goto('/sign-in');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Email' }).fill(seeded.vendorEmail);
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/console\/home$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    const consoleNav = page.getByRole('navigation', { name: 'Console' });
    await expect(consoleNav.getByRole('link').first()).toHaveText('Home');
    await expect(consoleNav.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute('aria-current', 'page');

    const home = await readHome(request);
    const network = page.getByRole('region', { name: 'Your network' });
    await expect(network).toContainText(`in the last ${home.days} days`);
    await expectTile(network, 'Active partners', home.network.partners);
    await expectTile(network, 'Invited', home.network.invited);
    await expectTile(network, 'Signed in', home.network.signedIn);
    await expectTile(network, 'Launched', home.network.launched);
    const results = page.getByRole('region', { name: 'Results' });
    await expectTile(results, 'Launches', home.results.launches);
    await expectTile(results, 'Prospects reached', home.results.prospectsReached);
    await expectTile(results, 'Clicks', home.results.clicks);
    await expectTile(results, 'Leads', home.results.leads);

    // Each ranking in the API's order, each campaign a link to its editor; or what to do when empty.
    const top = page.getByRole('region', { name: 'Top campaigns' });
    for (const [title, items, units, empty] of [
      ['By launches', home.topCampaigns.byLaunches, ['launch', 'launches'], 'No campaign was launched in this period.'],
      ['By clicks', home.topCampaigns.byClicks, ['click', 'clicks'], 'No click yet in this period.'],
    ] as const) {
      const list = top.getByRole('region', { name: title });
      if (!items.length) await expect(list).toContainText(empty);
      const rows = list.getByRole('listitem');
      await expect(rows).toHaveCount(items.length);
      for (const [i, item] of items.entries()) {
        await expect(rows.nth(i).getByRole('link', { name: item.campaignName })).toHaveAttribute(
          'href',
          `/console/campaigns/${item.campaignId}`,
        );
        await expect(rows.nth(i)).toContainText(`${count(item.count)} ${units[item.count === 1 ? 0 : 1]}`);
      }
    }

    // The idle partners the API lists, ours among them (it never launched) with its Remind button.
    const idle = page.getByRole('region', { name: 'Idle partners' });
    await expect(idle).toContainText(
      `${count(home.idlePartners.total)} ${home.idlePartners.total === 1 ? 'partner has' : 'partners have'} not launched a campaign for ${home.idlePartners.idleDays} days`,
    );
    const listed = home.idlePartners.items.find((p) => p.partnerId === seeded.partnerId);
    expect(listed, 'the seeded partner is among the idle partners the home lists').toMatchObject({
      remindAgainAt: null,
      users: 1,
    });
    await expect(idle.getByRole('listitem')).toHaveCount(home.idlePartners.items.length);
    for (const p of home.idlePartners.items) await expect(idle.getByText(p.partnerName, { exact: true })).toBeVisible();
    const row = idle.getByRole('listitem').filter({ has: page.getByText(seeded.partnerName, { exact: true }) });
    await expect(row).toContainText('Never launched');
    await expect(row).toContainText('1 user');

    // Sending health: the period's bounces and complaints with their rates, the setup, each DNS record.
    const sending = page.getByRole('region', { name: 'Sending health' });
    for (const [label, value, rate] of [
      ['Bounces', home.sending.bounced, home.sending.bounceRate],
      ['Spam complaints', home.sending.complaints, home.sending.complaintRate],
    ] as const) {
      await expectTile(sending, label, value);
      await expect(sending.getByRole('group', { name: label })).toContainText(
        rate === null ? 'No email sent in this period' : `${percent(rate)} of the emails sent`,
      );
    }
    // The setup's rows come before the DNS records'.
    const setup = (label: string) => sending.getByRole('listitem').filter({ hasText: label }).first();
    await expect(setup('SMTP server')).toContainText(home.sending.smtp ? 'Set' : 'Not set');
    await expect(setup('DKIM key')).toContainText(home.sending.dkim ? 'Signing' : 'None');
    await expect(setup('Sending domain')).toContainText(DOMAIN);
    expect(home.sending.sendingDomain).toBe(DOMAIN);
    const dns = sending.getByRole('region', { name: 'DNS records' });
    const states = { ok: 'OK', missing: 'Missing', wrong: 'Wrong', unresolved: 'Could not resolve' };
    const titles = { dkim: 'DKIM', spf: 'SPF', dmarc: 'DMARC' };
    expect(home.sending.dns?.records.length).toBeGreaterThan(0);
    await expect(dns.getByRole('listitem')).toHaveCount(home.sending.dns?.records.length ?? 0);
    for (const [i, record] of (home.sending.dns?.records ?? []).entries()) {
      const item = dns.getByRole('listitem').nth(i);
      await expect(item).toContainText(titles[record.kind]);
      await expect(item).toContainText(states[record.state]);
    }
    await expect(sending.getByRole('link', { name: 'Sending settings', exact: true })).toHaveAttribute(
      'href',
      '/console/sending',
    );

    await shoot(page, 'vendor-home');

    // Remind is reached with the keyboard alone, and Enter sends it: a notification says to whom
    // and what, as the API answered, and the row says the partner was reminded today.
    await page.locator('body').focus();
    const remind = row.getByRole('button', { name: `Remind ${seeded.partnerName}` });
    await tabTo(page, remind, 60);
    const answer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/vendor-home/reminders' && r.request().method() === 'POST',
    );
    await page.keyboard.press('Enter');
    const sent = await answer;
    expect(sent.status()).toBe(201);
    reminder = (await sent.json()) as Reminder;
    expect(reminder).toMatchObject({ partnerId: seeded.partnerId, recipients: 1 });
    const notification = page.getByRole('alert').filter({
      hasText: `${seeded.partnerName} reminded: 1 user got “${reminder.campaignName}” to launch from the email.`,
    });
    await expect(notification).toBeVisible();
    await expect(row).toContainText('Reminded today');
    await expect(row.getByRole('button')).toHaveCount(0);
    // The keyboard's place is kept: the focus is on what replaced the button, not lost to the page.
    await expect(row.getByTestId('reminded')).toBeFocused();
    const after = (await readHome(request)).idlePartners.items.find((p) => p.partnerId === seeded.partnerId);
    expect(after?.remindAgainAt).not.toBeNull();
    // Dismissed, the notification no longer covers the row in the picture.
    await notification.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notification).toBeHidden();
    await screenshot(page, 'vendor-home-reminded');

    // The home page of the app sends a vendor user to the vendor home.
    await page.goto('/');
    await expect(page).toHaveURL(/\/console\/home$/);
  });

  test('the reminded partner’s user launches the campaign from the email, without signing in', async ({
    page,
    request,
  }) => {
    if (!reminder) throw new Error('the partner was not reminded (the first test failed)');
    const link = await reminderLink(request, seeded.partnerEmail);

    // A fresh browser that never signed in: the email's button opens a page that asks first.
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Launch this campaign now?' })).toBeVisible();
    await expect(page.getByText(`${reminder.campaignName} will start at once for all your prospects`)).toBeVisible();
    expect(await (await page.request.get('/auth/session')).json()).toMatchObject({ signedIn: false });
    await expectAccessible(page);
    await page.getByRole('button', { name: `Launch ${reminder.campaignName} now` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Launched' })).toBeVisible();
    await expect(page.getByText(`${reminder.campaignName} has started for all your prospects.`)).toBeVisible();
    await screenshot(page, 'vendor-home-reminder-launched');

    // The launch is the partner's, as its own user sees it.
    const partner = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
    try {
      await signIn(partner, seeded.partnerEmail);
      const launches = await ok<{ items: Array<{ partnerId: string; campaignId: string; campaignName: string }> }>(
        partner.get('/launches'),
        200,
      );
      expect(launches.items).toContainEqual(
        expect.objectContaining({
          partnerId: seeded.partnerId,
          campaignId: reminder.campaignId,
          campaignName: reminder.campaignName,
        }),
      );
    } finally {
      await partner.dispose();
    }
  });

  test('skeletons stand in for the figures until the home arrives, and a refusal of the API shows on its row', async ({
    page,
  }) => {
    await ok(page.request.post('/auth/sign-in', { data: { email: seeded.vendorEmail, password: PASSWORD } }), 200);
    // The home's answer is held back: the page shows the sections' shapes, never a 0 or an empty state.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/vendor-home', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/console/home');
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Loading your home' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your network' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Active partners' })).toHaveCount(0);
    release();
    await expect(page.getByRole('region', { name: 'Your network' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Loading your home' })).toHaveCount(0);
    await page.unroute('**/vendor-home');

    // A partner nobody can be emailed at: the API refuses, and says why next to its row.
    const row = page
      .getByRole('region', { name: 'Idle partners' })
      .getByRole('listitem')
      .filter({ has: page.getByText(seeded.userless, { exact: true }) });
    await expect(row).toContainText('0 users');
    const answer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/vendor-home/reminders' && r.request().method() === 'POST',
    );
    await row.getByRole('button', { name: `Remind ${seeded.userless}` }).click();
    const refused = await answer;
    expect(refused.status()).toBe(422);
    const { errors } = (await refused.json()) as { errors: Array<{ path: string; message: string }> };
    const reason = errors.find((e) => e.path === 'partnerId')?.message ?? '';
    expect(reason).not.toBe('');
    await expect(row.getByRole('alert')).toHaveText(`Not reminded. ${seeded.userless} ${reason}.`);
    // Not reminded: its button stays.
    await expect(row.getByRole('button', { name: `Remind ${seeded.userless}` })).toBeVisible();
    await page.setViewportSize(WIDTHS[0]);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'vendor-home-refused');
  });
});
