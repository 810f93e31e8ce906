// Three tiers: unit specs beside the code (pure logic); medium specs (test/**/*.medium-spec.ts: services
// against the real Postgres and Redis, in-process); end-to-end specs (test/**/*.e2e-spec.ts: the real API
// over HTTP, workers, an in-process SMTP server, child processes). Browser tests (test/browser) run under Playwright.
const swc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // V8's compiled code kept across the files a worker runs (the file says why).
  runtime: '<rootDir>/test/setup/code-cache-runtime.js',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: { '^@tcma/([^/]+)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The browser app and its Playwright tests have their own toolchains (Vite, Playwright).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/', '<rootDir>/test/browser/', '<rootDir>/dist/'],
};

/** What every test that talks to PostgreSQL and Redis shares: one migrated database per run, a copy per file. */
const engine = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  setupFilesAfterEnv: [
    '<rootDir>/test/setup/timeout.ts',
    '<rootDir>/test/setup/own-database.ts',
    '<rootDir>/test/setup/performance-observers.ts',
  ],
};

/**
 * JEST_LONG_RUNNING=only runs just the `@long-running` files (test/setup/long-running.js), =skip all
 * but them; unset, every file. CI runs the two halves at once: the long files spend most of their
 * minutes waiting on the engine (three of them alone: 306 s of wall time for 136 s of CPU), so a
 * run of their own beside the others' two workers uses the idle core instead of holding a worker.
 */
const longRunning = (() => {
  const mode = process.env.JEST_LONG_RUNNING;
  if (!mode) return (project) => project;
  if (mode !== 'only' && mode !== 'skip') throw new Error(`JEST_LONG_RUNNING is "only" or "skip", not "${mode}"`);
  const files = require('./test/setup/long-running').longRunningFiles(`${__dirname}/test`);
  const escaped = files.map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const ignored = mode === 'skip' ? escaped.map((file) => `^${file}$`) : [`^(?!(${escaped.join('|')})$)`];
  return (project) => ({ ...project, testPathIgnorePatterns: [...project.testPathIgnorePatterns, ...ignored] });
})();

module.exports = {
  // Two files at once even on two cores: most integration time is spent waiting on the engine
  // (sends paced to a rate, takeovers after a worker is killed), not computing.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  // Long-running files first, so they run beside the short ones (test/setup/sequencer.js).
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  projects: [
    // Some unit specs rasterise PDFs and images: on a busy 2-core machine they take seconds.
    longRunning({
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/unit-timeout.ts'],
    }),
    // The middle tier: services against the real database and Redis, in-process, without HTTP or
    // child processes (test/support/service-harness.ts); most repository and service behaviour.
    longRunning({ ...shared, ...engine, displayName: 'medium', testMatch: ['<rootDir>/test/**/*.medium-spec.ts'] }),
    // End to end: the real API over HTTP, workers, child processes; the journeys and the crash tests.
    longRunning({ ...shared, ...engine, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] }),
  ],
};
