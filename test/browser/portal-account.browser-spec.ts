import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { expect, expectAccessible, screenshot, signInWithPassword, tabTo, test, WIDTHS } from './fixtures';
import { admin, adminEmail, invitationToken, ok, partnerWithUser, PASSWORD } from './seed';

/**
 * The portal's account page against the real engine: a partner admin sees where it is signed in
 * and ends another session, invites colleagues (the API's refusal next to its field), withdraws an
 * invitation, reads the concierge audit log of its vendor acting for it, and signs out everywhere.
 * Then the session's own defences from a browser: an expired session and a request without the
 * CSRF token are refused, and a forgotten password is reset through the emailed link.
 */

const WIDE = { width: 1440, height: 900 };

interface Partner {
  partnerId: string;
  email: string;
  companyName: string;
}

let partner: Partner;
let other: Partner;

test.beforeAll(async () => {
  test.setTimeout(40_000); // twice its quiet CI time (the first test, with this hook, ran 18.6 s): see docs/contributing.md
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    const name = `Fabrikam ${randomUUID().slice(0, 6)}`;
    partner = { ...(await partnerWithUser(api, name, 'Europe/Berlin')), companyName: name };
    const otherName = `Tailspin ${randomUUID().slice(0, 6)}`;
    other = { ...(await partnerWithUser(api, otherName, 'Europe/Berlin')), companyName: otherName };
  } finally {
    await api.dispose();
  }
});

const signIn = (page: Page, email: string, password = PASSWORD) => signInWithPassword(page, email, password);

/** A second browser (another device) signed in as the same user; its page. */
async function anotherDevice(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env.TCMA_BROWSER_BASE_URL,
    viewport: WIDE,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) SecondDevice/1.0',
  });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The page at a phone's and a desktop's width: a screenshot and axe at each. Ends wide. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    // The shell slides its navigation and margins on a resize: measured once they have settled.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `portal-account-${name}`);
    await expectAccessible(page);
  }
}

/** The path of the newest link to `prefix` emailed to `email` (the outbox), once it has arrived. */
async function emailedLink(api: APIRequestContext, email: string, prefix: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const outbox = await ok<{ items: Array<{ id: string; to: string[] }> }>(
        api.get('/outbox?limit=50', { headers: admin() }),
        200,
      );
      const message = outbox.items.find((m) => m.to.includes(email));
      if (!message) return undefined;
      const raw = (await (await api.get(`/outbox/${message.id}/raw`, { headers: admin() })).text()).replace(
        /=\r?\n/g,
        '',
      );
      found = new RegExp(`${prefix}/[\\w.-]+`).exec(raw)?.[0];
      return found;
    })
    .toBeTruthy();
  return found ?? '';
}

test.describe('portal account', () => {
  test.use({ viewport: WIDE });

  test('a partner admin ends another session, invites and withdraws colleagues, reads who at the vendor acted for it, and signs out everywhere', async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(40_000); // twice its quiet CI time (18.6 s): see docs/contributing.md
    const device = await anotherDevice(browser, partner.email);
    await signIn(page, partner.email);
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Account and sessions' }).click();
    await expect(page).toHaveURL(/\/portal\/account$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();

    // Two sessions: this browser, marked, and the other device, which can be ended from here.
    const sessions = page.getByRole('list', { name: 'Your sessions' });
    await expect(sessions.getByRole('listitem')).toHaveCount(2);
    await expect(sessions.getByRole('listitem', { name: 'This browser' })).toContainText('Current');
    await expect(sessions).toContainText('SecondDevice/1.0');

    // The vendor's admin acts for the partner (concierge mode): the partner's admin reads it in the log.
    await ok(
      request.get(`/partners/${partner.partnerId}/prospects`, {
        headers: { ...admin(), 'X-Acting-For': partner.partnerId },
      }),
      200,
    );
    await page.reload();
    const log = page.getByRole('region', { name: 'Requests made for you by your vendor' });
    await expect(log).toContainText(adminEmail());
    await expect(log).toContainText(`GET /partners/${partner.partnerId}/prospects`);
    // Another partner's log is not this one's business: not even its existence.
    expect((await page.request.get(`/partners/${other.partnerId}/concierge-accesses`)).status()).toBe(404);

    // Colleagues: only the admin so far. Inviting an address already in use is refused next to its field.
    const colleagues = page.getByRole('region', { name: 'Your colleagues' });
    await expect(colleagues.getByRole('row')).toHaveCount(2);
    await expect(colleagues).toContainText(partner.email);
    const invite = page.getByRole('form', { name: 'Invite a colleague' });
    await invite.getByRole('textbox', { name: 'Colleague’s email' }).fill(other.email);
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(invite.getByText('is already used by another user of this vendor')).toBeVisible();
    await shoot(page, 'invite-refused');

    // Two invitations: one accepted by email, the other withdrawn.
    const joiner = `joiner-${randomUUID().slice(0, 6)}@portal-test.example`;
    const leaver = `leaver-${randomUUID().slice(0, 6)}@portal-test.example`;
    await invite.getByRole('textbox', { name: 'Colleague’s email' }).fill(joiner);
    await invite.getByRole('radio', { name: /Partner admin/ }).check();
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `Invitation sent to ${joiner}` })).toBeVisible();
    await expect(invite.getByRole('textbox', { name: 'Colleague’s email' })).toHaveValue('');
    await invite.getByRole('textbox', { name: 'Colleague’s email' }).fill(leaver);
    await invite.getByRole('radio', { name: /Partner user/ }).check();
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    const pending = page.getByRole('list', { name: 'Invited, not joined yet' });
    await expect(pending.getByRole('listitem')).toHaveCount(2);
    await expect(pending.getByRole('listitem').filter({ hasText: joiner })).toContainText('Partner admin');
    await expect(pending.getByRole('listitem').filter({ hasText: leaver })).toContainText('Partner user');
    await page.getByRole('button', { name: `Withdraw the invitation of ${leaver}` }).click();
    await expect(pending.getByRole('listitem')).toHaveCount(1);
    const invitations = await ok<{ items: Array<{ email: string; status: string; partnerId: string }> }>(
      request.get(`/user-invitations?partnerId=${partner.partnerId}`, { headers: admin() }),
      200,
    );
    expect(
      invitations.items
        .filter((i) => i.email === joiner || i.email === leaver)
        .map((i) => [i.email, i.status, i.partnerId])
        .sort(),
    ).toEqual(
      [
        [joiner, 'pending', partner.partnerId],
        [leaver, 'withdrawn', partner.partnerId],
      ].sort(),
    );

    // The withdrawn link no longer works; the other one makes a colleague, listed as such.
    const leaverToken = await invitationToken(request, leaver);
    expect(
      (
        await request.post('/auth/invitations/accept', {
          data: { token: leaverToken, name: 'Leaver', password: PASSWORD },
        })
      ).status(),
    ).toBe(410);
    const joinerToken = await invitationToken(request, joiner);
    await ok(
      request.post('/auth/invitations/accept', { data: { token: joinerToken, name: 'Jo Iner', password: PASSWORD } }),
      200,
    );
    await page.reload();
    await expect(colleagues.getByRole('row').filter({ hasText: joiner })).toContainText('Partner admin');
    await expect(page.getByRole('list', { name: 'Invited, not joined yet' })).toHaveCount(0);

    // End the other device's session: that browser is signed out at its next request.
    await page.getByRole('button', { name: /^End the session started/ }).click();
    await expect(sessions.getByRole('listitem')).toHaveCount(1);
    expect((await device.request.get('/auth/session')).status()).toBe(401);
    await device.reload();
    await expect(device.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
    await shoot(page, 'admin');

    // Sign out everywhere: this browser and a new session elsewhere, both ended.
    await signIn(device, partner.email);
    await page.reload();
    await expect(sessions.getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('status')).toContainText('You are signed out on every device');
    // The cookie is cleared: nobody is signed in (the other device's session is refused below).
    expect(await (await page.request.get('/auth/session')).json()).toMatchObject({ signedIn: false });
    expect((await device.request.get('/auth/session')).status()).toBe(401);
    await device.context().close();
  });

  test('a partner user sees its sessions only; the account page works with the keyboard alone', async ({
    page,
    request,
  }) => {
    const email = `user-${randomUUID().slice(0, 6)}@portal-test.example`;
    await ok(
      request.post('/user-invitations', {
        headers: admin(),
        data: { email, role: 'partner_user', partnerId: partner.partnerId },
      }),
      201,
    );
    await ok(
      request.post('/auth/invitations/accept', {
        data: { token: await invitationToken(request, email), name: 'Pat User', password: PASSWORD },
      }),
      200,
    );
    await signIn(page, email);
    await page.goto('/portal/account');
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    // Its own two: the one accepting the invitation opened (elsewhere), and this browser's.
    await expect(page.getByRole('list', { name: 'Your sessions' }).getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('heading', { name: 'Colleagues' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Your vendor acting for you' })).toHaveCount(0);
    // What the page hides, the API refuses.
    expect((await page.request.get(`/partners/${partner.partnerId}/users`)).status()).toBe(403);
    expect((await page.request.get(`/partners/${partner.partnerId}/concierge-accesses`)).status()).toBe(403);
    await shoot(page, 'user');

    // The keyboard reaches the account menu and sign out everywhere from the top of the page.
    await page.setViewportSize(WIDE);
    await page.locator('body').focus();
    await tabTo(page, page.getByRole('button', { name: 'Sign out everywhere' }), 40);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await (await page.request.get('/auth/session')).json()).toMatchObject({ signedIn: false });
  });

  test('an admin invites a colleague with the keyboard alone', async ({ page }) => {
    await signIn(page, partner.email);
    await page.goto('/portal/account');
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    const email = `keys-${randomUUID().slice(0, 6)}@portal-test.example`;
    await page.locator('body').focus();
    await tabTo(page, page.getByRole('textbox', { name: 'Colleague’s email' }), 40);
    await page.keyboard.type(email);
    await tabTo(page, page.getByRole('radio', { name: /Partner user/ }), 3);
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /Partner admin/ })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Send the invitation' }), 3);
    await page.keyboard.press('Enter');
    const pending = page.getByRole('list', { name: 'Invited, not joined yet' });
    await expect(pending.getByRole('listitem').filter({ hasText: email })).toContainText('Partner admin');
    await tabTo(page, page.getByRole('button', { name: `Withdraw the invitation of ${email}` }), 10);
    await page.keyboard.press('Enter');
    await expect(pending.getByRole('listitem').filter({ hasText: email })).toHaveCount(0);
  });
});

test.describe('session defences from a browser', () => {
  test.use({ viewport: WIDE });

  test('an expired session is refused and the portal asks to sign in; a change without the CSRF token is refused, with it accepted', async ({
    page,
  }) => {
    await signIn(page, other.email);
    const brandKit = `/partners/${other.partnerId}/brand-kit`;
    const { csrfToken } = await ok<{ csrfToken: string }>(page.request.get('/auth/session'), 200);

    // The cookie alone does not change anything: the CSRF token must come with it.
    const withoutToken = await page.request.put(brandKit, { data: { phone: '+49 30 1234567' } });
    expect(withoutToken.status()).toBe(403);
    const withWrongToken = await page.request.put(brandKit, {
      headers: { 'X-CSRF-Token': `${csrfToken.slice(0, -2)}xx` },
      data: { phone: '+49 30 1234567' },
    });
    expect(withWrongToken.status()).toBe(403);
    expect((await ok<{ phone: string | null }>(page.request.get(brandKit), 200)).phone).toBeNull();
    await ok(
      page.request.put(brandKit, { headers: { 'X-CSRF-Token': csrfToken }, data: { phone: '+49 30 1234567' } }),
      200,
    );
    expect((await ok<{ phone: string | null }>(page.request.get(brandKit), 200)).phone).toBe('+49 30 1234567');

    // The page is left first: the portal it shows asks the API in the background, and a request that
    // found the session still live just before the change below would then record its use (the
    // session's last use is refreshed when older than a minute) and keep the session alive.
    await page.goto('about:blank');
    // Idle past SESSION_IDLE_MINUTES (120 by default): the session's last use moved back three hours, not a sleep.
    const db = new Client({ connectionString: process.env.TCMA_BROWSER_DATABASE_URL });
    await db.connect();
    try {
      const aged = await db.query(
        "UPDATE sessions SET last_seen_at = last_seen_at - interval '3 hours' WHERE user_id = (SELECT id FROM users WHERE email = $1) AND revoked_at IS NULL",
        [other.email],
      );
      expect(aged.rowCount).toBe(1);
    } finally {
      await db.end();
    }
    expect((await page.request.get('/auth/session')).status()).toBe(401);
    expect((await page.request.get(brandKit)).status()).toBe(401);
    await page.goto('/portal/brand-kit');
    // Asked to sign in, and brought back to the brand kit afterwards.
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fportal%2Fbrand-kit$/);
    await expect(page.getByRole('button', { name: /^Account:/ })).toHaveCount(0);
    await screenshot(page, 'portal-account-session-expired');
    await expectAccessible(page);
  });

  test('a forgotten password is reset through the emailed link: the old password and sessions stop working', async ({
    page,
    browser,
    request,
  }) => {
    const email = `forgetful-${randomUUID().slice(0, 6)}@portal-test.example`;
    await ok(
      request.post('/user-invitations', {
        headers: admin(),
        data: { email, role: 'partner_user', partnerId: other.partnerId },
      }),
      201,
    );
    await ok(
      request.post('/auth/invitations/accept', {
        data: { token: await invitationToken(request, email), name: 'Forgetful', password: PASSWORD },
      }),
      200,
    );
    const device = await anotherDevice(browser, email);

    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The sign-in form has an Email field too: wait for the reset page before typing.
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
    await page.getByRole('form', { name: 'Reset your password' }).getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await expect(page.getByRole('status')).toContainText(`If ${email} has an account`);

    await page.goto(await emailedLink(request, email, '/reset-password'));
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await page.getByRole('textbox', { name: 'New password' }).fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByText('must be at least 10 characters')).toBeVisible();
    const fresh = 'a brand new portal passphrase';
    await page.getByRole('textbox', { name: 'New password' }).fill(fresh);
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('status')).toContainText('Your password is set');
    // Every session of the user ended with the reset.
    expect((await device.request.get('/auth/session')).status()).toBe(401);
    await device.context().close();

    const form = page.getByRole('form', { name: 'Sign in' });
    await expect(form.getByRole('textbox', { name: 'Email' })).toHaveValue(email);
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('alert')).toContainText('The email or password is incorrect');
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(fresh);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Account: Forgetful' })).toBeVisible();
  });
});
