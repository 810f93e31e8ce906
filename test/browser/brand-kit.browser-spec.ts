import type { Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { dismiss, expect, expectAccessible, portalArea, screenshot, tabTo, test } from './fixtures';
import { admin, authorCampaign, ok, partnerWithUser, PASSWORD } from './seed';

/**
 * The brand kit page against the real engine: a partner user fills in its kit, uploads a logo,
 * sees the API's refusal of a bad value next to its field, saves, and the API has stored what the
 * page showed; a campaign's readiness links land on the field to fix.
 */

const NARROW = { width: 375, height: 812 };
const WIDE = { width: 1440, height: 900 };
const LOGO = path.resolve(__dirname, '../../templates/acme-cloud-backup/partners/northwind-logo.png');

interface Partner {
  partnerId: string;
  email: string;
  companyName: string;
}

interface StoredKit {
  companyName: string;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  primaryColor: string | null;
  secondaryColor: string | null;
  logo: { pngUrl: string; width: number; height: number } | null;
  sender: { fromName: string; fromEmail: string; replyTo: string | null; confirmed: boolean } | null;
  sendingAs: { fromName: string; fromAddress: string; replyTo: string | null; warning: string | null };
  warnings: Array<{ field: string; message: string; suggestedColor: string }>;
}

let editor: Partner;
let newcomer: Partner;
let campaignId: string;

test.beforeAll(async () => {
  test.setTimeout(50_000); // twice its quiet CI time (the first test, with this hook, ran 20.7 s): see docs/contributing.md
  const api = await playwrightRequest.newContext({ baseURL: process.env.TCMA_BROWSER_BASE_URL });
  try {
    campaignId = await authorCampaign(api, `Readiness check ${randomUUID().slice(0, 6)}`);
    const name = `Northwind IT ${randomUUID().slice(0, 6)}`;
    editor = { ...(await partnerWithUser(api, name, 'Europe/Warsaw')), companyName: name };
    const other = `Contoso ${randomUUID().slice(0, 6)}`;
    newcomer = { ...(await partnerWithUser(api, other, 'Europe/Warsaw')), companyName: other };
  } finally {
    await api.dispose();
  }
});

/** Signs in through the sign-in page, as the partner's user does. */
async function signIn(page: Page, partner: Partner): Promise<void> {
  await page.goto('/sign-in');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email' }).fill(partner.email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

async function storedKit(page: Page, partnerId: string): Promise<StoredKit> {
  return ok<StoredKit>(page.request.get(`/partners/${partnerId}/brand-kit`), 200);
}

/** The page at both widths: a screenshot and axe at each. Ends at the wide one. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const viewport of [NARROW, WIDE]) {
    await page.setViewportSize(viewport);
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Partner portal/ });
    if (viewport === NARROW) await expect(nav).not.toBeInViewport();
    else await expect(nav).toBeInViewport({ ratio: 1 });
    // From the top: a full-page shot of a scrolled page paints the fixed header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `brand-kit-${name}`);
    await expectAccessible(page);
  }
}

test.describe('brand kit', () => {
  test.use({ viewport: WIDE });

  test('a partner fills in its kit and uploads a logo; a refused value is named at its field; the API stores what was saved', async ({
    page,
  }) => {
    test.setTimeout(50_000); // twice its quiet CI time (20.7 s): see docs/contributing.md
    await signIn(page, editor);
    await page.goto('/portal');
    await (await portalArea(page, 'Brand kit')).click();
    await expect(page).toHaveURL(/\/portal\/brand-kit$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Brand kit' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Company name' })).toHaveValue(editor.companyName);
    await expect(page.getByText('No logo yet')).toBeVisible();
    await shoot(page, 'empty');

    // The logo goes up at once, through the file picker.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a logo' }).click();
    await (await chooser).setFiles(LOGO);
    const logo = page.getByRole('img', { name: `${editor.companyName} logo` });
    await expect(logo).toBeVisible();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByRole('button', { name: 'Choose another logo' })).toBeVisible();
    await dismiss(page, 'Your new logo is saved.');

    const company = `${editor.companyName} Sp. z o.o.`;
    await page.getByRole('textbox', { name: 'Company name' }).fill(company);
    await page.getByRole('textbox', { name: 'Contact name' }).fill('Zofia Nowak');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('hello@northwind-it.example');
    await page.getByRole('textbox', { name: 'Phone' }).fill('+48 42 555 01 23');
    await page.getByRole('textbox', { name: 'Website' }).fill('northwind-it.example');
    await page.getByRole('textbox', { name: 'Postal address' }).fill('Piotrkowska 104\n90-926 Łódź\nPoland');
    await page.getByRole('textbox', { name: 'Primary colour' }).fill('#fde047');
    await page.getByRole('textbox', { name: 'Secondary colour' }).fill('#F1F5F9');
    await page.getByRole('textbox', { name: 'From name' }).fill('Zofia at Northwind IT');
    await page.getByRole('textbox', { name: 'From address' }).fill('zofia@northwind-it.example');
    await page.getByRole('textbox', { name: 'Reply-to address' }).fill('sales@northwind-it.example');

    // A website without its scheme: the API refuses it, the page names it at the field and saves nothing.
    await page.getByRole('button', { name: 'Save the brand kit' }).click();
    const website = page.getByRole('textbox', { name: 'Website' });
    await expect(website).toHaveAccessibleDescription('must be an absolute http or https URL');
    await expect(website).toHaveAttribute('aria-invalid', 'true');
    await expect(website).toBeFocused();
    expect((await storedKit(page, editor.partnerId)).companyName).toBe(editor.companyName);
    await shoot(page, 'refused');

    await website.fill('https://northwind-it.example');
    await page.getByRole('button', { name: 'Save the brand kit' }).click();
    await dismiss(page, 'Your brand kit is saved. New previews and launches use it.');
    await expect(website).not.toHaveAttribute('aria-invalid', 'true');

    const kit = await storedKit(page, editor.partnerId);
    expect(kit).toMatchObject({
      companyName: company,
      contactName: 'Zofia Nowak',
      email: 'hello@northwind-it.example',
      phone: '+48 42 555 01 23',
      website: 'https://northwind-it.example/',
      address: 'Piotrkowska 104\n90-926 Łódź\nPoland',
      primaryColor: '#fde047',
      secondaryColor: '#f1f5f9',
      sender: {
        fromName: 'Zofia at Northwind IT',
        fromEmail: 'zofia@northwind-it.example',
        replyTo: 'sales@northwind-it.example',
        confirmed: false,
      },
    });
    expect(kit.logo).not.toBeNull();
    // The form shows what the API stored (normalised), not what was typed.
    await expect(website).toHaveValue('https://northwind-it.example/');
    await expect(page.getByRole('textbox', { name: 'Secondary colour' })).toHaveValue('#f1f5f9');

    // The API's contrast warning for the yellow, word for word, with its readable shade one click away.
    const contrast = kit.warnings.find((w) => w.field === 'primaryColor');
    expect(contrast).toBeDefined();
    await expect(page.getByText(contrast?.message ?? '-')).toBeVisible();
    await expect(page.getByRole('button', { name: `Use ${contrast?.suggestedColor}` })).toBeVisible();

    // How the emails go out now, and why not as Zofia yet (her address is unconfirmed).
    const { sendingAs } = kit;
    expect(sendingAs.warning).toContain('zofia@northwind-it.example is not confirmed yet');
    await expect(
      page.getByText(
        `Emails go out as: ${sendingAs.fromName} <${sendingAs.fromAddress}>, replies to ${sendingAs.replyTo}`,
      ),
    ).toBeVisible();
    await expect(page.getByText(sendingAs.warning ?? '-', { exact: true })).toBeVisible();
    await shoot(page, 'saved');

    // The confirmation link went out on saving, and goes again on request.
    const confirmations = async () => {
      const outbox = await ok<{ items: Array<{ to: string[]; subject: string }> }>(
        page.request.get('/outbox?limit=100', { headers: admin() }),
        200,
      );
      return outbox.items.filter((m) => m.to.includes('zofia@northwind-it.example')).length;
    };
    // Notices are sent in the request that causes them: in the outbox when it answers.
    await expect.poll(confirmations).toBe(1);
    await page.getByRole('button', { name: 'Send the confirmation again' }).click();
    await expect(page.getByText('The confirmation link is on its way to zofia@northwind-it.example.')).toBeVisible();
    await expect.poll(confirmations).toBe(2);
  });

  test('a readiness link lands on the field to fix, at a phone’s width too', async ({ page }) => {
    await signIn(page, newcomer);
    await page.setViewportSize(NARROW);
    await page.goto(`/portal/campaigns/${campaignId}`);
    await expect(page.getByText('Add a postal address to the brand kit')).toBeVisible();

    await page.locator('a[href="/portal/brand-kit#address"]').click();
    await expect(page).toHaveURL(/\/portal\/brand-kit#address$/);
    const address = page.getByRole('textbox', { name: 'Postal address' });
    await expect(address).toBeFocused();
    await expect(address).toBeInViewport();

    await page.goBack();
    await page.locator('a[href="/portal/brand-kit#sender"]').click();
    await expect(page.getByRole('textbox', { name: 'From name' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Sender' })).toBeInViewport();

    // A page loaded at the address lands there as well.
    await page.goto('/portal');
    await page.goto('/portal/brand-kit#logo');
    await expect(page.getByRole('button', { name: 'Choose a logo' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Logo' })).toBeInViewport();
  });

  test('the kit is reached, edited and saved with the keyboard alone', async ({ page }) => {
    await signIn(page, newcomer);
    await page.goto('/portal');
    const link = await portalArea(page, 'Brand kit');
    await expect(link).toBeVisible();
    await tabTo(page, link, 40);
    await page.keyboard.press('Enter');
    const contact = page.getByRole('textbox', { name: 'Contact name' });
    await tabTo(page, contact);
    await page.keyboard.type('Dana Keys');
    await tabTo(page, page.getByRole('textbox', { name: 'Postal address' }));
    await page.keyboard.type('1 Keyboard Lane');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Springfield');
    await tabTo(page, page.getByRole('button', { name: 'Save the brand kit' }), 40);
    await page.keyboard.press('Enter');
    await expect(page.getByText('Your brand kit is saved')).toBeVisible();
    expect(await storedKit(page, newcomer.partnerId)).toMatchObject({
      contactName: 'Dana Keys',
      address: '1 Keyboard Lane\nSpringfield',
    });
  });
});
