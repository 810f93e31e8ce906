import type { Page } from '@playwright/test';
import { publishTxt, requireDnsZone } from './dns-zone';
import { consoleSetting, expect, expectAccessible, screenshot, test, WIDTHS } from './fixtures';
import { admin, ok, withApi } from './seed';

/**
 * The vendor admin's host names against the real engine: claim one, copy the TXT record to
 * publish, check it against the DNS server global-setup.ts started for the engine (records
 * published by adding them to its zone file), then remove it.
 */

interface HostName {
  id: string;
  host: string;
  txtRecord: { name: string; value: string };
}

/** Unique per worker: each worker's vendor claims its own. */
const HOST = `portal-${process.env.TEST_PARALLEL_INDEX ?? 0}.browser-hosts.example`;

/** This worker's vendor starts and ends without host names: other specs share it. */
async function removeAll(): Promise<void> {
  await withApi(async (api) => {
    const { items } = await ok<{ items: HostName[] }>(api.get('/vendor-host-names', { headers: admin() }), 200);
    for (const h of items) await api.delete(`/vendor-host-names/${h.id}`, { headers: admin() });
  });
}

const card = (page: Page) => page.getByRole('article', { name: HOST });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  requireDnsZone();
  await removeAll();
});
test.afterAll(removeAll);

test('a vendor admin claims a host name, copies its TXT record, checks it (missing, then verified) and removes it', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize(WIDTHS[1]);
  await page.setExtraHTTPHeaders(admin());
  await page.goto('/console');
  await (await consoleSetting(page, 'Host names')).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Host names' })).toBeVisible();
  await expect(page.getByText('No host name yet')).toBeVisible();

  // The API's refusal shows at the field.
  await page.getByLabel('Host name', { exact: true }).fill('partners.example:8443');
  await page.getByRole('button', { name: 'Claim the host name' }).click();
  await expect(page.getByText('must be a host name without a port')).toBeVisible();

  await page.getByLabel('Host name', { exact: true }).fill(HOST);
  await page.getByRole('button', { name: 'Claim the host name' }).click();
  await expect(card(page).getByText('Pending', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Host name', { exact: true })).toHaveValue('');
  const [claimed] = (
    await withApi((api) => ok<{ items: HostName[] }>(api.get('/vendor-host-names', { headers: admin() }), 200))
  ).items;
  expect(claimed.txtRecord.name).toBe(`_tcma-challenge.${HOST}`);
  await expect(card(page)).toContainText(claimed.txtRecord.name);
  await expect(card(page)).toContainText(claimed.txtRecord.value);

  // The value copies as it is.
  await card(page).getByRole('button', { name: "Copy the TXT record's value" }).click();
  await expect(card(page).getByRole('button', { name: "TXT record's value copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(claimed.txtRecord.value);

  // Nothing published yet: the reason shows, still pending.
  await card(page).getByRole('button', { name: 'Check now' }).click();
  await expect(card(page).getByRole('status')).toContainText(`No TXT record at ${claimed.txtRecord.name}`);
  await expect(card(page).getByText('Pending', { exact: true })).toBeVisible();
  await screenshot(page, 'console-host-names-pending');
  await expectAccessible(page);

  // Published (again at each try: the sending settings' spec may rewrite the zone meanwhile).
  await expect(async () => {
    publishTxt({ [claimed.txtRecord.name]: [claimed.txtRecord.value] });
    await card(page).getByRole('button', { name: 'Check now' }).click();
    await expect(card(page).getByText('Verified', { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(card(page).getByRole('status')).toHaveCount(0);
  await screenshot(page, 'console-host-names');
  await expectAccessible(page);

  await page.setViewportSize(WIDTHS[0]);
  await expect(card(page).getByText('Verified', { exact: true })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'console-host-names');
  await expectAccessible(page);

  // Removing asks first.
  await card(page).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove this host name?' });
  await expect(dialog).toContainText(HOST);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Remove the host name' }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page)).toHaveCount(0);
  await expect(page.getByText('No host name yet')).toBeVisible();
});
