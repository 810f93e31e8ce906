// @ts-check
import js from '@eslint/js';
import { readdirSync, readFileSync } from 'node:fs';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import forSystemCallers from './scripts/boundaries/for-system-rule.cjs';
import noUntranslatedText from './scripts/i18n/untranslated-text-rule.cjs';

/** The project's own rules. */
const tcma = { rules: { 'for-system-callers': forSystemCallers, 'no-untranslated-text': noUntranslatedText } };

/** The browser app's features, one folder each: a new folder is fenced in as soon as it exists. */
const WEB = 'apps/web/src';
const webFeatures = readdirSync(new URL(`${WEB}/features`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The web app's folders whose words are not in catalogues yet (apps/web/untranslated.json): the text rule skips them. */
const untranslated = /** @type {{ folders: string[] }} */ (
  JSON.parse(readFileSync(new URL('apps/web/untranslated.json', import.meta.url), 'utf8'))
).folders;

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'scripts/**',
      'jest.config.js',
      // Jest's own configuration (CommonJS, outside the TypeScript project).
      'test/setup/*.js',
      // Plain Node ESM in a child process (oidc-provider is ESM only), outside the TypeScript project.
      'test/support/oidc-provider.mjs',
      'eslint.config.mjs',
      '.dependency-cruiser.cjs',
      'test-results/**',
      'apps/web/src/api/schema.d.ts',
      // The documentation site's build and cache (npm run docs:build, docs:dev).
      'docs/.vitepress/dist/**',
      'docs/.vitepress/cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Promises must be awaited or handled: an unawaited send or write is a silent bug.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='forwardRef']",
          message: 'No forwardRef: restructure the modules instead.',
        },
      ],
    },
  },
  {
    // Entry points reach data through services, which apply the caller's tenant scope; methods
    // that cross tenants (…ForSystem) belong to the worker's services and signed-link paths.
    files: ['apps/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='forwardRef']",
          message: 'No forwardRef: restructure the modules instead.',
        },
        {
          selector: 'CallExpression[callee.property.name=/ForSystem$/]',
          message:
            'Apps do not call cross-tenant (…ForSystem) methods: go through a service that checks a signature or scope.',
        },
        {
          selector: 'ImportDeclaration[source.value=/^@tcma\\//] ImportSpecifier[imported.name=/Repository$/]',
          message: 'Apps do not use repositories: call a service, which applies the tenant scope.',
        },
      ],
    },
  },
  {
    // A …ForSystem method crosses tenants: only the lib that declares it calls it, or a lib its
    // allow-list in libs/floors.json names with a reason (docs/architecture/libs.md).
    files: ['libs/**/*.ts'],
    plugins: { tcma },
    rules: { 'tcma/for-system-callers': ['error', { root: import.meta.dirname }] },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The middle tier stays in-process: no HTTP client, no API or worker, no child process.
    files: ['test/**/*.medium-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'supertest', message: 'A medium spec calls services, not HTTP: make it an e2e spec.' },
            { name: 'node:child_process', message: 'A medium spec runs in-process: make it an e2e spec.' },
          ],
          patterns: [
            {
              group: [
                '**/support/api-harness',
                '**/support/worker-harness',
                '**/support/processes',
                '**/apps/*/src/**',
              ],
              message: 'A medium spec boots lib modules (test/support/service-harness.ts), never the API or a worker.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every sentence a user reads comes from a catalogue, whole (scripts/i18n/untranslated-text-rule.cjs),
    // in each folder converted so far; apps/web/eslint-i18n.spec.ts plants violations and sees it fire.
    files: [`${WEB}/{app,shared,features}/**/*.{ts,tsx}`],
    ignores: ['**/*.spec.{ts,tsx}', ...untranslated.map((folder) => `apps/web/${folder}/**`)],
    plugins: { tcma },
    rules: { 'tcma/no-untranslated-text': 'error' },
  },
  // The browser app: hooks follow React's rules.
  { files: ['apps/web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    // The browser app's floors (after bulletproof-react): api/ (the typed client) ← shared/ ←
    // features/<one each> ← app/ (routes and layouts compose the features). A feature never
    // imports another feature, shared code never imports a feature or the app, and nothing
    // imports in a circle. apps/web/eslint-boundaries.spec.ts plants violations and sees these fire.
    files: [`${WEB}/**/*.{ts,tsx}`],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      // The modules no-cycle follows: the app's own TypeScript.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            ...webFeatures.map((feature) => ({
              target: `${WEB}/features/${feature}`,
              from: `${WEB}/features`,
              except: [`./${feature}`],
              message:
                'A feature does not import another feature: move what both use to shared/, or compose them in app/.',
            })),
            {
              target: [`${WEB}/features`, `${WEB}/shared`, `${WEB}/api`],
              from: `${WEB}/app`,
              message: 'Only the app imports from app/: it composes the features, never the other way round.',
            },
            {
              target: [`${WEB}/shared`, `${WEB}/api`],
              from: `${WEB}/features`,
              message: 'Shared code does not import a feature: what more than one feature uses lives in shared/.',
            },
            {
              target: `${WEB}/api`,
              from: `${WEB}/shared`,
              message: 'The typed client (api/) is the lowest floor: it imports nothing of the app.',
            },
          ],
        },
      ],
      'import-x/no-cycle': 'error',
    },
  },
);
