import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, screenshot, tabTo, test, WIDTHS } from './fixtures';
import { admin, authorCampaign, ok } from './seed';

const SLOT_VALUES = {
  company_name: 'Northwind IT',
  email: 'hello@northwind-it.example',
  website: 'https://northwind-it.example',
  address: '1 Main St, Springfield',
};

/**
 * The preference page a prospect opens from {{links.preferences}} in an email: plain HTML
 * without script, usable at a phone's width and with the keyboard alone, accessible.
 */
test.describe('preference page', () => {
  let link: string;
  const email = `prefs-${randomUUID().slice(0, 8)}@prospect.example`;

  test.beforeAll(async ({ request }) => {
    const h = admin();
    const campaignId = await authorCampaign(request, `Preferences ${randomUUID().slice(0, 6)}`);
    const { id: partnerId } = await ok<{ id: string }>(
      request.post('/partners', {
        headers: h,
        data: { companyName: 'Northwind IT', tier: 'gold', region: 'emea', timezone: 'Europe/Warsaw' },
      }),
      201,
    );
    await ok(request.post(`/partners/${partnerId}/prospects`, { headers: h, data: { email, firstName: 'Ada' } }), 201);
    await ok(
      request.post('/launches', {
        headers: h,
        data: { campaignId, partnerId, audience: { type: 'all' }, slotValues: SLOT_VALUES },
      }),
      202,
    );
    // The first email, in the local outbox; its preference link. The launch is enrolled, then the
    // next sweep (every 5 s) queues the email: about 7 s at most on a quiet machine; 20 s is twice that, rounded up.
    await expect
      .poll(
        async () => {
          const outbox = await ok<{ items: Array<{ id: string; to: string[] }> }>(
            request.get('/outbox?limit=100', { headers: h }),
            200,
          );
          const message = outbox.items.find((m) => m.to.includes(email));
          if (!message) return undefined;
          const text = await (await request.get(`/outbox/${message.id}/text`, { headers: h })).text();
          link = /\/preferences\/[\w-]{22}\.[\w-]{22}/.exec(text)?.[0] ?? '';
          return link;
        },
        { timeout: 20_000 },
      )
      .toMatch(/^\/preferences\//);
  });

  for (const size of WIDTHS) {
    test(`shows the three choices without changing anything, at ${size.width} px`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(link);
      await expect(page.getByRole('heading', { name: 'Email preferences' })).toBeVisible();
      await expect(page.getByText(email)).toBeVisible();
      const choices = page.getByRole('group', { name: 'What would you like to stop?' });
      await expect(choices.getByRole('radio')).toHaveCount(3);
      await expect(choices.getByRole('radio', { checked: true })).toHaveCount(0);
      await expectAccessible(page);
      await screenshot(page, 'preferences-page');
    });
  }

  test('leaves the partner’s mail with the keyboard alone, and says so', async ({ page }) => {
    await page.setViewportSize(WIDTHS[0]);
    await page.goto(link);
    const first = page.getByRole('radio', { name: 'Stop emails about' });
    await tabTo(page, first);
    // Arrow keys move through a radio group (and choose), as in any form.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Stop all emails from Northwind IT' })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Save my choice' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Your choice is saved' })).toBeVisible();
    await expect(page.getByText('You will receive no more emails from Northwind IT.')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'preferences-saved');
    // The suppression is the partner's, for any campaign.
    const suppressions = await ok<{
      items: Array<{ email: string; partnerId: string | null; campaignId: string | null; reason: string }>;
    }>(page.request.get(`/suppressions?email=${encodeURIComponent(email)}`, { headers: admin() }), 200);
    expect(suppressions.items).toEqual([expect.objectContaining({ email, campaignId: null, reason: 'unsubscribed' })]);
    expect(suppressions.items[0].partnerId).not.toBeNull();
  });
});
