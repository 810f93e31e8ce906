import type { FileChooser, Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { expect, expectAccessible, portalArea, pressInList, screenshot, tabTo, test } from './fixtures';
import { ok, partnerWithUser, PASSWORD, signIn } from './seed';

/**
 * The portal's audience pages against the real engine: a partner without prospects sees one
 * call to action, imports a CSV file through the page (good rows become prospects, the bad one
 * is listed with its line and reason, and in the report), makes a list and fills it, edits a
 * prospect (the API's refusal next to its field), and another partner's prospect is not found.
 */

const NARROW = { width: 375, height: 812 };
const WIDE = { width: 1440, height: 900 };

/** Four data rows: one merges into a prospect the partner has (any case), one has no valid email. */
const CSV = [
  'Email,First Name,Last Name,Company,Time Zone,Favourite colour',
  'ANN@contoso.example,Ann,Lee,Contoso,America/New_York,blue',
  'dev@fabrikam.example,Dev,Patel,Fabrikam,Europe/Warsaw,green',
  'eve@tailspin.example,Eve,,Tailspin,,',
  'not-an-email,Bad,Row,Nowhere,Europe/Warsaw,red',
].join('\r\n');

interface Prospect {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  timezone: string | null;
  language: string | null;
  custom: Record<string, string>;
}

let partnerId: string;
let email: string;
let foreignProspectId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const baseURL = process.env.TCMA_BROWSER_BASE_URL;
  const api = await playwrightRequest.newContext({ baseURL });
  const other = await playwrightRequest.newContext({ baseURL });
  try {
    ({ partnerId, email } = await partnerWithUser(api, `Northwind IT ${randomUUID().slice(0, 6)}`, 'Europe/Warsaw'));

    const foreignUser = await partnerWithUser(other, `Elliniki ${randomUUID().slice(0, 6)}`, 'Europe/Athens');
    const foreign = { ...foreignUser, csrf: await signIn(other, foreignUser.email) };
    foreignProspectId = (
      await ok<{ id: string }>(
        other.post(`/partners/${foreign.partnerId}/prospects`, {
          headers: { 'X-CSRF-Token': foreign.csrf },
          data: { email: 'nikos@elliniki.example' },
        }),
        201,
      )
    ).id;
  } finally {
    await api.dispose();
    await other.dispose();
  }
});

/** Signs the page in; returns the CSRF token for the API calls that change something. */
async function signInBrowser(page: Page): Promise<string> {
  return (
    await ok<{ csrfToken: string }>(page.request.post('/auth/sign-in', { data: { email, password: PASSWORD } }), 200)
  ).csrfToken;
}

async function prospects(page: Page, query = ''): Promise<{ items: Prospect[]; total: number }> {
  return ok(page.request.get(`/partners/${partnerId}/prospects?limit=200${query}`), 200);
}

/** The page at both widths: a screenshot and axe at each. Ends at the wide one. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const viewport of [NARROW, WIDE]) {
    await page.setViewportSize(viewport);
    // The navigation slides away below 768 px (or back): wait until it has.
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Partner portal/ });
    if (viewport === NARROW) await expect(nav).not.toBeInViewport();
    else await expect(nav).toBeInViewport({ ratio: 1 });
    await screenshot(page, `audience-${name}`);
    await expectAccessible(page);
  }
}

/** Chooses a file with the dropzone's button, as a person does (the browser's file dialog). */
async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CSV file' }).click();
  await (await chooser).setFiles(file);
}

/** Drops a file on the dropzone, as dragging it from the desktop does. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: 'text/csv' }));
      return dt;
    },
    { name, content },
  );
  const zone = page.getByText('Drop a CSV file here');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

test.describe('audience', () => {
  test.use({ viewport: WIDE });

  test('a CSV file imported through the page: its good rows become prospects, the report names the bad row', async ({
    page,
  }) => {
    const csrf = await signInBrowser(page);
    await page.goto('/portal');
    await (await portalArea(page, 'Audience')).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audience' })).toBeVisible();
    // No prospect yet: the empty table's one call to action, not a second one in the header.
    await expect(page.getByRole('heading', { name: 'No prospect yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Import a CSV file' })).toHaveCount(1);
    await page.setViewportSize(NARROW);
    await screenshot(page, 'audience-empty');
    await page.setViewportSize(WIDE);

    // Already a prospect: the file's row for her (in capitals) merges into this one.
    await ok(
      page.request.post(`/partners/${partnerId}/prospects`, {
        headers: { 'X-CSRF-Token': csrf },
        data: { email: 'ann@contoso.example', firstName: 'Ann', company: 'Contoso' },
      }),
      201,
    );

    await page.getByRole('link', { name: 'Import a CSV file' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import prospects' })).toBeVisible();
    await shoot(page, 'import');

    await chooseFile(page, { name: 'webinar.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect(page).toHaveURL(/\/portal\/audience\/imports\/[0-9a-f-]{36}$/);
    const importId = page.url().split('/').pop() ?? '';
    // The page follows the worker (asking every second) until it has finished: four rows take the
    // default 10 s at most, so a slow import fails the test.
    await expect(page.getByRole('status').filter({ hasText: / read: / })).toHaveText(
      '4 rows read: 3 imported, 1 rejected.',
    );
    await expect(page.getByText('Completed', { exact: true })).toBeVisible();
    await expect(page.getByText('New prospects').locator('..')).toContainText('2');
    await expect(page.getByText('Merged into existing').locator('..')).toContainText('1');
    await shoot(page, 'import-result');

    // What the API stored: the good rows, mapped by the header's names; the merge kept one Ann.
    const stored = await prospects(page);
    // The file's later values win, the email's spelling too.
    expect(stored.items.map((p) => p.email).sort()).toEqual([
      'ANN@contoso.example',
      'dev@fabrikam.example',
      'eve@tailspin.example',
    ]);
    const dev = stored.items.find((p) => p.email === 'dev@fabrikam.example');
    expect(dev).toMatchObject({
      firstName: 'Dev',
      lastName: 'Patel',
      timezone: 'Europe/Warsaw',
      custom: { favourite_colour: 'green' },
    });
    expect(stored.items.find((p) => p.email === 'ANN@contoso.example')).toMatchObject({
      lastName: 'Lee',
      timezone: 'America/New_York',
    });
    expect(stored.items.find((p) => p.email === 'eve@tailspin.example')?.timezone).toBeNull();

    // The first rejected rows are listed on the page with their line and reason, beside the full report.
    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    await expect(rejected.getByRole('row')).toHaveCount(2);
    await expect(rejected.getByRole('row', { name: /^5 .*email/ })).toBeVisible();

    // The report, downloaded from the page's link and read through the API, names the bad row (line 5).
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the rejected rows (CSV)' }).click();
    const saved = await (await download).path();
    const fromPage = (await import('node:fs')).readFileSync(saved, 'utf8');
    const report = await (await page.request.get(`/partners/${partnerId}/imports/${importId}/report`)).text();
    expect(fromPage).toBe(report);
    const lines = report.trim().split(/\r?\n/);
    expect(lines[0]).toBe('line,reason,Email,First Name,Last Name,Company,Time Zone,Favourite colour');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^5,.*email.*,not-an-email,Bad,Row,Nowhere,Europe\/Warsaw,red$/);

    await page.getByRole('link', { name: 'See your prospects' }).click();
    await expect(page.getByText('3 prospects', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'dev@fabrikam.example' })).toBeVisible();
  });

  test('the API’s refusals: a file that is not CSV, and a CSV file without an email column', async ({ page }) => {
    await signInBrowser(page);
    await page.goto('/portal/audience/import');
    const demo = loadDemo();
    await chooseFile(page, {
      name: 'logo.csv',
      mimeType: 'text/csv',
      buffer: demo.read(demo.manifest.partners[0].brandKit.logo),
    });
    const refusal = page.getByRole('alert');
    await expect(refusal).toContainText('logo.csv');
    await expect(refusal).toContainText('was not imported');
    await expect(refusal).toContainText(/The file .+/);
    await expect(page).toHaveURL(/\/portal\/audience\/import$/);
    await shoot(page, 'import-refused');

    await dropFile(page, 'names.csv', 'Name,Company\nAnn,Contoso\n');
    await expect(page).toHaveURL(/\/portal\/audience\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByText('The import failed')).toBeVisible();
    await expect(page.getByText('The first row must be a header with an email column')).toBeVisible();
    await shoot(page, 'import-failed');
    // Nothing was added by either.
    expect((await prospects(page)).total).toBe(3);

    await page.goto('/portal/audience/import');
    await expect(page.getByRole('region', { name: 'Your recent imports' }).getByRole('row')).toHaveCount(3);
  });

  test('a list is created (a taken name refused next to its field), filled from the table and filtered by', async ({
    page,
  }) => {
    await signInBrowser(page);
    await page.goto('/portal/audience');
    await expect(page.getByText('3 prospects', { exact: true })).toBeVisible();
    const lists = page.getByRole('table', { name: 'Your lists' });

    await page.getByRole('textbox', { name: 'New list' }).fill('Webinar attendees');
    await page.getByRole('button', { name: 'Create the list' }).click();
    await expect(lists.getByRole('row', { name: 'Webinar attendees 0' })).toBeVisible();
    await page.getByRole('textbox', { name: 'New list' }).fill('Webinar attendees');
    await page.getByRole('button', { name: 'Create the list' }).click();
    await expect(page.getByRole('textbox', { name: 'New list' })).toHaveAccessibleDescription(
      /is already used by another list/,
    );
    const stored = await ok<{ items: Array<{ id: string; name: string }> }>(
      page.request.get(`/partners/${partnerId}/lists`),
      200,
    );
    expect(stored.items.map((l) => l.name)).toEqual(['Webinar attendees']);
    const listId = stored.items[0].id;

    await page.getByRole('checkbox', { name: 'Select ANN@contoso.example' }).check();
    await page.getByRole('checkbox', { name: 'Select dev@fabrikam.example' }).check();
    const selection = page.getByRole('group', { name: 'Selected prospects' });
    await expect(selection).toContainText('2 prospects selected');
    await selection.getByRole('combobox', { name: 'Add them to' }).click();
    await page.getByRole('option', { name: 'Webinar attendees' }).click();
    await selection.getByRole('button', { name: 'Add to the list' }).click();
    await expect(lists.getByRole('row', { name: 'Webinar attendees 2' })).toBeVisible();
    expect((await prospects(page, `&listId=${listId}`)).items.map((p) => p.email).sort()).toEqual([
      'ANN@contoso.example',
      'dev@fabrikam.example',
    ]);

    await lists.getByRole('link', { name: 'Webinar attendees' }).click();
    await expect(page).toHaveURL(new RegExp(`list=${listId}`));
    await expect(page.getByText('2 prospects in “Webinar attendees”')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your prospects' }).getByRole('link')).toHaveCount(2);
    await shoot(page, 'list');

    await page.goto('/portal/audience');
    await page.getByRole('searchbox', { name: 'Search' }).fill('tailspin');
    await expect(page.getByText('1 prospect matching “tailspin”')).toBeVisible();
    await expect(page).toHaveURL(/search=tailspin/);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(page.getByText('3 prospects', { exact: true })).toBeVisible();
    await shoot(page, 'audience');
  });

  test('a prospect’s page: its details, the API’s refusal next to its field, and a change saved', async ({ page }) => {
    await signInBrowser(page);
    await page.goto('/portal/audience');
    await page.getByRole('link', { name: 'dev@fabrikam.example' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dev Patel' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('dev@fabrikam.example');
    await expect(page.getByRole('textbox', { name: 'Time zone' })).toHaveValue('Europe/Warsaw');
    await expect(page.getByRole('row', { name: 'favourite_colour green' })).toBeVisible();
    await shoot(page, 'prospect');

    const zone = page.getByRole('textbox', { name: 'Time zone' });
    await zone.fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(zone).toHaveAttribute('aria-invalid', 'true');
    await expect(zone).toHaveAccessibleDescription(/is not an IANA time zone/);
    await shoot(page, 'prospect-refused');

    await zone.fill('Asia/Tokyo');
    const language = page.getByRole('textbox', { name: 'Language' });
    await language.fill('English');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(language).toHaveAccessibleDescription(/is not a BCP 47 language tag/);
    await language.fill('ja-jp');
    await page.getByRole('textbox', { name: 'Job title' }).fill('IT manager');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('The prospect is saved.')).toBeVisible();
    const id = page.url().split('/').pop() ?? '';
    const saved = await ok<Prospect & { title: string | null }>(
      page.request.get(`/partners/${partnerId}/prospects/${id}`),
      200,
    );
    expect(saved).toMatchObject({
      timezone: 'Asia/Tokyo',
      language: 'ja-JP',
      title: 'IT manager',
      firstName: 'Dev',
      custom: { favourite_colour: 'green' },
    });
  });

  test('another partner’s prospect, an unknown prospect and an unknown import show the not-found page', async ({
    page,
  }) => {
    await signInBrowser(page);
    await page.goto(`/portal/audience/prospects/${foreignProspectId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await shoot(page, 'foreign-prospect');
    await page.goto('/portal/audience/prospects/999999999');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.goto(`/portal/audience/imports/${randomUUID()}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  test('the audience pages work with the keyboard alone', async ({ page }) => {
    // Playwright intercepts the file dialog only while something listens for it, and turns that
    // on without waiting: listened for from here, the Enter that opens it cannot come first (a CI
    // run waited 30 s for a chooser after Enter on the focused button, the page as expected).
    const chooser = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));
    await signInBrowser(page);
    await page.goto('/portal/audience');
    await expect(page.getByText('3 prospects', { exact: true })).toBeVisible();

    // Select a prospect and add it to the list.
    const eve = page.getByRole('checkbox', { name: 'Select eve@tailspin.example' });
    await tabTo(page, eve, 40);
    await page.keyboard.press('Space');
    await expect(eve).toBeChecked();
    const target = page.getByRole('combobox', { name: 'Add them to' });
    await tabTo(page, target, 10);
    await pressInList(page, 'ArrowDown');
    await page.keyboard.press('Enter');
    await expect(target).toHaveValue('Webinar attendees');
    await tabTo(page, page.getByRole('button', { name: 'Add to the list' }), 5);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('table', { name: 'Your lists' }).getByRole('row', { name: 'Webinar attendees 3' }),
    ).toBeVisible();

    // A new list, named and created from the keyboard.
    await tabTo(page, page.getByRole('textbox', { name: 'New list' }), 60);
    await page.keyboard.type('Trade fair 2026');
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('table', { name: 'Your lists' }).getByRole('row', { name: 'Trade fair 2026 0' }),
    ).toBeVisible();

    // The import page, and its file dialog, opened with Enter.
    await page.goto('/portal/audience');
    await tabTo(page, page.getByRole('link', { name: 'Import a CSV file' }), 40);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Import prospects' })).toBeVisible();
    // Everyone imported joins a list too (lists by name: Trade fair 2026, Webinar attendees).
    const list = page.getByRole('combobox', { name: 'Also add everyone to a list' });
    await tabTo(page, list, 40);
    const option = (name: string) => page.getByRole('option', { name, exact: true });
    await pressInList(page, 'ArrowDown');
    await expect(option('Trade fair 2026')).toHaveAttribute('data-combobox-selected', 'true');
    await pressInList(page, 'ArrowDown');
    await expect(option('Webinar attendees')).toHaveAttribute('data-combobox-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(list).toHaveValue('Webinar attendees');
    await tabTo(page, page.getByRole('button', { name: 'Choose a CSV file' }), 40);
    await page.keyboard.press('Enter');
    await (
      await chooser
    ).setFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from('email\nfrank@contoso.example\n') });
    await expect(page.getByRole('status').filter({ hasText: / read: / })).toHaveText(
      '1 row read: 1 imported, 0 rejected.',
    );
    const lists = await ok<{ items: Array<{ id: string; name: string; size: number }> }>(
      page.request.get(`/partners/${partnerId}/lists`),
      200,
    );
    const webinar = lists.items.find((l) => l.name === 'Webinar attendees');
    expect(webinar?.size).toBe(4);
    expect((await prospects(page, `&listId=${webinar?.id}`)).items.map((p) => p.email)).toContain(
      'frank@contoso.example',
    );
    await tabTo(page, page.getByRole('link', { name: 'See your prospects' }), 40);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('table', { name: 'Your lists' }).getByRole('row', { name: 'Webinar attendees 4' }),
    ).toBeVisible();
    await tabTo(page, page.getByRole('link', { name: 'frank@contoso.example' }), 60);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'frank@contoso.example' })).toBeVisible();
  });
});
