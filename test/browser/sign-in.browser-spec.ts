import type { APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, screenshot, tabTo, test, WIDTHS } from './fixtures';
import { admin } from './seed';

const PASSWORD = 'a long browser passphrase';

/** Invites a new vendor marketer and finds the link of the invitation email in the local outbox. */
async function invite(request: APIRequestContext): Promise<{ email: string; path: string }> {
  const email = `browser-${randomUUID().slice(0, 8)}@browser-test.example`;
  expect(
    (await request.post('/user-invitations', { headers: admin(), data: { email, role: 'vendor_marketer' } })).status(),
  ).toBe(201);
  const messages = (
    (await (await request.get('/outbox?limit=20', { headers: admin() })).json()) as {
      items: Array<{ id: string; to: string[] }>;
    }
  ).items;
  const message = messages.find((m) => m.to.includes(email));
  if (!message) throw new Error(`no invitation email to ${email} in the outbox`);
  // Quoted-printable soft line breaks may split the link.
  const raw = (await (await request.get(`/outbox/${message.id}/raw`, { headers: admin() })).text()).replace(
    /=\r?\n/g,
    '',
  );
  const link = /https?:\/\/\S+?(\/invitations\/[\w.-]+)/.exec(raw);
  if (!link) throw new Error('no invitation link in the email');
  return { email, path: link[1] };
}

for (const viewport of WIDTHS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('invitation → set a password (signed in at once) → sign out → sign in (a bad password first) → sign out, by keyboard', async ({
      page,
      request,
    }) => {
      const { email, path } = await invite(request);

      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue(email);
      await screenshot(page, 'accept-invitation');
      await expectAccessible(page);
      await tabTo(page, page.getByRole('textbox', { name: 'Your name' }));
      await page.keyboard.type('Robin Browser');
      await tabTo(page, page.getByRole('textbox', { name: 'Password', exact: true }));
      await page.keyboard.type('short');
      await page.keyboard.press('Enter');
      // The API's own rule, next to its field.
      await expect(page.getByText('must be at least 10 characters')).toBeVisible();
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create my account' }).click();

      // Accepting signs the new user in: a vendor user starts on the vendor home.
      await expect(page).toHaveURL(/\/console\/home$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
      const account = page.getByRole('button', { name: 'Account: Robin Browser' });
      await expect(account).toBeVisible();
      await screenshot(page, 'signed-in');
      await expectAccessible(page);
      const signOut = async () => {
        await account.click();
        await expect(page.getByRole('menu')).toContainText(email);
        await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
        await expect(page).toHaveURL(/\/sign-in$/);
        await expect(page.getByRole('status')).toContainText('You are signed out');
      };
      await account.click();
      await expect(page.getByRole('menu')).toContainText(email);
      await screenshot(page, 'user-menu');
      await page.keyboard.press('Escape');
      await signOut();

      await tabTo(page, page.getByRole('textbox', { name: 'Email' }));
      await page.keyboard.type(email);
      await tabTo(page, page.getByRole('textbox', { name: 'Password', exact: true }));
      await page.keyboard.type('not my password');
      await page.keyboard.press('Enter');
      const form = page.getByRole('form', { name: 'Sign in' });
      await expect(form.getByRole('alert')).toContainText('The email or password is incorrect');
      await screenshot(page, 'sign-in-failed');
      await expectAccessible(page);

      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
      await tabTo(page, form.getByRole('button', { name: 'Sign in' }));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/console\/home$/);
      await expect(account).toBeVisible();

      await signOut();
      await expect(page.getByRole('button', { name: /^Account:/ })).toHaveCount(0);
      // Nobody is signed in any more.
      expect(await (await page.request.get('/auth/session')).json()).toMatchObject({ signedIn: false, user: null });

      // The invitation link works once.
      await page.goto(path);
      await expect(page.getByRole('alert')).toContainText('already been used');
      await screenshot(page, 'invitation-used');
      await expectAccessible(page);
    });

    test('forgot and reset password pages', async ({ page }) => {
      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
      await screenshot(page, 'forgot-password');
      await expectAccessible(page);
      await page.getByRole('textbox', { name: 'Email' }).fill('nobody@browser-test.example');
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await expect(page.getByRole('status')).toContainText('If nobody@browser-test.example has an account');

      await page.goto('/reset-password/not-a-real-token');
      await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
      await screenshot(page, 'reset-password');
      await expectAccessible(page);
      await page.getByRole('textbox', { name: 'New password' }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Set password' }).click();
      await expect(page.getByRole('alert')).toContainText('not found');
    });
  });
}
