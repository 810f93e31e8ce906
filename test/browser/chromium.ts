import { spawnSync } from 'node:child_process';

/** Debian's Chromium (or CHROMIUM_PATH): Playwright drives it and never downloads its own. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  if (found.status !== 0)
    throw new Error('Chromium is not installed: apt-get install -y chromium (npm run test:browser does it as root)');
  return found.stdout.trim().split('\n')[0];
}

/**
 * No sandbox (root in a container), no GPU, and nothing that reaches for the network. Sandboxed
 * frames (the email previews) drawn in the page's own process: in one of their own, a frame the
 * window had just been resized around was captured before it painted, an empty box where the
 * email was (test/browser/fixtures.ts, screenshot). The frame's sandbox is the same either way.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=IsolateSandboxedIframes',
];
