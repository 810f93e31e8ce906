import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { expect, shootAtWidths, test } from './fixtures';
import {
  admin,
  authorCampaign,
  demoBrandKit,
  ok,
  partnerWithUser,
  PASSWORD,
  signIn,
  vendorAdmin,
  vendorApprover,
} from './seed';
import { translateXliff } from '../support/xliff-translator';

/**
 * A partner's own words (issue 27): the launch wizard's editable intro with its limits and the
 * API's live preview, refused at the field for a link to another site; the launch waits for the
 * vendor; the approver finds the text on the vendor home and approves it, which starts it. A
 * programme's subscription offers the same field for the launches it will bring. The vendor gives
 * the block a default in each of the campaign's other languages on the Slots tab.
 */

let campaignId: string;
let campaignName: string;
let partnerEmail: string;
let approverEmail: string;
let programmeName: string;
let vendorEmail: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(20_000); // a campaign published twice, a partner with its brand kit and a prospect, an approver
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    const h = admin();
    campaignName = `Own words ${randomUUID().slice(0, 6)}`;
    campaignId = await authorCampaign(api, campaignName, { emailsOnly: true });
    const demo = loadDemo();
    await ok(
      api.put(`/campaigns/${campaignId}/slots`, {
        headers: h,
        data: {
          slots: [
            ...demo.manifest.slots,
            {
              name: 'intro',
              type: 'text_block',
              label: 'Your introduction',
              required: false,
              maxLength: 300,
              allowLinks: true,
              approval: 'vendor',
              fallback: 'Your Acme partner is here to help.',
            },
          ],
        },
      }),
      200,
    );
    const campaign = await ok<{ draft: { assets: Array<{ id: string; name: string }> } }>(
      api.get(`/campaigns/${campaignId}`, { headers: h }),
      200,
    );
    const welcome = demo.manifest.emails[0];
    const assetId = campaign.draft.assets.find((a) => a.name === welcome.name)?.id;
    const mjml = demo
      .readText(welcome.file)
      .replace(
        /(<mj-text>\{\{#if prospect\.first_name\}\}.*?<\/mj-text>)/,
        '$1\n        <mj-text>{{partner.intro}}</mj-text>',
      );
    await ok(
      api.put(`/campaigns/${campaignId}/assets/email/${assetId}`, {
        headers: h,
        data: { name: welcome.name, subject: welcome.subject, preheader: welcome.preheader, mjml },
      }),
      200,
    );
    await ok(api.post(`/campaigns/${campaignId}/publish`, { headers: h }), 201);
    const partner = await partnerWithUser(api, `Northwind ${randomUUID().slice(0, 4)}`, 'Europe/Warsaw');
    partnerEmail = partner.email;
    const csrf = await signIn(api, partnerEmail);
    await demoBrandKit(api, partner.partnerId, csrf);
    await ok(
      api.post(`/partners/${partner.partnerId}/prospects`, {
        headers: { 'X-CSRF-Token': csrf },
        data: { email: 'ann@prospect.example', firstName: 'Ann' },
      }),
      201,
    );
    approverEmail = await vendorApprover(api);
    vendorEmail = await vendorAdmin(api);
    // Named to come first in the portal's list of the vendor's programmes (by name).
    programmeName = `A programme of own words ${randomUUID().slice(0, 6)}`;
    await ok(api.post('/programmes', { headers: h, data: { name: programmeName, campaignIds: [campaignId] } }), 201);
  } finally {
    await api.dispose();
  }
});

test("a partner writes its intro in the wizard; the vendor's approver approves it on the home", async ({ page }) => {
  await ok(page.request.post('/auth/sign-in', { data: { email: partnerEmail, password: PASSWORD } }), 200);
  await page.goto(`/portal/campaigns/${campaignId}`);
  await expect(page.getByRole('heading', { level: 1, name: campaignName })).toBeVisible();
  await page.getByRole('button', { name: 'Launch', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: `Launch “${campaignName}”` });
  const intro = wizard.getByRole('textbox', { name: 'Your introduction' });
  await expect(intro).toBeVisible();
  await expect(
    wizard.getByText('Your vendor approves a new text before the launch starts', { exact: false }),
  ).toBeVisible();

  // A link to another site: the API's preview refuses it at the field.
  await intro.fill('Cheaper at https://elsewhere.example/deal');
  await expect(wizard.getByText(/may only link to the partner's own website/)).toBeVisible();
  // The dry run refuses what the launch would: the wizard stays on the form, the refusal at its field.
  const dryRun = page.waitForResponse((r) => r.url().endsWith('/launches/preview') && r.request().method() === 'POST');
  await wizard.getByRole('button', { name: 'Review the launch' }).click();
  expect((await (await dryRun).json()).problems).toEqual([
    expect.objectContaining({ path: expect.stringMatching(/^slot(s|Values)\.intro$/) }),
  ]);
  await expect(wizard.getByRole('button', { name: 'Review the launch' })).toBeEnabled();
  await expect(wizard.getByRole('button', { name: 'Confirm the launch' })).toHaveCount(0);
  await expect(wizard.getByText(/may only link to the partner's own website/)).toBeVisible();

  await intro.fill('We are **Northwind IT**, your _local_ backup experts.\n\nSee https://northwind-it.example/offer');
  await expect(wizard.getByText(/may only link to the partner's own website/)).toHaveCount(0);
  await expect(wizard.getByText(/^\d+ of 300 characters$/)).toBeVisible();
  const preview = page.frameLocator('iframe[title^="Preview: "]');
  await expect(preview.locator('strong', { hasText: 'Northwind IT' })).toBeVisible();
  await shootAtWidths(page, 'launch-text-block', { frames: false });

  await wizard.getByRole('button', { name: 'Review the launch' }).click();
  await wizard.getByRole('button', { name: 'Confirm the launch' }).click();
  await expect(page.getByText('Waiting for your vendor’s approval')).toBeVisible();
  await expect(page.getByText('Awaiting approval', { exact: true })).toBeVisible();
  const launchUrl = page.url();
  await shootAtWidths(page, 'launch-awaiting-approval');
  await page.request.post('/auth/sign-out', {
    headers: { 'X-CSRF-Token': (await (await page.request.get('/auth/session')).json()).csrfToken },
  });

  // The approver: the home lists the partner's text as it is sent; approving starts the launch.
  await ok(page.request.post('/auth/sign-in', { data: { email: approverEmail, password: PASSWORD } }), 200);
  await page.goto('/console/home');
  const waiting = page.getByRole('region', { name: 'Partners’ own words to approve' });
  const item = waiting.getByRole('listitem').filter({ hasText: campaignName });
  await expect(item).toBeVisible();
  await expect(
    page.frameLocator('iframe[title^="Your introduction by "]').first().locator('strong', { hasText: 'Northwind IT' }),
  ).toBeVisible();
  await shootAtWidths(page, 'console-text-block-approval', { frames: false });
  await item.getByRole('button', { name: 'Approve and start' }).click();
  await expect(item).toHaveCount(0);
  await page.request.post('/auth/sign-out', {
    headers: { 'X-CSRF-Token': (await (await page.request.get('/auth/session')).json()).csrfToken },
  });

  await ok(page.request.post('/auth/sign-in', { data: { email: partnerEmail, password: PASSWORD } }), 200);
  await page.goto(launchUrl);
  await expect(page.getByText('Waiting for your vendor’s approval')).toHaveCount(0);
  await expect(page.getByText(/^(Enrolling|Active)$/).first()).toBeVisible();
});

test("a partner writes its intro in a programme subscription's defaults, checked at the field", async ({ page }) => {
  await ok(page.request.post('/auth/sign-in', { data: { email: partnerEmail, password: PASSWORD } }), 200);
  await page.goto('/portal/programmes');
  await page.getByRole('button', { name: `Subscribe to ${programmeName}` }).click();
  const modal = page.getByRole('dialog', { name: `Subscribe to “${programmeName}”` });
  const intro = modal.getByRole('textbox', { name: 'Your introduction' });
  await expect(intro).toBeVisible();
  await expect(
    modal.getByText('Your vendor approves a new text before the launch starts', { exact: false }),
  ).toBeVisible();
  await expect(modal.getByText(/^0 of 300 characters$/)).toBeVisible();

  // Saved with a link to another site: the API refuses it at the field, and nothing is subscribed.
  await intro.fill('Cheaper at https://elsewhere.example/deal');
  await modal.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await expect(modal.getByText(/may only link to the partner's own website/).first()).toBeVisible();
  await expect(modal).toBeVisible();
  const none = await ok<{ items: Array<{ programmeName: string }> }>(
    page.request.get('/programme-subscriptions?status=active'),
    200,
  );
  expect(none.items.map((s) => s.programmeName)).not.toContain(programmeName);

  await intro.fill('Northwind IT keeps **your** backups close: https://northwind-it.example/backup');
  await expect(modal.getByText(/may only link to the partner's own website/)).toHaveCount(0);
  // The email the API rendered with the text, as the frame is given it (its srcdoc): in one full
  // suite run the frame's document was still the earlier one when read, though the answer had come.
  await expect(page.locator(`iframe[title="Preview: ${campaignName}"]`)).toHaveAttribute(
    'srcdoc',
    /Northwind IT keeps <strong>your<\/strong> backups close/,
  );
  await shootAtWidths(page, 'programme-text-block', { frames: false });
  await modal.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await expect(modal).toHaveCount(0);
  const subscriptions = await ok<{ items: Array<{ programmeName: string; slotValues: Record<string, string> }> }>(
    page.request.get('/programme-subscriptions?status=active'),
    200,
  );
  expect(subscriptions.items.find((s) => s.programmeName === programmeName)?.slotValues.intro).toBe(
    'Northwind IT keeps **your** backups close: https://northwind-it.example/backup',
  );
});

test("the vendor gives the block a default in the campaign's other language, checked at its field", async ({
  page,
}) => {
  // German first, through the API: the version's copy translated and imported as the draft's variant.
  const xliff = await page.request.get(`/campaigns/${campaignId}/versions/2/xliff?trgLang=de`, { headers: admin() });
  expect(xliff.status()).toBe(200);
  await ok(
    page.request.put(`/campaigns/${campaignId}/draft/languages/de`, {
      headers: { ...admin(), 'Content-Type': 'application/xliff+xml' },
      data: translateXliff(await xliff.text()),
    }),
    200,
  );
  await ok(page.request.post('/auth/sign-in', { data: { email: vendorEmail, password: PASSWORD } }), 200);
  await page.goto(`/console/campaigns/${campaignId}?tab=slots`);
  // The campaign's one editable block (intro) has a default field per language of the draft.
  const german = page.getByRole('textbox', { name: 'Default in German (de)' });
  await expect(german).toBeVisible();
  await expect(german).toHaveValue('');

  // Longer than the block allows: the API's word at the field, and nothing is saved.
  await german.fill('x'.repeat(301));
  await page.getByRole('button', { name: 'Save the slots' }).click();
  await expect(german).toHaveAccessibleDescription(/at most 300 characters/);
  const unsaved = await ok<{ draft: { slots: Array<{ name: string; defaults?: Record<string, string> }> } }>(
    page.request.get(`/campaigns/${campaignId}`),
    200,
  );
  expect(unsaved.draft.slots.find((slot) => slot.name === 'intro')?.defaults).toBeUndefined();

  await german.fill('Ihr **Acme**-Partner hilft Ihnen gern.');
  await page.getByRole('button', { name: 'Save the slots' }).click();
  await expect(page.getByText('The slots are saved.')).toBeVisible();
  const saved = await ok<{ draft: { slots: Array<{ name: string; defaults?: Record<string, string> }> } }>(
    page.request.get(`/campaigns/${campaignId}`),
    200,
  );
  expect(saved.draft.slots.find((slot) => slot.name === 'intro')?.defaults).toEqual({
    de: 'Ihr **Acme**-Partner hilft Ihnen gern.',
  });
  await shootAtWidths(page, 'console-block-defaults');
});
