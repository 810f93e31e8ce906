import { expect, test } from '@playwright/test';
import { runAxe } from './axe';

/**
 * The accessibility check every page goes through (fixtures.ts expectAccessible) can fail: a
 * violation in the page and one inside a frame (as the portal's asset previews are) are both
 * found, and a second check on the same page (axe already injected) finds them again.
 */
test('axe finds violations in the page and in a frame, at every check', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Axe</title></head><body><main>
    <h1>Check</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="bare">
    <iframe title="Preview" srcdoc="<!doctype html><html lang='en'><title>In</title><body><main><input id='unlabelled'></main></body></html>"></iframe>
  </main></body></html>`);
  await expect.poll(() => page.frames().length).toBe(2);
  for (let check = 0; check < 2; check++) {
    const { violations } = await runAxe(page);
    const found = violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.flat().join(' ')}`));
    expect(found).toEqual(expect.arrayContaining(['image-alt #bare', 'label iframe #unlabelled']));
  }
});
