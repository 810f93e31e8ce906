import { consoleArea, expect, expectAccessible, screenshot, tabTo, test, WIDTHS } from './fixtures';
import { admin } from './seed';

for (const viewport of WIDTHS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });
    const narrow = viewport.width < 768;

    test('the home page loads and asks the API who is signed in', async ({ page }) => {
      // Nobody, answered as such (200), not as a failed request.
      const session = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/session');
      await page.goto('/');
      expect((await session).status()).toBe(200);
      expect(await (await session).json()).toMatchObject({ signedIn: false, user: null });
      await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
      await expect(page.getByText('You are not signed in.')).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeVisible();
      await expect(page).toHaveTitle('Welcome · TCMA');
      // The navigation is a drawer on a phone and always there on a desktop; it offers no area to nobody.
      const homeLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Home/ });
      if (narrow) await expect(homeLink).not.toBeInViewport();
      else await expect(homeLink).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole('link', { name: /Partner portal|Vendor console|API reference/ })).toHaveCount(0);
      await screenshot(page, 'home');
      await expectAccessible(page);
    });

    test('a deep link loads the page it names; one that needs an account asks to sign in first', async ({ page }) => {
      await page.goto('/portal');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fportal$/);
      await screenshot(page, 'portal-signed-out');
      await expectAccessible(page);

      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await screenshot(page, 'sign-in');
      await expectAccessible(page);
    });

    test('an unknown page shows the not-found page, with a way home', async ({ page }) => {
      await page.goto('/console/campaigns/no-such-campaign/editor');
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.getByText('/console/campaigns/no-such-campaign/editor')).toBeVisible();
      await screenshot(page, 'not-found');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Go to the home page' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
      await expect(page).toHaveURL(/\/$/);
    });

    test('the main navigation works with the keyboard alone', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

      const signInLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Sign in/ });
      if (narrow) {
        // The closed drawer is out of the keyboard's way: after the header comes the page.
        const burger = page.getByRole('button', { name: 'Open navigation' });
        await page.keyboard.press('Tab');
        await expect(burger).toBeFocused();
        await page.keyboard.press('Tab');
        await expect(page.getByRole('link', { name: 'TCMA home' })).toBeFocused();
        await page.keyboard.press('Tab');
        await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeFocused();
        await page.keyboard.press('Tab');
        await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeFocused();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Shift+Tab');
        await expect(burger).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('button', { name: 'Close navigation' })).toHaveAttribute('aria-expanded', 'true');
        await expect(signInLink).toBeInViewport();
        await screenshot(page, 'navigation-open');
        await expectAccessible(page);
      }
      await tabTo(page, signInLink, 15);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expect(signInLink).toHaveAttribute('aria-current', 'page');
      // On a phone the drawer closes once a page is chosen.
      if (narrow) {
        await expect(page.getByRole('button', { name: 'Open navigation' })).toHaveAttribute('aria-expanded', 'false');
        await expect(signInLink).not.toBeInViewport();
      }
    });
  });
}

test.describe('at 1440 px', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('with an API token the home page sends a vendor admin to the vendor home', async ({ page }) => {
    await page.setExtraHTTPHeaders(admin());
    await page.goto('/');
    await expect(page).toHaveURL(/\/console\/home$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await (await consoleArea(page, 'Campaigns')).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Campaign library' })).toBeVisible();
  });

  test('a part of the app that cannot be loaded shows the error page inside the shell', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    // As after a release that removed the old files: the password reset page's chunk is gone.
    await page.route(/\/assets\/forgot-password\.page-[^/]+\.js$/, (route) => route.abort());
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
    await expect(page.getByText('The app may have been updated')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await screenshot(page, 'error');
    await expectAccessible(page);

    await page.unroute(/\/assets\/forgot-password\.page-[^/]+\.js$/);
    await page.getByRole('button', { name: 'Reload the page' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  });
});
