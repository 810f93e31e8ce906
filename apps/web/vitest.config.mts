import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The web app's unit tests (`npm run test:web`): its pure modules and state hooks, in
 * happy-dom, without a browser or the engine; they run in seconds. What only a browser shows
 * stays with the Playwright journeys (test/browser).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['src/**/*.spec.{ts,tsx}', 'eslint-boundaries.spec.ts', 'eslint-i18n.spec.ts', 'i18n-checks/*.spec.ts'],
    environment: 'happy-dom',
    // The app is served by the API: relative requests go to its origin.
    environmentOptions: { happyDOM: { url: 'http://localhost:3000/' } },
    // Dates a test does not pin to a zone are read in this one, whatever the machine's.
    env: { TZ: 'Europe/London' },
  },
});
