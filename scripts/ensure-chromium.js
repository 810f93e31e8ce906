#!/usr/bin/env node
// The browser tests drive Debian's Chromium (Playwright never downloads a browser here).
// Present: nothing to do. Missing, and root with apt: install the `chromium` package.
// Otherwise: stop at once and say what to install; the browser tests are never skipped.
const { execFileSync, spawnSync } = require('node:child_process');

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim().split('\n')[0] : undefined;
}

const present = chromiumPath();
if (present) process.exit(0);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
if (!root || !apt) {
  console.error(
    'The browser tests need Chromium, and it is not installed.\n' +
      "Install Debian's package as root: apt-get install -y chromium\n" +
      '(or point CHROMIUM_PATH at a Chromium or Chrome binary).',
  );
  process.exit(1);
}

console.log("Chromium is missing: installing Debian's chromium package (apt-get install -y chromium)…");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
} catch {
  console.error('Installing chromium failed (see above). Install it by hand: apt-get install -y chromium');
  process.exit(1);
}
if (!chromiumPath()) {
  console.error('apt-get installed chromium, but no chromium binary is on the PATH.');
  process.exit(1);
}
console.log(`Chromium installed: ${chromiumPath()}`);
