// Three tiers: unit specs beside the code (pure logic); medium specs (test/**/*.medium-spec.ts: services
// against the real Postgres and Redis, in-process); end-to-end specs (test/**/*.e2e-spec.ts: the real API
// over HTTP, workers, an in-process SMTP server, child processes). Browser tests (test/browser) run under Playwright.
const swc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
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

module.exports = {
  // Two files at once even on two cores: most integration time is spent waiting on the engine
  // (sends paced to a rate, takeovers after a worker is killed), not computing.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  // Long-running files first, so they run beside the short ones (test/setup/sequencer.js).
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  projects: [
    // Some unit specs rasterise PDFs and images: on a busy 2-core machine they take seconds.
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/unit-timeout.ts'],
    },
    // The middle tier: services against the real database and Redis, in-process, without HTTP or
    // child processes (test/support/service-harness.ts); most repository and service behaviour.
    { ...shared, ...engine, displayName: 'medium', testMatch: ['<rootDir>/test/**/*.medium-spec.ts'] },
    // End to end: the real API over HTTP, workers, child processes; the journeys and the crash tests.
    { ...shared, ...engine, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
