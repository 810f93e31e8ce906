import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { dismiss, expect, shootAtWidths, test } from './fixtures';
import { admin, ok, PASSWORD, vendorAdmin } from './seed';

/**
 * The console's landing page editor against the real engine: a vendor admin adds the campaign's
 * page, sees it as the sample partner would serve it (the API renders it as it is typed), a
 * form control typed into the HTML refused at its line before saving, a field added to the
 * form, consent asked, saved, and opened again as it was saved.
 */

let vendorEmail: string;
let campaignId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    vendorEmail = await vendorAdmin(api);
    campaignId = (
      await ok<{ id: string }>(
        api.post('/campaigns', {
          headers: admin(),
          data: { name: `Page ${randomUUID().slice(0, 6)}`, language: 'en' },
        }),
        201,
      )
    ).id;
    await ok(
      api.put(`/campaigns/${campaignId}/slots`, { headers: admin(), data: { slots: loadDemo().manifest.slots } }),
      200,
    );
  } finally {
    await api.dispose();
  }
});

test('a landing page is written in the console, previewed as the sample partner, refused at its line, and saved with its form', async ({
  page,
}) => {
  await ok(page.request.post('/auth/sign-in', { data: { email: vendorEmail, password: PASSWORD } }), 200);
  await page.goto(`/console/campaigns/${campaignId}?tab=assets`);
  await page.getByRole('button', { name: 'Add a landing page' }).click();
  const editor = page.getByRole('form', { name: 'New landing page' });
  await editor.getByRole('textbox', { name: 'Name' }).fill('Registration');

  // The API renders the page as the sample partner would serve it, form blank.
  const frame = editor.frameLocator('iframe[title="Landing page preview as Sample partner"]');
  await expect(frame.getByRole('heading', { name: 'See it in action' })).toBeVisible();
  await expect(frame.getByLabel('Work email')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Book my demo' })).toBeVisible();
  await expect(editor.getByText('No problem in the page.')).toBeVisible();

  // A form control typed into the HTML: refused at its line by the API's check, before any save.
  const html = editor.getByRole('textbox', { name: 'HTML' });
  await html.fill('<h1>Back up every laptop</h1>\n<p>{{partner.company_name}} sets it up.</p>\n<input name="x">\n');
  await expect(html).toHaveAccessibleDescription(/Line 3: <input> is not allowed/);
  await html.fill(
    '<h1>Back up every laptop</h1>\n<p>{{partner.company_name}} sets it up in a day.</p>\n<div data-tcma-form></div>\n',
  );
  await expect(frame.getByRole('heading', { name: 'Back up every laptop' })).toBeVisible();
  await expect(html).not.toHaveAccessibleDescription(/is not allowed/);

  // A second field, required, and consent asked: the preview's form follows.
  await editor.getByRole('button', { name: 'Add a field' }).click();
  await editor.getByRole('textbox', { name: 'Field 2: the prospect field it fills' }).fill('company');
  await editor.getByRole('textbox', { name: 'Field 2: label' }).fill('Company');
  await editor.getByRole('checkbox', { name: 'Field 2: required' }).check();
  await editor.getByRole('checkbox', { name: 'Ask for consent' }).check();
  await expect(frame.getByLabel('Company')).toBeVisible();
  await expect(frame.getByText(/^I agree that Sample may contact me about this offer\.$/)).toBeVisible();
  await shootAtWidths(page, 'console-page-editor', { frames: false });

  await editor.getByRole('button', { name: 'Save the landing page' }).click();
  await dismiss(page, 'The landing page “Registration” is saved.');
  const row = page.getByRole('row', { name: /Registration/ });
  await expect(row).toContainText('Landing page');

  // Saved as typed: the API's draft holds the page and its form.
  const campaign = await ok<{
    draft: {
      assets: Array<{ kind: string; form: { fields: Array<{ name: string; required: boolean }>; consent: unknown } }>;
    };
  }>(page.request.get(`/campaigns/${campaignId}`), 200);
  const saved = campaign.draft.assets.find((a) => a.kind === 'page');
  expect(saved?.form.fields.map((f) => [f.name, f.required])).toEqual([
    ['email', true],
    ['company', true],
  ]);
  expect(saved?.form.consent).toEqual({
    text: 'I agree that {{partner.company_name}} may contact me about this offer.',
    required: true,
  });

  // Opened again, as it was saved; a campaign has one landing page, so there is no second to add.
  await row.getByRole('button', { name: 'Edit Registration' }).click();
  const again = page.getByRole('form', { name: 'Edit “Registration”' });
  await expect(again.getByRole('textbox', { name: 'Field 2: label' })).toHaveValue('Company');
  await expect(again.getByRole('textbox', { name: 'HTML' })).toHaveValue(/sets it up in a day/);
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Add an email' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a landing page' })).toHaveCount(0);
});
