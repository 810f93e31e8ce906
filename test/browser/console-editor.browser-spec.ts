import type { Locator, Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { atPublicHost, expect, expectAccessible, screenshot, test } from './fixtures';
import { admin, ok, PASSWORD, vendorAdmin } from './seed';

/**
 * The console's email editor and library against the real engine: MJML typed in the code
 * editor is checked by the API as it changes (an unknown variable marked at its line, then
 * gone once fixed; the missing footer at </mj-body>, then inserted from the palette), the
 * completion offers a declared slot, the preview follows; the library filters by tag,
 * language and status in the address, and duplicates, archives and restores.
 */

const NARROW = { width: 375, height: 812 };
const EDITOR = { width: 1280, height: 900 };

/** Line 5 names a variable no slot declares; there is no footer yet (line 8: </mj-body>). Short lines: none wraps at 1280 px. */
const lines = (hello: string) =>
  [
    '<mjml>',
    ' <mj-body>',
    '  <mj-section>',
    '   <mj-column>',
    `    <mj-text>Hi ${hello}</mj-text>`,
    '   </mj-column>',
    '  </mj-section>',
    ' </mj-body>',
    '</mjml>',
  ].join('\n');

let vendorEmail: string;
const tag = `wave-${randomUUID().slice(0, 6)}`;

test.describe.configure({ mode: 'serial' });

async function createCampaign(name: string, language: string, slots: unknown[] = [], tags = [tag]): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    const { id } = await ok<{ id: string }>(
      api.post('/campaigns', { headers: admin(), data: { name, tags, language } }),
      201,
    );
    if (slots.length) await ok(api.put(`/campaigns/${id}/slots`, { headers: admin(), data: { slots } }), 200);
    return id;
  } finally {
    await api.dispose();
  }
}

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    vendorEmail = await vendorAdmin(api);
  } finally {
    await api.dispose();
  }
});

async function signInBrowser(page: Page): Promise<void> {
  await ok(page.request.post('/auth/sign-in', { data: { email: vendorEmail, password: PASSWORD } }), 200);
}

/** Screenshots at 375 and 1280 px with axe at each, from the top; ends at 1280. */
async function shoot(page: Page, name: string, framed = false): Promise<void> {
  for (const viewport of [NARROW, EDITOR]) {
    await page.setViewportSize(viewport);
    // CodeMirror measures its wrapped lines after a resize only while it is in view: the gutter's
    // numbers then sit beside their lines. The preview frame is brought into view as well.
    for (const el of await page.locator('.cm-editor, iframe').all()) await el.scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const lines = [...document.querySelectorAll('.cm-content .cm-line')].map((l) =>
            Math.round(l.getBoundingClientRect().top),
          );
          const numbers = [...document.querySelectorAll('.cm-lineNumbers .cm-gutterElement')]
            .filter((g) => g.getBoundingClientRect().height > 0)
            .map((g) => Math.round(g.getBoundingClientRect().top));
          return lines.every((top, i) => Math.abs(top - (numbers[i] ?? -1)) <= 1);
        }),
      )
      .toBe(true);
    // From the top: a full-page shot of a scrolled page draws the fixed header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `console-${name}`);
    // The frame's email is there at each width (a full-page capture may not paint a sandboxed frame).
    if (framed)
      await expect(page.frameLocator('iframe[title^="Email preview"]').locator('body')).toContainText('Unsubscribe');
    await expectAccessible(page, { frames: !framed });
  }
}

/** Replaces the whole document of the code editor, as a paste does. */
async function replaceAll(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

/** Puts the cursor at the start of a line of the editor (a click at its left edge, then Home). */
async function goToLine(page: Page, line: Locator): Promise<void> {
  await line.click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Home');
}

test.describe('console email editor', () => {
  test.use({ viewport: EDITOR, baseURL: atPublicHost() });

  test('the API checks the MJML as it is typed and marks its problems at their lines; completion and the palette insert what it allows', async ({
    page,
  }) => {
    test.setTimeout(40_000); // twice its quiet CI time (16.1 s): see docs/contributing.md
    const id = await createCampaign(
      `Editor ${randomUUID().slice(0, 6)}`,
      'en',
      [
        { name: 'company_name', type: 'text', label: 'Company name', required: true },
        { name: 'address', type: 'address', label: 'Postal address', required: true },
        { name: 'logo', type: 'logo', label: 'Logo', required: true },
      ],
      ['editor'],
    );
    await signInBrowser(page);
    await page.goto(`/console/campaigns/${id}?tab=assets`);
    await page.getByRole('button', { name: 'Add an email' }).click();
    const form = page.getByRole('form', { name: 'New email' });
    await form.getByLabel('Name').fill('Welcome');
    await form.getByLabel('Subject').fill('Hello {{prospect.first_name}}');
    const editor = form.getByRole('textbox', { name: 'MJML' });
    await expect(editor).toBeVisible();
    const line = (n: number) => form.locator('.cm-content .cm-line').nth(n - 1);
    const problems = form.getByRole('list', { name: 'Template problems' });

    // An unknown variable: marked on line 5 and listed with its line, as the 422 says it.
    await replaceAll(page, editor, lines('{{partner.nickname}}'));
    await expect(line(5).locator('.cm-lintRange-error')).toBeVisible();
    await expect(problems).toContainText('Line 5: Unknown variable partner.nickname');
    await expect(form.locator('.cm-lintRange-error')).toHaveCount(1);
    await shoot(page, 'email-editor-problem');
    // Saving it is refused with the same problems; the next check, once the MJML is fixed, replaces them.
    const refused = page.waitForResponse((r) => r.request().method() !== 'GET' && r.status() === 422);
    await form.getByRole('button', { name: 'Save the email' }).click();
    await refused;
    await expect(problems).toContainText('Line 5: Unknown variable partner.nickname');

    // Fixed: that problem is gone; the footer the email lacks is marked at </mj-body>.
    await replaceAll(page, editor, lines('{{prospect.first_name}}'));
    await expect(problems).not.toContainText('partner.nickname');
    await expect(line(5).locator('.cm-lintRange-error')).toHaveCount(0);
    await expect(problems).toContainText('Line 8: Every email must contain the unsubscribe link');
    await expect(problems).toContainText("Line 8: Every email must contain the partner's postal address");
    await expect(line(8).locator('.cm-lintRange-error')).toBeVisible();

    // The palette puts the mandatory footer at the cursor (the line of </mj-body>): no problem left.
    await goToLine(page, line(8));
    await form.getByRole('button', { name: 'Insert' }).click();
    await page.getByRole('menuitem', { name: /Mandatory footer/ }).click();
    await expect(form.getByText('No problem in the MJML.')).toBeVisible();
    await expect(form.locator('.cm-lintRange-error')).toHaveCount(0);
    await expect(form.locator('.cm-content')).toContainText('{{partner.address}}');
    await expect(form.locator('.cm-content')).toContainText('{{links.unsubscribe}}');

    // Completion after {{ offers the declared slots (from the API), and closes the braces.
    await goToLine(page, line(5));
    await page.keyboard.press('End');
    for (let i = 0; i < '</mj-text>'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(' of {{partner.comp');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await expect(completion.getByText('partner.company_name')).toBeVisible();
    await expect(completion).not.toContainText('partner.nickname');
    await expect(completion.locator('li[aria-selected="true"]')).toContainText('partner.company_name');
    // CodeMirror ignores Enter for 75 ms after the list (re)opens (interactionDelay), so a fast typist's Enter stays a new line.
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    await expect(line(5)).toHaveText('    <mj-text>Hi {{prospect.first_name}} of {{partner.company_name}}</mj-text>');
    await expect(form.getByText('No problem in the MJML.')).toBeVisible();

    // The preview follows, as the sample partner; at a phone's width, and its plain text.
    const preview = form.frameLocator('iframe[title^="Email preview as Sample partner"]');
    await expect(preview.locator('body')).toContainText('Hi Jamie of');
    await expect(preview.locator('body')).toContainText('Unsubscribe');
    await form.getByText('Mobile', { exact: true }).click();
    const frame = form.locator('iframe[title^="Email preview"]');
    await expect(frame).toHaveAttribute('title', /mobile width/);
    expect((await frame.boundingBox())?.width).toBeLessThanOrEqual(375);
    await shoot(page, 'email-editor', true);
    await form.getByRole('tab', { name: 'Plain text' }).click();
    await expect(form.getByLabel('Plain-text part')).toContainText('Hi Jamie of');
    await form.getByRole('tab', { name: 'HTML' }).click();

    // The logo slot: the sample partner's logo is a placeholder the engine serves, never a broken image.
    const withLogo = lines('{{prospect.first_name}}').replace(
      '   <mj-column>',
      '   <mj-column>\n    {{#if partner.logo}}<mj-image src="{{partner.logo}}" alt="Partner logo" width="160px" />{{/if}}\n    <mj-text>{{partner.address}} <a href="{{links.unsubscribe}}">Unsubscribe</a></mj-text>',
    );
    await replaceAll(page, editor, withLogo);
    const logo = preview.locator('img[alt="Partner logo"]');
    await expect(logo).toHaveCount(1);
    // On the engine, drawn in the preview (not the broken image of an address that serves none).
    expect(new URL((await logo.getAttribute('src')) ?? '').origin).toBe(atPublicHost());
    await expect.poll(() => logo.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);

    // The keyboard leaves the editor with Tab (CodeMirror does not trap it).
    await editor.focus();
    await page.keyboard.press('Tab');
    await expect(editor).not.toBeFocused();

    await form.getByRole('button', { name: 'Save the email' }).click();
    await expect(page.getByText('The email “Welcome” is saved.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Assets' }).getByRole('row', { name: /Welcome/ })).toBeVisible();
  });
});

test.describe('console library', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('filters by tag, language and status in the address, and duplicates, archives and restores', async ({
    page,
  }) => {
    const english = `Library en ${randomUUID().slice(0, 6)}`;
    const german = `Library de ${randomUUID().slice(0, 6)}`;
    await createCampaign(english, 'en');
    await createCampaign(german, 'de');
    await signInBrowser(page);
    await page.goto('/console');
    const table = page.getByRole('table', { name: 'Campaigns' });
    const row = (name: string | RegExp) =>
      table.getByRole('row', { name: typeof name === 'string' ? new RegExp(name.replace(/[()]/g, '\\$&')) : name });

    await page.getByLabel('Tag').fill(tag);
    await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
    await expect(page.getByText('2 campaigns')).toBeVisible();
    await page.getByLabel('Language').fill('de');
    await expect(page).toHaveURL(/language=de/);
    await expect(page.getByText('1 campaign', { exact: true })).toBeVisible();
    await expect(row(german)).toBeVisible();
    await expect(row(english)).toHaveCount(0);

    // The filters are in the address: a reload shows the same list.
    await page.reload();
    await expect(page.getByLabel('Tag')).toHaveValue(tag);
    await expect(page.getByText('1 campaign', { exact: true })).toBeVisible();

    // Duplicate: a new draft "<name> (copy)" with the same tag and language.
    await row(german)
      .getByRole('button', { name: `Actions for ${german}` })
      .click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect(page.getByText(`“${german}” is copied to “${german} (copy)”.`)).toBeVisible();
    await expect(page.getByText('2 campaigns')).toBeVisible();
    await expect(row(`${german} (copy)`)).toContainText('Draft');
    await shoot(page, 'library-filtered');

    // Archive the copy: gone from drafts, found among the archived, restored.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Draft' }).click();
    await expect(page).toHaveURL(/status=draft/);
    await row(`${german} (copy)`)
      .getByRole('button', { name: `Actions for ${german} (copy)` })
      .click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await page
      .getByRole('dialog', { name: 'Archive this campaign?' })
      .getByRole('button', { name: 'Archive the campaign' })
      .click();
    await expect(page.getByText(`“${german} (copy)” is archived.`)).toBeVisible();
    await expect(row(`${german} (copy)`)).toHaveCount(0);
    await page.goto(`/console?tag=${tag}&language=de&status=archived`);
    await row(`${german} (copy)`)
      .getByRole('button', { name: `Actions for ${german} (copy)` })
      .click();
    await page.getByRole('menuitem', { name: 'Restore' }).click();
    await page
      .getByRole('dialog', { name: 'Restore this campaign?' })
      .getByRole('button', { name: 'Restore the campaign' })
      .click();
    await expect(page.getByText(`“${german} (copy)” is restored.`)).toBeVisible();
    await expect(row(`${german} (copy)`)).toHaveCount(0);
    await page.goto(`/console?tag=${tag}&language=de&status=draft`);
    await expect(row(`${german} (copy)`)).toBeVisible();
  });
});
