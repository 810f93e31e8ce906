import { request as playwrightRequest, type Page } from '@playwright/test';
import { writeZone } from '../support/dns-server';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { admin, ok } from './seed';

/**
 * The vendor admin's sending settings against the real engine: set the sending domain, have
 * the engine generate a DKIM key, copy the DNS records, and check them against the DNS server
 * global-setup.ts started for the engine (records published by writing its zone file).
 */

const DOMAIN = 'mail.browser-dkim.example';
const NARROW = { width: 375, height: 812 };
const WIDE = { width: 1440, height: 900 };

interface Settings {
  dkim: { domain: string; selector: string } | null;
  dnsRecords: Array<{ kind: 'dkim' | 'spf' | 'dmarc'; name: string; value: string }>;
}

const publish = (zone: Record<string, string[]>) => writeZone(process.env.TCMA_BROWSER_DNS_ZONE ?? '', zone);
const settingsNow = async (): Promise<Settings> => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    return await ok<Settings>(api.get('/sending', { headers: admin() }), 200);
  } finally {
    await api.dispose();
  }
};
const recordOf = (settings: Settings, kind: 'dkim' | 'spf' | 'dmarc') =>
  settings.dnsRecords.find((r) => r.kind === kind) ?? { name: '', value: '' };
const card = (page: Page, title: string) => page.getByRole('article', { name: `${title} · TXT` });

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  if (!process.env.TCMA_BROWSER_DNS_ZONE)
    throw new Error('TCMA_BROWSER_DNS_ZONE is unset: run the browser tests with npm run test:browser');
  publish({});
});

// The engine is shared with the other specs: its vendor sends through the outbox again afterwards.
test.afterAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    await ok(
      api.put('/sending', {
        headers: admin(),
        data: { smtpUrl: null, dkim: null, ratePerSecond: null, sendingDomain: null },
      }),
      200,
    );
  } finally {
    await api.dispose();
  }
  publish({});
});

test.describe('at 1440 px', () => {
  test.use({ viewport: WIDE });

  test('a vendor admin generates a DKIM key, copies the records and checks the DNS: missing, wrong key, correct', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setExtraHTTPHeaders(admin());
    await page.goto('/console/sending');
    await expect(page.getByRole('heading', { level: 1, name: 'Sending settings' })).toBeVisible();
    await expect(page.getByText('Set a sending domain above: the records are for it.')).toBeVisible();

    // The form: a refusal of the API shows at its field; then the domain and server are saved.
    await page.getByLabel('Sending domain').fill('not a domain');
    await page.getByRole('button', { name: 'Save sending settings' }).click();
    await expect(page.getByText('must be a domain name')).toBeVisible();
    await page.getByLabel('Sending domain').fill(DOMAIN);
    await page.getByLabel('SMTP server').fill('smtp://relay:secret@smtp.mailer.example:587');
    await page.getByRole('button', { name: 'Save sending settings' }).click();
    await expect(page.getByText('Sending settings saved.')).toBeVisible();
    await expect(
      page.getByText('Now smtp://relay@smtp.mailer.example:587. Leave empty to keep it (and its password).'),
    ).toBeVisible();
    await expect(card(page, 'SPF')).toContainText('v=spf1 include:mailer.example ~all');
    await expect(card(page, 'DMARC')).toContainText(`v=DMARC1; p=none; rua=mailto:dmarc@${DOMAIN}`);
    await expect(card(page, 'DKIM')).toHaveCount(0);

    // Generate, confirmed in a dialog.
    await page.getByRole('button', { name: 'Generate DKIM key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate a DKIM key' });
    await expect(dialog.getByText('Mail will fail DKIM')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Generate the key' }).click();
    await expect(dialog).toBeHidden();
    const generated = await settingsNow();
    expect(generated.dkim?.selector).toMatch(/^tcma\d{6}$/);
    const dkim = recordOf(generated, 'dkim');
    expect(dkim.name).toBe(`${generated.dkim?.selector}._domainkey.${DOMAIN}`);
    await expect(card(page, 'DKIM')).toContainText(dkim.name);
    await expect(card(page, 'DKIM')).toContainText(dkim.value);
    await expect(page.getByText(`with the key under selector ${generated.dkim?.selector}`)).toBeVisible();

    // Each value copies as it is.
    await card(page, 'DKIM').getByRole('button', { name: "Copy the DKIM record's value" }).click();
    await expect(card(page, 'DKIM').getByRole('button', { name: "DKIM record's value copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(dkim.value);

    // Nothing published yet.
    await page.getByRole('button', { name: 'Check DNS' }).click();
    await expect(page.getByText('0 of 3 records as expected')).toBeVisible();
    for (const title of ['DKIM', 'SPF', 'DMARC'])
      await expect(card(page, title).getByRole('status')).toContainText('Missing:');

    // An old key at the selector; SPF and DMARC as suggested.
    const spf = recordOf(generated, 'spf');
    const dmarc = recordOf(generated, 'dmarc');
    const oldKey = 'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAstale';
    publish({ [dkim.name]: [oldKey], [spf.name]: [spf.value], [dmarc.name]: [dmarc.value] });
    await page.getByRole('button', { name: 'Check DNS' }).click();
    await expect(page.getByText('2 of 3 records as expected')).toBeVisible();
    await expect(card(page, 'DKIM').getByRole('status')).toContainText(
      "Wrong: The published p= key differs from the engine's key",
    );
    await expect(card(page, 'DKIM').getByRole('status')).toContainText(oldKey);
    await expect(card(page, 'SPF').getByRole('status')).toContainText(
      'OK: The SPF record names include:mailer.example.',
    );
    await expect(card(page, 'DMARC').getByRole('status')).toContainText('OK: A DMARC record is published with p=none.');
    await screenshot(page, 'console-sending-wrong');

    publish({ [dkim.name]: [dkim.value], [spf.name]: [spf.value], [dmarc.name]: [dmarc.value] });
    await page.getByRole('button', { name: 'Check DNS' }).click();
    await expect(page.getByText('3 of 3 records as expected')).toBeVisible();
    await expect(card(page, 'DKIM').getByRole('status')).toContainText("OK: The published key is the engine's");
    await screenshot(page, 'console-sending');
    await expectAccessible(page);

    // Replacing the key warns first; the new key's record replaces the old one and the check starts afresh.
    await page.getByRole('button', { name: 'Generate a new DKIM key' }).click();
    const replace = page.getByRole('dialog', { name: 'Replace the DKIM key?' });
    await expect(replace.getByText('Mail will fail DKIM until your DNS is updated')).toBeVisible();
    await replace.getByLabel('Selector').fill('bad selector');
    await replace.getByRole('button', { name: 'Replace the key' }).click();
    await expect(replace.getByText('must be a DNS label')).toBeVisible();
    await expectAccessible(page);
    await replace.getByLabel('Selector').fill('renewed');
    await replace.getByRole('button', { name: 'Replace the key' }).click();
    await expect(replace).toBeHidden();
    await expect(card(page, 'DKIM')).toContainText(`renewed._domainkey.${DOMAIN}`);
    await expect(page.getByText('3 of 3 records as expected')).toHaveCount(0);
    await page.getByRole('button', { name: 'Check DNS' }).click();
    await expect(card(page, 'DKIM').getByRole('status')).toContainText('Missing:');
  });
});

test.describe('at 375 px', () => {
  test.use({ viewport: NARROW });

  test('the page works on a phone', async ({ page }) => {
    await page.setExtraHTTPHeaders(admin());
    await page.goto('/console/sending');
    await expect(page.getByRole('heading', { level: 1, name: 'Sending settings' })).toBeVisible();
    await expect(card(page, 'DKIM')).toContainText(`renewed._domainkey.${DOMAIN}`);
    await page.getByRole('button', { name: 'Check DNS' }).click();
    await expect(page.getByText('2 of 3 records as expected')).toBeVisible();
    // The check scrolled the page: the whole-page picture is taken from the top, header in place.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'console-sending');
    await expectAccessible(page);
  });
});
