// Unit specs sit beside the code; integration specs live under test/ and talk to the real
// Postgres, Redis and an in-process SMTP server. Browser tests (test/browser) run under Playwright.
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

module.exports = {
  projects: [
    // Some unit specs rasterise PDFs and images: on a busy 2-core machine they take seconds.
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/unit-timeout.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/test/setup/env.ts'],
      setupFilesAfterEnv: [
        '<rootDir>/test/setup/timeout.ts',
        '<rootDir>/test/setup/own-database.ts',
        '<rootDir>/test/setup/performance-observers.ts',
      ],
    },
  ],
};
