import type { Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { consoleArea, expect, expectAccessible, expectConsoleArea, screenshot, tabTo, test } from './fixtures';
import { invitationToken, ok, partnerWithUser, PASSWORD, vendorAdmin } from './seed';

/**
 * The vendor console against the real engine: a vendor admin creates a campaign by keyboard,
 * edits its details (the API's refusal of a language at its field), adds a slot and an email
 * (an unknown variable refused at its line, then fixed), checks and publishes it, and sees
 * version 1; then invites a partner, whose invitation email reaches the outbox, and opens the
 * partner's portal in concierge mode. A partner's user is shown the way to the portal instead.
 */

const NARROW = { width: 375, height: 812 };
const WIDE = { width: 1440, height: 900 };

/** Line 5 names a variable no slot declares. */
const MJML_WITH_UNKNOWN = [
  '<mjml>',
  '  <mj-body>',
  '    <mj-section>',
  '      <mj-column>',
  '        <mj-text>Hello {{partner.nickname}}</mj-text>',
  '        <mj-text>{{partner.address}}</mj-text>',
  '        <mj-text><a href="{{links.unsubscribe}}">Unsubscribe</a></mj-text>',
  '      </mj-column>',
  '    </mj-section>',
  '  </mj-body>',
  '</mjml>',
].join('\n');

let vendorEmail: string;
let partnerEmail: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    vendorEmail = await vendorAdmin(api);
    partnerEmail = (await partnerWithUser(api, `Contoso ${randomUUID().slice(0, 6)}`, 'Europe/Warsaw')).email;
  } finally {
    await api.dispose();
  }
});

async function signInBrowser(page: Page, email: string): Promise<void> {
  await ok(page.request.post('/auth/sign-in', { data: { email, password: PASSWORD } }), 200);
}

/** A screenshot at 1440 px (and 375 px when asked) and axe at each width. Ends at the wide one. */
async function shoot(page: Page, name: string, narrowToo = false): Promise<void> {
  for (const viewport of narrowToo ? [NARROW, WIDE] : [WIDE]) {
    await page.setViewportSize(viewport);
    // Home: the one link every user's navigation has (a partner's offers no console).
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Home/ });
    if (viewport === NARROW) await expect(nav).not.toBeInViewport();
    else await expect(nav).toBeInViewport({ ratio: 1 });
    // From the top: a full-page shot of a scrolled page draws the fixed header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `console-${name}`);
    await expectAccessible(page);
  }
}

test.describe('vendor console', () => {
  test.use({ viewport: WIDE });

  test('a vendor admin authors, checks and publishes a campaign', async ({ page }) => {
    test.setTimeout(70_000); // twice its quiet CI time (32.0 s): see docs/contributing.md
    const name = `Spring nurture ${randomUUID().slice(0, 6)}`;
    await signInBrowser(page, vendorEmail);
    await page.goto('/console');
    await expect(page.getByRole('heading', { level: 1, name: 'Campaign library' })).toBeVisible();
    await expectConsoleArea(page, 'Campaigns');
    await shoot(page, 'library-empty', true);

    // Created with the keyboard alone.
    await tabTo(page, page.getByRole('button', { name: 'New campaign' }).first(), 30);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Language')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Three emails for the spring season.');
    await shoot(page, 'new-campaign');
    await tabTo(page, dialog.getByRole('button', { name: 'Create the campaign' }), 5);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/console\/campaigns\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const editorUrl = page.url();

    // Details: the API's refusal of the language shows at the field; then a good one saves.
    const language = page.getByRole('textbox', { name: 'Language' });
    await language.fill('English!');
    await page.getByRole('combobox', { name: 'Tags' }).fill('spring');
    await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await page.getByRole('combobox', { name: 'Partner tiers' }).fill('gold');
    await page.getByRole('combobox', { name: 'Partner tiers' }).press('Enter');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await expect(page.getByText('must be a language tag such as en or pt-BR')).toBeVisible();
    await expect(language).toHaveAccessibleDescription(/must be a language tag such as en or pt-BR/);
    await shoot(page, 'editor-details-refused');
    await language.fill('en');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await expect(page.getByText('The details are saved.')).toBeVisible();
    await expect(page.getByText('draft revision 2')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Partner tiers' })).toHaveValue('');
    await expect(page.getByText('gold', { exact: true })).toBeVisible();
    await shoot(page, 'editor-details');

    // Slots: the partner's postal address, required.
    await page.getByRole('tab', { name: 'Slots' }).click();
    await expect(page).toHaveURL(/tab=slots/);
    await page.getByRole('button', { name: 'Add a slot' }).click();
    const slot = page.getByRole('group', { name: 'Slot 1' });
    await slot.getByLabel('Name').fill('address');
    await slot.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Postal address' }).click();
    await slot.getByLabel(/Required/).check();
    await page.getByRole('button', { name: 'Save the slots' }).click();
    await expect(page.getByText('The slots are saved.')).toBeVisible();
    await expect(slot.getByText('Not mentioned in any asset yet')).toBeVisible();

    // Assets: an email naming an unknown variable is refused at its line, then fixed.
    await page.getByRole('tab', { name: 'Assets' }).click();
    await page.getByRole('button', { name: 'Add an email' }).click();
    const form = page.getByRole('form', { name: 'New email' });
    await form.getByLabel('Name').fill('Welcome');
    await form.getByLabel('Subject').fill('Spring is here');
    await form.getByLabel('Preheader').fill('Three ideas for the season');
    await form.getByLabel('MJML').fill(MJML_WITH_UNKNOWN);
    await form.getByRole('button', { name: 'Save the email' }).click();
    await expect(form.getByText(/Line 5: Unknown variable partner\.nickname/)).toBeVisible();
    await shoot(page, 'editor-email-refused');
    await form.getByLabel('MJML').fill(MJML_WITH_UNKNOWN.replace('{{partner.nickname}}', '{{prospect.first_name}}'));
    await form.getByRole('button', { name: 'Save the email' }).click();
    await expect(page.getByText('The email “Welcome” is saved.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Assets' }).getByRole('row', { name: /Welcome/ })).toBeVisible();
    await shoot(page, 'editor-assets');

    await page.getByRole('tab', { name: 'Slots' }).click();
    await expect(page.getByRole('group', { name: 'Slot 1' }).getByText('Mentioned in: Welcome')).toBeVisible();
    await shoot(page, 'editor-slots');

    // Publish: the API's check says ready; version 1 appears in the list.
    await page.getByRole('tab', { name: 'Publish' }).click();
    await expect(page.getByText('Not published yet')).toBeVisible();
    await page.getByRole('button', { name: 'Check the draft' }).click();
    await expect(page.getByText('Ready to publish')).toBeVisible();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByText('Version 1 is published.')).toBeVisible();
    const versions = page.getByRole('table', { name: 'Versions' });
    await expect(versions.getByRole('row', { name: /Version 1 .* you/ })).toBeVisible();
    await expect(page.getByText('Every change is published')).toBeVisible();
    await shoot(page, 'editor-publish');

    // The tab is in the address: a reload shows it again.
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Publish' })).toHaveAttribute('aria-selected', 'true');
    expect(page.url()).toContain(editorUrl);

    // The library lists it, found by name and status.
    await page.goto('/console?status=published');
    await page.getByLabel('Search').fill(name.slice(0, 12));
    await expect(page).toHaveURL(/search=Spring/);
    const row = page.getByRole('table', { name: 'Campaigns' }).getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Published');
    await expect(row).toContainText('Version 1');
    await shoot(page, 'library', true);

    // Archived after a confirmation, and restored.
    await row.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await shoot(page, 'archive-confirmation');
    await page
      .getByRole('dialog', { name: 'Archive this campaign?' })
      .getByRole('button', { name: 'Archive the campaign' })
      .click();
    await expect(page.getByText('0 campaigns').or(page.getByText('No campaign matches'))).toBeVisible();
    await page.goto('/console?status=archived');
    const archived = page.getByRole('table', { name: 'Campaigns' }).getByRole('row', { name: new RegExp(name) });
    await archived.getByRole('button', { name: `Actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Restore' }).click();
    await page
      .getByRole('dialog', { name: 'Restore this campaign?' })
      .getByRole('button', { name: 'Restore the campaign' })
      .click();
    await expect(page.getByText(`“${name}” is restored.`)).toBeVisible();
  });

  test('a vendor admin invites a partner, whose invitation reaches the outbox, and opens its portal', async ({
    page,
    request,
  }) => {
    const company = `Fabrikam ${randomUUID().slice(0, 6)}`;
    const email = `first-${randomUUID().slice(0, 8)}@fabrikam.example`;
    await signInBrowser(page, vendorEmail);
    await page.goto('/console');
    await (await consoleArea(page, 'Partners')).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();

    await page.getByRole('button', { name: 'Invite a partner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a partner' });
    await dialog.getByLabel('Company name').fill(company);
    await dialog.getByLabel('Tier').fill('silver');
    await dialog.getByLabel('Region').fill('emea');
    await dialog.getByLabel('Email of its first user').fill('not an email');
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    // The partner is made, its invitation refused at the email; sending again only invites.
    await expect(dialog.getByText(/email must be an email/i)).toBeVisible();
    await expect(dialog.getByText('Partner created, invitation not sent')).toBeVisible();
    await dialog.getByLabel('Email of its first user').fill(email);
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(dialog.getByText(`${company} is invited`)).toBeVisible();
    await expect(dialog.getByText(email)).toBeVisible();
    await shoot(page, 'partner-invited');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The invitation is emailed in the request that invites: in the outbox when it answers.
    await expect.poll(() => invitationToken(request, email)).toMatch(/\S/);

    const row = page.getByRole('table', { name: 'Partners' }).getByRole('row', { name: new RegExp(company) });
    await expect(row).toContainText('Active');
    await expect(row).toContainText('silver');
    await expect(row).toContainText('Never');
    await shoot(page, 'partners', true);

    // Tier, time zone and language edited: a language that is not a tag is refused at its field,
    // nothing saved; the API keeps the tag in its canonical form. Deactivated after a confirmation.
    await row.getByRole('button', { name: `Actions for ${company}` }).click();
    await page.getByRole('menuitem', { name: 'Edit the partner' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${company}` });
    await edit.getByLabel('Tier').fill('gold');
    await edit.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Vienna');
    await page.getByRole('option', { name: 'Europe/Vienna' }).click();
    await edit.getByLabel('Default language').fill('German');
    await edit.getByRole('button', { name: 'Save the partner' }).click();
    await expect(edit.getByLabel('Default language')).toHaveAccessibleDescription(/BCP 47/);
    await expect(row).toContainText('silver');
    await shoot(page, 'partner-edit-refused');
    await edit.getByLabel('Default language').fill('de-at');
    await edit.getByRole('button', { name: 'Save the partner' }).click();
    await expect(row).toContainText('gold');
    await row.getByRole('button', { name: `Actions for ${company}` }).click();
    await page.getByRole('menuitem', { name: 'Edit the partner' }).click();
    await expect(edit.getByLabel('Default language')).toHaveValue('de-AT');
    await expect(edit.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Vienna');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    // Its portal, in concierge mode, and back.
    await row.getByRole('button', { name: `Actions for ${company}` }).click();
    await page.getByRole('menuitem', { name: 'Open portal as this partner' }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByRole('status', { name: 'Concierge mode' })).toContainText(`You are acting for ${company}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
    await shoot(page, 'concierge');
    await page.getByRole('button', { name: 'Back to the console' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Concierge mode' })).toHaveCount(0);
  });

  test('a partner’s user is shown the way to the portal, not the console', async ({ page }) => {
    await signInBrowser(page, partnerEmail);
    await page.goto('/console/partners');
    await expect(page.getByRole('heading', { level: 1, name: 'Vendor console' })).toBeVisible();
    await expect(page.getByText('The console is your vendor’s')).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Vendor console/ }),
    ).toHaveCount(0);
    await expect(page.getByRole('table')).toHaveCount(0);
    await shoot(page, 'partner-user');
  });
});
