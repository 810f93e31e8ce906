import { request as playwrightRequest, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, screenshot, tabTo, test, WIDTHS } from './fixtures';
import { partnerWithUser, PASSWORD, vendorAdmin } from './seed';

/**
 * The CRM page against the real engine and the HubSpot stub (started by global-setup.ts): a
 * partner connects HubSpot through the full OAuth redirect dance (portal → HubSpot's authorize
 * page, which approves at once → the engine's callback → the portal), sees the connection active,
 * maps a form field to a HubSpot field, sees the API's refusal of a bad field name at that field,
 * and disconnects after a confirmation. The vendor admin finds the revenue section of the home
 * (no won deal yet) and its way to the console's CRM page. The engine's PUBLIC_BASE_URL is
 * http://localhost:<port>, and the CRM's state cookie belongs to the host the start request went
 * to, so the whole spec runs there.
 */

const atPublicHost = () => {
  const url = new URL(process.env.TCMA_BROWSER_BASE_URL ?? '');
  url.hostname = 'localhost';
  return url.origin;
};

let partnerEmail: string;
let vendorEmail: string;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: atPublicHost() });

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    ({ email: partnerEmail } = await partnerWithUser(
      api,
      `Northwind CRM ${randomUUID().slice(0, 6)}`,
      'Europe/Berlin',
    ));
    vendorEmail = await vendorAdmin(api);
  } finally {
    await api.dispose();
  }
});

async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

/** Screenshots at both widths, from the top, with axe at each; ends at 1440 px. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
    await expectAccessible(page);
  }
}

test('a partner connects HubSpot, maps a form field, sees a refused one at its field, and disconnects', async ({
  page,
}) => {
  await page.setViewportSize(WIDTHS[1]);
  await signInAs(page, partnerEmail);
  await page.goto('/portal/home');
  const nav = page.getByRole('navigation', { name: 'Portal' });
  await nav.getByRole('link', { name: 'CRM', exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/crm$/);
  await expect(page.getByRole('heading', { level: 1, name: 'CRM' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Connect HubSpot' })).toBeVisible();
  await shoot(page, 'crm-portal-empty');

  // By keyboard: HubSpot's authorize page approves at once and sends the browser back through the engine.
  const connect = page.getByRole('button', { name: 'Connect HubSpot' });
  await tabTo(page, connect, 40);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/portal\/crm\?connected=hubspot$/);
  await expect(page.getByRole('status').filter({ hasText: 'HubSpot connected' })).toBeVisible();
  const connection = page.getByRole('article', { name: 'northwind-partner.hubspot.example' });
  await expect(connection.getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Connect HubSpot' })).toHaveCount(0);

  // The defaults as in force, HubSpot's own fields to choose from; a form field added and mapped, country left out.
  const mapping = page.getByRole('form', { name: 'Field mapping' });
  await expect(mapping.getByRole('combobox', { name: 'Job title' })).toHaveValue('jobtitle');
  await expect(mapping.getByRole('option', { name: 'Annual budget (annual_budget)' }).first()).toBeAttached();
  await mapping.getByRole('combobox', { name: 'Country' }).selectOption('');
  await mapping.getByRole('textbox', { name: 'Form field name' }).fill('budget');
  await mapping.getByRole('button', { name: 'Add the field' }).click();
  await mapping.getByRole('combobox', { name: 'budget' }).selectOption('annual_budget');
  const save = mapping.getByRole('button', { name: 'Save the mapping' });
  await tabTo(page, save, 10);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Field mapping saved')).toBeVisible();
  await page.reload();
  await expect(mapping.getByRole('combobox', { name: 'budget' })).toHaveValue('annual_budget');
  await expect(mapping.getByRole('combobox', { name: 'Country' })).toHaveValue('');
  await expect(page.getByRole('heading', { level: 3, name: 'No lead yet' })).toBeVisible();
  await shoot(page, 'crm-portal-connected');

  // A name the API refuses: its message shows at that field, and nothing is saved.
  await mapping.getByRole('textbox', { name: 'Form field name' }).fill('Budget-2026');
  await mapping.getByRole('textbox', { name: 'Form field name' }).press('Enter');
  await mapping.getByRole('combobox', { name: 'Budget-2026' }).selectOption('phone');
  await save.click();
  const refused = mapping.getByRole('combobox', { name: 'Budget-2026' });
  await expect(refused).toHaveAttribute('aria-invalid', 'true');
  await expect(mapping.getByText('must name a form field: lower-case letters, digits and _')).toBeVisible();
  await expect(mapping.getByRole('alert').filter({ hasText: 'correct the fields marked above' })).toBeVisible();
  await shoot(page, 'crm-portal-mapping-error');

  // Disconnecting says what goes with it, and asks first.
  await connection
    .getByRole('button', { name: 'Disconnect HubSpot account northwind-partner.hubspot.example' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect northwind-partner.hubspot.example?' });
  await expect(dialog).toContainText('the revenue its won deals brought are removed here');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Connect HubSpot' })).toBeVisible();

  // A refused authorization comes back with its reason.
  await page.goto('/portal/crm?error=denied');
  await expect(page.getByRole('alert').filter({ hasText: 'the authorization was refused in HubSpot' })).toBeVisible();

  // The partner's home: no won deal yet, and the way to connect a CRM.
  await page.goto('/portal/home');
  const revenue = page.getByRole('region', { name: 'Revenue influenced' });
  await expect(revenue.getByRole('heading', { name: 'No won deal yet' })).toBeVisible();
  await expect(revenue.getByRole('link', { name: 'Connect a CRM to see won deals here' })).toHaveAttribute(
    'href',
    '/portal/crm',
  );
  await revenue.scrollIntoViewIfNeeded();
  await shoot(page, 'crm-partner-home');
});

test('the vendor admin finds the revenue influenced on the home, and the vendor’s own CRM page from it', async ({
  page,
}) => {
  await page.setViewportSize(WIDTHS[1]);
  await signInAs(page, vendorEmail);
  await page.goto('/console/home');
  const revenue = page.getByRole('region', { name: 'Revenue influenced' });
  await expect(revenue.getByRole('heading', { name: 'No won deal yet' })).toBeVisible();
  await shoot(page, 'crm-vendor-home');

  await revenue.getByRole('link', { name: 'Connect a CRM to see won deals here' }).click();
  await expect(page).toHaveURL(/\/console\/crm$/);
  await expect(page.getByRole('heading', { level: 1, name: 'CRM' })).toBeVisible();
  await expect(page.getByText(/leads of partners who share their contacts with you are written there/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect HubSpot' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'CRM', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  await shoot(page, 'crm-console');
});
