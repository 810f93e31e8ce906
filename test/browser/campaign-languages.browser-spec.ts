import { request as playwrightRequest, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { dismiss, expect, expectAccessible, shootAtWidths, test } from './fixtures';
import { admin, authorCampaign, ok, partnerWithUser, PASSWORD, vendorAdmin, withApi } from './seed';
import { translateXliff } from '../support/xliff-translator';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';

/**
 * The campaign editor's Languages tab against the real engine: the published demo campaign's
 * emails downloaded as XLIFF for a translator, the translated file imported (German listed, every
 * email Current, the draft's revision moved on), a file whose target dropped a placeholder refused
 * at its line with nothing saved, a language tag refused under its field, and German removed.
 */

let vendorEmail: string;
let campaignId: string;
let campaignName: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // Twice its quiet time, rounded up (see docs/contributing.md): 0.86–0.90 s as the first work of a
  // fresh engine (this spec run alone), 0.51–0.55 s in the suite: a vendor admin and an emails-only campaign.
  test.setTimeout(2_000);
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    vendorEmail = await vendorAdmin(api);
    campaignName = `Languages ${randomUUID().slice(0, 6)}`;
    campaignId = await authorCampaign(api, campaignName, { emailsOnly: true });
  } finally {
    await api.dispose();
  }
});

/** Changes the subject of the draft's first email through the API, as another editor would. */
async function editFirstSubject(): Promise<void> {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    const campaign = await ok<{
      draft: {
        assets: Array<{ id: string; kind: string; name: string; subject: string; preheader: string; mjml: string }>;
      };
    }>(api.get(`/campaigns/${campaignId}`, { headers: admin() }), 200);
    const email = campaign.draft.assets.find((a) => a.kind === 'email');
    if (!email) throw new Error('the draft has no email');
    const { name, subject, preheader, mjml } = email;
    await ok(
      api.put(`/campaigns/${campaignId}/assets/email/${email.id}`, {
        headers: admin(),
        data: { name, subject: `${subject} (updated)`, preheader, mjml },
      }),
      200,
    );
  } finally {
    await api.dispose();
  }
}

/** Chooses a file with the field's own button, as a person does (the file chooser opens). */
async function chooseFile(page: Page, field: Locator, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await field.click();
  await (await chooser).setFiles({ name, mimeType: 'application/xliff+xml', buffer: Buffer.from(text, 'utf8') });
}

test('a translator’s XLIFF file becomes the German copy of every email; a broken one is refused at its line; German is removed', async ({
  page,
}) => {
  test.setTimeout(25_000); // twice its quiet time (11.6–11.7 s in three runs), rounded up: see docs/contributing.md
  await ok(page.request.post('/auth/sign-in', { data: { email: vendorEmail, password: PASSWORD } }), 200);
  await page.goto(`/console/campaigns/${campaignId}?tab=languages`);
  await expect(page.getByRole('tab', { name: 'Languages' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No other language yet')).toBeVisible();
  const revision = page.getByText(/^Version 1 published · draft revision \d+$/);
  const before = await revision.textContent();

  // Download for translation: the latest version's emails, for German (the form sent with Enter).
  const downloadSection = page.getByRole('region', { name: 'Download for translation' });
  await expect(downloadSection).toContainText('version 1’s words');
  const download = page.getByRole('form', { name: 'Download for translation' });
  await download.getByLabel('Language').fill('de');
  const saved = page.waitForEvent('download');
  await download.getByLabel('Language').press('Enter');
  const file = await saved;
  expect(file.suggestedFilename()).toBe(`campaign-${campaignId}-v1.de.xlf`);
  const xliff = fs.readFileSync(await file.path(), 'utf8');
  expect(xliff).toContain('trgLang="de"');
  expect(xliff).toMatch(/<source>[^\n]*<ph /);
  await expect(downloadSection).toContainText(`Downloaded campaign-${campaignId}-v1.de.xlf.`);

  // Imported as German: every email Current, from the translation file, and the draft moved on.
  const importForm = page.getByRole('form', { name: 'Import a translation' });
  const language = importForm.getByLabel('Language');
  const fileField = importForm.getByRole('button', { name: 'Translation file' });
  await language.fill('de');
  await chooseFile(page, fileField, 'campaign.de.xlf', translateXliff(xliff));
  await expect(fileField).toHaveText('campaign.de.xlf');
  await importForm.getByRole('button', { name: 'Import the translation' }).click();
  await dismiss(page, 'Imported: every email, and each post and page in the file, now has its German words.');
  const german = page.getByRole('region', { name: 'German (de)' });
  const rows = german.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) {
    await expect(row.getByRole('cell').nth(0)).toContainText('Translation file · saved ');
    await expect(row.getByRole('cell').nth(1)).toHaveText('Current');
  }
  await expect(rows.first()).toContainText('1 — Your files, safe in the cloud');
  await expect(revision).not.toHaveText(before ?? '');
  await expect(page.getByText('Published, changes pending')).toBeVisible();
  await shootAtWidths(page, 'console-languages');

  // A target that dropped a placeholder: refused at the line of that target, nothing saved.
  const lines = translateXliff(xliff, 'DE2 ').split('\n');
  const at = lines.findIndex((l) => /<target>.*<ph /.test(l));
  lines[at] = lines[at].replace(/(<target>.*?)<ph [^>]*\/>/, '$1');
  await chooseFile(page, fileField, 'broken.de.xlf', lines.join('\n'));
  await importForm.getByRole('button', { name: 'Import the translation' }).click();
  const problems = page.getByRole('list', { name: 'Problems in the file' });
  await expect(problems.getByRole('listitem').first()).toHaveText(new RegExp(`^Line ${at + 1}: `));
  for (const item of await problems.getByRole('listitem').all())
    await expect(item).toHaveText(new RegExp(`^Line ${at + 1}: `));
  await expect(page.getByRole('alert').filter({ hasText: 'The translation was not imported' })).toBeVisible();
  await expect(german.getByRole('cell', { name: 'Current' })).toHaveCount(3);
  await shootAtWidths(page, 'console-languages-refused');

  // A tag that is not a language: the API's word under the language field.
  await language.fill('de_DE');
  await importForm.getByRole('button', { name: 'Import the translation' }).click();
  await expect(language).toHaveAccessibleDescription(/language must be a BCP 47 language tag/);
  await expect(problems).toHaveCount(0);

  // The first email's subject edited since: its German copy needs an update, as the API judges it.
  await editFirstSubject();
  await page.reload();
  await expect(rows.first().getByRole('cell').nth(1)).toHaveText('Needs update');
  await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText('Current');
  await shootAtWidths(page, 'console-languages-stale');

  // Removed, once confirmed: no other language again.
  await german.getByRole('button', { name: 'Remove German' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove German (de)?' });
  await expect(dialog).toContainText(
    'Every email’s, PDF’s, social post’s and page’s German version is removed from the draft.',
  );
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Remove the language' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('German is removed from the draft.')).toBeVisible();
  await expect(german).toHaveCount(0);
  await expect(page.getByText('No other language yet')).toBeVisible();
});

test('before the first publication there is nothing to download, and the tab says why', async ({ page }) => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  let id: string;
  try {
    ({ id } = await ok<{ id: string }>(
      api.post('/campaigns', {
        headers: admin(),
        data: { name: `Unpublished ${randomUUID().slice(0, 6)}`, language: 'en' },
      }),
      201,
    ));
  } finally {
    await api.dispose();
  }
  await ok(page.request.post('/auth/sign-in', { data: { email: vendorEmail, password: PASSWORD } }), 200);
  await page.goto(`/console/campaigns/${id}?tab=languages`);
  const download = page.getByRole('form', { name: 'Download for translation' });
  await expect(page.getByText(/^Only a published version can be exported/)).toBeVisible();
  await expect(download.getByLabel('Language')).toBeDisabled();
  await expect(download.getByRole('button', { name: 'Download the XLIFF file' })).toBeDisabled();
  await expect(download.getByRole('button', { name: 'Download the XLIFF file' })).toHaveAccessibleDescription(
    /publish the campaign first/,
  );
  await shootAtWidths(page, 'console-languages-unpublished');
});

test('the model’s French drafts are read and approved; publishing with French stale asks what to do, and records it', async ({
  page,
}) => {
  test.setTimeout(25_000); // twice its quiet time (10.9 s), rounded up: see docs/contributing.md
  await ok(page.request.post('/auth/sign-in', { data: { email: vendorEmail, password: PASSWORD } }), 200);
  await page.goto(`/console/campaigns/${campaignId}?tab=languages`);

  // The model's drafts of every email and of the landing page just added, in French: saved as machine translations that need review.
  await addPage();
  await page.reload();
  const machine = page.getByRole('form', { name: 'Translate with the assistant' });
  await expect(page.getByRole('region', { name: 'Translate with the assistant' })).toContainText('(stub-model)');
  await machine.getByLabel('Language').fill('fr');
  await machine.getByRole('button', { name: 'Translate the campaign' }).click();
  await dismiss(page, 'The model’s French drafts are saved: review them above.');
  const french = page.getByRole('region', { name: 'French (fr)' });
  const rows = french.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(4);
  await expect(rows.last()).toContainText('Landing page · Machine translation · saved ');
  for (const row of await rows.all()) {
    await expect(row.getByRole('cell').nth(0)).toContainText('Machine translation · saved ');
    await expect(row.getByRole('cell').nth(1)).toHaveText('CurrentNeeds review');
  }

  // Read as a partner would send it (the API renders the French copy), one email after another, then approved.
  await french.getByRole('button', { name: 'Review French' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review the French machine translation' });
  await expect(dialog).toContainText('The model drafted 3 emails in French.');
  await expect(dialog.getByText(/^Subject: \[fr\] /)).toBeVisible();
  // The copy in the rendered email is French (its preheader is hidden, as in every email).
  await expect(
    dialog
      .frameLocator('iframe')
      .first()
      .getByText(/\[fr\] /)
      .filter({ visible: true })
      .first(),
  ).toBeVisible();
  const email = dialog.getByRole('combobox', { name: 'Email' });
  await email.click();
  await page.getByRole('option').nth(1).click();
  await expect(email).toHaveValue(/^2 — /);
  await expect(dialog.getByText(/^Subject: \[fr\] /)).toBeVisible();
  // The page's words, as text to read: its title, its text and its form's.
  const words = dialog.getByRole('region', { name: 'Landing page “Registration page”' });
  await expect(words).toContainText('[fr] Book a live demo with {{partner.company_name}}');
  await expect(words).toContainText('[fr] Encrypted before it leaves your office');
  await expect(words).toContainText('Form: [fr] Work email');
  await shootAtWidths(page, 'console-languages-review', { frames: false });
  await dialog.getByRole('button', { name: 'Approve the French translation' }).click();
  await expect(dialog).toBeHidden();
  await dismiss(page, 'The French translation is approved.');
  await expect(french.getByText('Needs review')).toHaveCount(0);

  // The first email changes: its French copy is stale, and publishing needs a choice for French.
  await editFirstSubject();
  await page.reload();
  await expect(rows.first().getByRole('cell').nth(1)).toHaveText('Needs update');
  await page.getByRole('tab', { name: 'Publish' }).click();
  const choice = page.getByRole('radiogroup', { name: 'French (fr)' });
  await expect(page.getByRole('region', { name: 'Languages not ready' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not published' })).toContainText(
    'Choose what this version does with each language above.',
  );
  await expect(choice).toHaveAccessibleDescription('Choose what this version does with French.');
  await shootAtWidths(page, 'console-publish-languages');
  await choice.getByLabel('Send French where it is ready, English in the other emails').check();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await dismiss(page, 'Version 2 is published.');
  const version = await ok<{ content: { languageChoices?: Record<string, string> } }>(
    page.request.get(`/campaigns/${campaignId}/versions/2`),
    200,
  );
  expect(version.content.languageChoices).toEqual({ fr: 'fallback' });
});

test('a partner’s catalogue card lists the published languages, and the language filter finds the campaign by French', async ({
  page,
}) => {
  const partner = await withApi((api) => partnerWithUser(api, 'Languages Partner', 'Europe/Paris'));
  await ok(page.request.post('/auth/sign-in', { data: { email: partner.email, password: PASSWORD } }), 200);
  await page.goto('/portal');
  const filters = page.getByRole('search', { name: 'Filter the catalogue' });
  await filters.getByRole('searchbox', { name: 'Search' }).fill(campaignName);
  await filters.getByRole('textbox', { name: 'Language' }).fill('fr');
  // Version 2 sends French where it is ready (the previous test's choice): English first, then French.
  const card = page.getByRole('article', { name: campaignName });
  await expect(card.getByTitle('Languages')).toHaveText('en · fr');
  await shootAtWidths(page, 'portal-catalogue-languages');
  // German was removed before publishing: the campaign is not in German.
  await filters.getByRole('textbox', { name: 'Language' }).fill('de');
  await expect(page.getByRole('heading', { name: 'No campaign matches these filters' })).toBeVisible();
  await expect(card).toHaveCount(0);
});

/** The demo's landing page in the draft, with its form (no file to upload). */
async function addPage(): Promise<void> {
  const demo = loadDemo();
  const { key: _key, file, ...registration } = demo.manifest.page!;
  await withApi((api) =>
    ok(
      api.post(`/campaigns/${campaignId}/assets/page`, {
        headers: admin(),
        data: { ...registration, html: demo.readText(file) },
      }),
      201,
    ),
  );
}

/** A social post in the draft, as the demo's (its background uploaded first). */
async function addSocialPost(): Promise<string> {
  const demo = loadDemo();
  const post = demo.manifest.social[0];
  return withApi(async (api) => {
    const file = await ok<{ id: string }>(
      api.post('/files', {
        headers: admin(),
        multipart: { file: { name: 'linkedin.png', mimeType: 'image/png', buffer: demo.read(post.file) } },
      }),
      201,
    );
    await ok(
      api.post(`/campaigns/${campaignId}/assets/social`, {
        headers: admin(),
        data: { name: post.name, fileId: file.id, slots: post.slots, copy: post.copy },
      }),
      201,
    );
    return post.name;
  });
}

/** Selects the words of the MJML editor from `first` to `last` (both included), as a drag of the mouse does. */
async function selectWords(editor: Locator, first: string, last: string): Promise<void> {
  // CodeMirror draws only the lines near the window: the page scrolls down until the words are drawn.
  const line = editor.locator('.cm-line', { hasText: first });
  await editor.hover();
  await expect
    .poll(async () => {
      if (await line.count()) return true;
      await editor.page().mouse.wheel(0, 300);
      return false;
    })
    .toBe(true);
  await line.scrollIntoViewIfNeeded();
  // CodeMirror takes the document's selection as its own while it has the focus.
  await editor.focus();
  await editor.evaluate(
    (content, [from, to]) => {
      const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const start = texts.find((t) => t.data.includes(from));
      const end = texts.find((t) => t.data.includes(to));
      if (!start || !end) throw new Error(`no text “${from}” … “${to}” in the editor`);
      const range = document.createRange();
      range.setStart(start, start.data.indexOf(from));
      range.setEnd(end, end.data.indexOf(to) + to.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [first, last],
  );
}

test('the editors offer the model’s subject lines, wordings and post copy; an option used goes into its field, saved only with the asset', async ({
  page,
}) => {
  test.setTimeout(25_000); // twice its time in a slow hour's CI (11.1 s), rounded up: see docs/contributing.md
  const postName = await addSocialPost();
  const emailName = loadDemo().manifest.emails[0].name;
  const saved = async () =>
    (
      await ok<{
        draft: { assets: Array<{ name: string; subject?: string; mjml?: string; copy?: { linkedin?: string } }> };
      }>(page.request.get(`/campaigns/${campaignId}`), 200)
    ).draft.assets;
  await ok(page.request.post('/auth/sign-in', { data: { email: vendorEmail, password: PASSWORD } }), 200);
  await page.goto(`/console/campaigns/${campaignId}?tab=assets`);
  await page.getByRole('button', { name: `Edit ${emailName}` }).click();
  const form = page.getByRole('form', { name: `Edit “${emailName}”` });
  const subjectField = form.getByRole('textbox', { name: 'Subject', exact: true });
  const before = await subjectField.inputValue();

  // Subject lines: the model's options, one put in the field with a click; nothing saved yet.
  await form.getByRole('button', { name: 'Suggest subject lines' }).click();
  const options = form.getByRole('group', { name: /^A machine’s suggestions/ });
  const first = options.getByText(/^Suggestion 1: /);
  const subject = (await first.textContent()) ?? '';
  await expect(options.getByRole('button', { name: /^Use this text: / })).toHaveCount(3);
  await options.getByRole('button', { name: `Use this text: ${subject}` }).click();
  await expect(subjectField).toHaveValue(subject);
  expect((await saved()).find((a) => a.name === emailName)?.subject).toBe(before);

  // Other wordings of the words selected in the MJML (its placeholder kept), put in their place.
  const editor = form.getByRole('textbox', { name: 'MJML' });
  await selectWords(editor, 'As your local Acme partner,', 'protected this week.');
  await form.getByRole('button', { name: 'Rewrite…' }).click();
  const rewrite = page.getByRole('dialog');
  await expect(rewrite).toContainText(
    'As your local Acme partner, {{partner.company_name}} can have you protected this week.',
  );
  await rewrite.getByLabel('How to rewrite (optional)').fill('shorter');
  await rewrite.getByRole('button', { name: 'Suggest wordings' }).click();
  const wording = rewrite.getByText(/^Suggestion 2: .*\{\{partner\.company_name\}\}$/);
  const chosen = (await wording.textContent()) ?? '';
  await shootAtWidths(page, 'console-email-suggestions', { frames: false });
  // The shots end at the top of the page; the popover shows again with its button in view.
  await form.getByRole('button', { name: 'Rewrite…' }).scrollIntoViewIfNeeded();
  await rewrite.getByRole('button', { name: `Use this text: ${chosen}` }).click();
  await expect(rewrite).toBeHidden();
  await expect(form.locator('.cm-content')).toContainText(`<mj-text>${chosen}</mj-text>`);
  await expect(form.getByText('No problem in the MJML.')).toBeVisible();
  await form.getByRole('button', { name: 'Save the email' }).click();
  await dismiss(page, `The email “${emailName}” is saved.`);
  const email = (await saved()).find((a) => a.name === emailName);
  expect(email?.subject).toBe(subject);
  expect(email?.mjml).toContain(`<mj-text>${chosen}</mj-text>`);

  // A network's copy, from the social post's editor.
  await page.getByRole('button', { name: `Edit ${postName}` }).click();
  const post = page.getByRole('form', { name: `Edit “${postName}”` });
  await post.getByRole('button', { name: 'Suggest LinkedIn copy' }).click();
  const copy = post.getByRole('group', { name: /^A machine’s suggestions/ }).getByText(/^Suggestion 3: /);
  const text = (await copy.textContent()) ?? '';
  await post.getByRole('button', { name: `Use this text: ${text}` }).click();
  await expect(post.getByRole('textbox', { name: 'LinkedIn post', exact: true })).toHaveValue(text);
  expect((await saved()).find((a) => a.name === postName)?.copy?.linkedin).not.toBe(text);
});
