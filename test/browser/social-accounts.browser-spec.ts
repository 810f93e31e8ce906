import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { randomInt, randomUUID } from 'node:crypto';
import { expect, expectAccessible, screenshot, tabTo, test, WIDTHS } from './fixtures';
import { admin, authorCampaign, demoBrandKit, ok, partnerWithUser, PASSWORD, signIn } from './seed';
import { connectLinkedIn, linkedInAuthorOf } from './social-grants';

/**
 * Several accounts on one network, against the real engine and the LinkedIn stub: a partner with
 * one LinkedIn account is told which one it posts as; once its company page is connected too, it
 * picks the older account (its member profile) for a post, which LinkedIn receives from that
 * account, and is told the default when it picks none. A programme subscription offers the same
 * choice and saves it; the API's refusal of an account disconnected meanwhile shows at its select.
 */

interface Connection {
  id: string;
  network: string;
  accountName: string;
}
interface Delivery {
  network: string;
  status: string;
  connectionId: string | null;
  accountName: string | null;
  remoteId: string | null;
}
interface Subscription {
  programmeId: string;
  socialAccounts: Record<string, string>;
}

/** The partner's member profile on LinkedIn, and the company page it administers. */
const member = { id: `pat${randomUUID().slice(0, 8)}`, name: 'Pat Partner' };
const companyPage = { id: String(randomInt(1_000_000, 9_999_999)), name: 'Northwind IT Services' };

/** Signed in as the partner (its session cookie kept), for what the test sets up and reads back. */
let partnerApi: APIRequestContext;
let csrf: string;
let email: string;
let campaignId: string;
let programmeName: string;
let programmeId: string;

test.beforeAll(async () => {
  partnerApi = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  const partner = await partnerWithUser(partnerApi, `Accounts ${randomUUID().slice(0, 6)}`, 'Europe/Warsaw');
  email = partner.email;
  campaignId = await authorCampaign(partnerApi, `Several accounts ${randomUUID().slice(0, 6)}`);
  programmeName = `Social nurtures ${randomUUID().slice(0, 6)}`;
  ({ id: programmeId } = await ok<{ id: string }>(
    partnerApi.post('/programmes', { headers: admin(), data: { name: programmeName, campaignIds: [campaignId] } }),
    201,
  ));
  csrf = await signIn(partnerApi, email);
  await demoBrandKit(partnerApi, partner.partnerId, csrf);
  // One account to begin with: the member's own profile.
  await connectLinkedIn(partnerApi, csrf, [member]);
});

test.afterAll(async () => {
  await partnerApi.dispose();
});

async function connections(): Promise<Connection[]> {
  return (await ok<{ items: Connection[] }>(partnerApi.get('/social-connections'), 200)).items;
}

async function signInBrowser(page: Page): Promise<void> {
  await ok(page.request.post('/auth/sign-in', { data: { email, password: PASSWORD } }), 200);
}

/** Screenshots at a phone's width and a desktop's, each checked with axe (the campaign page's previews are frames). */
async function shoot(page: Page, name: string, { frames = true } = {}): Promise<void> {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await screenshot(page, `social-accounts-${name}`);
    await expectAccessible(page, { frames });
  }
  await page.setViewportSize(WIDTHS[1]);
}

test('a partner with two LinkedIn accounts posts as the older one it picks, and is told the default when it picks none', async ({
  page,
}) => {
  await page.setViewportSize(WIDTHS[1]);
  await signInBrowser(page);

  // One LinkedIn account: the dialog says which one the post goes out as, with nothing to choose.
  await page.goto(`/portal/campaigns/${campaignId}`);
  await page.getByRole('button', { name: 'Post to social' }).click();
  let dialog = page.getByRole('dialog', { name: 'Post to social' });
  await expect(dialog.getByRole('checkbox', { name: 'LinkedIn' })).toBeChecked();
  await expect(dialog.getByText('Posts to LinkedIn as Pat Partner.')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Post to LinkedIn as' })).toHaveCount(0);
  await shoot(page, 'post-one-account', { frames: false });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Its company page connected later (LinkedIn grants the member and the page it administers).
  await connectLinkedIn(partnerApi, csrf, [{ ...member, organizations: [companyPage] }]);
  const byName = Object.fromEntries((await connections()).map((c) => [c.accountName, c.id]));
  expect(Object.keys(byName).sort()).toEqual(['Northwind IT Services', 'Pat Partner']);

  // Two accounts: a select, nothing chosen, the default named in words.
  await page.reload();
  await page.getByRole('button', { name: 'Post to social' }).click();
  dialog = page.getByRole('dialog', { name: 'Post to social' });
  const account = dialog.getByRole('combobox', { name: 'Post to LinkedIn as' });
  await expect(account).toHaveValue('Most recently connected');
  await expect(
    dialog.getByText(
      'Without a choice, posts go out as the most recently connected LinkedIn account, now Northwind IT Services.',
    ),
  ).toBeVisible();
  await expect(dialog.getByText('Posts to LinkedIn as')).toHaveCount(0);
  await shoot(page, 'post-default', { frames: false });

  // The older account, chosen with the keyboard: the list opens at the current choice, the next is Pat's.
  await dialog.getByRole('checkbox', { name: 'LinkedIn' }).focus();
  await tabTo(page, account, 10);
  await page.keyboard.press('ArrowDown');
  const listbox = page.getByRole('listbox', { name: 'Post to LinkedIn as' });
  await expect(listbox.getByRole('option')).toHaveText([
    'Most recently connected',
    'Pat Partner',
    'Northwind IT Services',
  ]);
  await shoot(page, 'post-choices', { frames: false });
  await page.keyboard.press('ArrowDown');
  await expect(listbox.getByRole('option', { name: 'Pat Partner' })).toHaveAttribute('data-combobox-selected');
  await page.keyboard.press('Enter');
  await expect(account).toHaveValue('Pat Partner');
  await dialog.getByRole('button', { name: 'Schedule post' }).click();
  await expect(dialog.getByText('The post is scheduled.')).toBeVisible();

  // Sent with the choice, and published by LinkedIn as the member, not as the page (the default).
  let delivery: Delivery | undefined;
  await expect
    .poll(
      async () => {
        const posts = await ok<{ items: Array<{ deliveries: Delivery[] }> }>(
          partnerApi.get(`/social-posts?campaignId=${campaignId}`),
          200,
        );
        delivery = posts.items[0]?.deliveries.find((d) => d.network === 'linkedin');
        return delivery?.status;
      },
      // The social sweep queues due posts every 5 s and the stub answers at once: at most about 6 s
      // on a quiet machine; 15 s leaves a sweep and more to spare.
      { timeout: 15_000 },
    )
    .toBe('published');
  expect(delivery).toMatchObject({ connectionId: byName['Pat Partner'], accountName: 'Pat Partner' });
  expect(await linkedInAuthorOf(delivery?.remoteId ?? '')).toBe(`urn:li:person:${member.id}`);
});

test('the programme subscription offers the same choice, saves it, and shows the API’s refusal at the select', async ({
  page,
}) => {
  const byName = Object.fromEntries((await connections()).map((c) => [c.accountName, c.id]));
  await page.setViewportSize(WIDTHS[1]);
  await signInBrowser(page);

  await page.goto('/portal/programmes');
  const offer = page.getByRole('article', { name: programmeName });
  await offer.getByRole('button', { name: `Subscribe to ${programmeName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Subscribe to “${programmeName}”` });
  // No network ticked: nothing to choose yet.
  await expect(dialog.getByRole('combobox', { name: 'Post to LinkedIn as' })).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'LinkedIn' }).check();
  const account = dialog.getByRole('combobox', { name: 'Post to LinkedIn as' });
  await expect(account).toHaveValue('Most recently connected');
  await expect(
    dialog.getByText(
      'Without a choice, posts go out as the most recently connected LinkedIn account, now Northwind IT Services.',
    ),
  ).toBeVisible();
  await account.click();
  await page.getByRole('option', { name: 'Pat Partner' }).click();
  await expect(account).toHaveValue('Pat Partner');
  await shoot(page, 'subscribe');
  await dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Saved as chosen.
  const mine = async () =>
    (await ok<{ items: Subscription[] }>(partnerApi.get('/programme-subscriptions'), 200)).items.find(
      (s) => s.programmeId === programmeId,
    );
  expect((await mine())?.socialAccounts).toEqual({ linkedin: byName['Pat Partner'] });

  // The defaults reopened show the choice; the account disconnected meanwhile (another tab, a
  // colleague), saving is refused and the API's reason shows at the select.
  await offer.getByRole('button', { name: `Edit your defaults for ${programmeName}` }).click();
  const defaults = page.getByRole('dialog', { name: `Your defaults for “${programmeName}”` });
  const chosen = defaults.getByRole('combobox', { name: 'Post to LinkedIn as' });
  await expect(chosen).toHaveValue('Pat Partner');
  await ok(
    partnerApi.delete(`/social-connections/${byName['Pat Partner']}`, { headers: { 'X-CSRF-Token': csrf } }),
    200,
  );
  await defaults.getByRole('button', { name: 'Save the defaults' }).click();
  await expect(chosen).toHaveAccessibleDescription(/Pat Partner is disconnected/);
  await shoot(page, 'subscription-refused');

  // Back to the default: saved without a chosen account.
  await chosen.click();
  await page.getByRole('option', { name: 'Most recently connected' }).click();
  await defaults.getByRole('button', { name: 'Save the defaults' }).click();
  await expect(defaults).toBeHidden();
  expect((await mine())?.socialAccounts).toEqual({});
});
