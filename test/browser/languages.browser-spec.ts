import { request as playwrightRequest, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, screenshot, test, WIDTHS } from './fixtures';
import { admin, authorCampaign, demoBrandKit, invitationToken, ok, partnerWithUser, PASSWORD, signIn } from './seed';

/**
 * The web app in the reader's language: a German browser gets the signed-out pages in German; a
 * user whose profile says German gets the app in German whatever the browser (the portal's
 * navigation, dates in German forms), and changes it from the account menu, the profile keeping
 * the choice. English stays the default (every other browser spec runs in an English browser).
 */

/** A partner user invited in German (the invitation's `locale`), so its profile is German from the start. */
let german: { email: string; userId: string };
/** A campaign in the German partner's catalogue, which its brand kit and its one prospect let it launch. */
let campaignName: string;

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    const { partnerId } = await partnerWithUser(api, `Müller IT ${randomUUID().slice(0, 6)}`, 'Europe/Berlin');
    const email = `jana-${randomUUID().slice(0, 8)}@portal-test.example`;
    await ok(
      api.post('/user-invitations', {
        headers: admin(),
        data: { email, role: 'partner_user', partnerId, locale: 'de' },
      }),
      201,
    );
    const token = await invitationToken(api, email);
    await ok(api.post('/auth/invitations/accept', { data: { token, name: 'Jana Müller', password: PASSWORD } }), 200);
    const users = await ok<{ items: Array<{ id: string; email: string; locale: string | null }> }>(
      api.get(`/users?partnerId=${partnerId}`, { headers: admin() }),
      200,
    );
    const user = users.items.find((u) => u.email === email);
    expect(user?.locale).toBe('de');
    german = { email, userId: user?.id ?? '' };

    campaignName = `Cloud-Backup ${randomUUID().slice(0, 6)}`;
    await authorCampaign(api, campaignName);
    const csrf = await signIn(api, email);
    await demoBrandKit(api, partnerId, csrf);
    await ok(
      api.post(`/partners/${partnerId}/prospects`, {
        headers: { 'X-CSRF-Token': csrf },
        data: { email: 'lena@contoso.example', company: 'Contoso', country: 'DE', timezone: 'Europe/Berlin' },
      }),
      201,
    );
  } finally {
    await api.dispose();
  }
});

/** The page at a phone's and a desktop's width: a screenshot and axe at each. Ends wide. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
    await expectAccessible(page);
  }
}

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('gets the sign-in page in German', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle('Anmelden · TCMA');
    const form = page.getByRole('form', { name: 'Anmelden' });
    await expect(form.getByRole('textbox', { name: 'E-Mail' })).toBeVisible();
    await expect(form.getByRole('link', { name: 'Passwort vergessen?' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeAttached();
    await shoot(page, 'sign-in-de');
  });

  test('goes from the catalogue to the launch wizard’s review in German, with German dates', async ({ page }) => {
    await ok(page.request.post('/auth/sign-in', { data: { email: german.email, password: PASSWORD } }), 200);
    await page.goto('/portal');
    await expect(page.getByRole('heading', { level: 1, name: 'Katalog' })).toBeVisible();
    await expect(page.getByRole('search', { name: 'Katalog filtern' }).getByLabel('Suche')).toBeVisible();
    await page.getByRole('article', { name: campaignName }).getByRole('link', { name: campaignName }).click();

    // The campaign: its sections and its main action in German.
    await expect(page.getByRole('heading', { level: 1, name: campaignName })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Alle Kampagnen' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Startbereitschaft' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Vorschau mit Ihrer Marke' })).toBeVisible();
    const launch = page.getByRole('button', { name: 'Starten', exact: true });
    await expect(launch).toBeEnabled();
    await launch.click();

    // The wizard: its audience (every prospect, the partner having no list) and start, in German.
    const wizard = page.getByRole('dialog', { name: `„${campaignName}“ starten` });
    await expect(wizard.getByRole('form', { name: 'Zielgruppe und Beginn' })).toBeVisible();
    await expect(wizard.getByRole('radio', { name: 'Alle meine Interessenten (1)' })).toBeChecked();
    await expect(wizard.getByRole('radio', { name: /^Jetzt / })).toBeChecked();
    await wizard.getByRole('button', { name: 'Start prüfen' }).click();

    // The review: who is enrolled, and when each email goes on the prospect's clock, as German writes it.
    await expect(wizard.getByRole('heading', { name: 'Wann jede E-Mail versendet wird' })).toBeVisible();
    await expect(wizard.getByText('1 Interessent in Europe/Berlin')).toBeVisible();
    await expect(wizard.getByText('E-Mail 1:')).toBeVisible();
    // "Mi., 25. Nov., 09:41": the weekday, the day with its dot, the month, a 24-hour clock.
    await expect(wizard.locator('time').first()).toHaveText(/^[A-Z][a-z]\., \d{1,2}\. [A-ZÄ][a-zä]+\.?, \d{2}:\d{2}$/);
    await expect(wizard.getByRole('button', { name: 'Zurück' })).toBeVisible();
    await expect(wizard.getByRole('button', { name: 'Start bestätigen' })).toBeFocused();
    // At a phone's width, where German's longer words are tightest, nothing sticks out (axe judges the
    // same review in English, portal.browser-spec.ts).
    await page.setViewportSize(WIDTHS[0]);
    await screenshot(page, 'launch-review-de');
  });
});

test.describe('a user whose profile says German', () => {
  test.use({ viewport: WIDTHS[1] });

  test('gets the portal in German in an English browser, with German dates, and changes language from the account menu', async ({
    page,
    request,
  }) => {
    // The English sign-in page (the browser's language), then the profile's language once signed in.
    await page.goto('/sign-in');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Email' }).fill(german.email);
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    // A partner's user starts on the partner home ("Übersicht": "Start" would read as the launches, "Starts").
    await expect(page).toHaveURL(/\/portal\/home$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    const account = page.getByRole('button', { name: 'Konto: Jana Müller' });
    await account.click();
    const menu = page.getByRole('menu');
    await expect(menu).toContainText('Sprache: Deutsch');
    await expect(menu.getByRole('menuitem', { name: 'Deutsch' })).toHaveAttribute('aria-current', 'true');
    await screenshot(page, 'user-menu-de');
    await expectAccessible(page);
    await menu.getByRole('menuitem', { name: 'Konto und Sitzungen' }).click();

    // The portal's navigation and the account page in German; a session's dates in German forms.
    await expect(page.getByRole('heading', { level: 1, name: 'Konto' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Portal' });
    for (const area of ['Katalog', 'Starts', 'Programme', 'Zielgruppe', 'Markenpaket', 'Konto'])
      await expect(nav.getByRole('link', { name: area, exact: true })).toBeVisible();
    const sessions = page.getByRole('list', { name: 'Ihre Sitzungen' });
    const current = sessions.getByRole('listitem', { name: 'Dieser Browser' });
    await expect(current).toContainText('Aktuell');
    // "25.11.2026, 09:41": day, month, year and a 24-hour clock, as German writes them.
    await expect(current).toContainText(/Angemeldet am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}; zuletzt genutzt am/);
    await shoot(page, 'portal-account-de');

    // On a phone the areas fold behind a button that names where the partner is, in German too.
    await page.setViewportSize(WIDTHS[0]);
    await page.getByRole('button', { name: 'Portalmenü öffnen: Konto' }).click();
    await expect(nav.getByRole('link', { name: 'Zielgruppe', exact: true })).toBeVisible();
    await screenshot(page, 'portal-nav-de');
    await page.setViewportSize(WIDTHS[1]);

    // French from the menu: the page follows at once, and the profile keeps it (a reload, the API).
    await account.click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compte' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect
      .poll(
        async () =>
          (await ok<{ locale: string | null }>(request.get(`/users/${german.userId}`, { headers: admin() }), 200))
            .locale,
      )
      .toBe('fr');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Compte' })).toBeVisible();

    // Back to the browser's language: English here, the profile's choice cleared.
    await page.getByRole('button', { name: 'Compte : Jana Müller' }).click();
    await page.getByRole('menuitem', { name: 'Langue du navigateur' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Account: Jana Müller' }).click();
    await expect(page.getByRole('menu')).toContainText('Language: your browser’s');
    await expect(page.getByRole('menuitem', { name: 'Your browser’s language' })).toHaveAttribute(
      'aria-current',
      'true',
    );
  });
});
