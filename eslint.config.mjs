// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import forSystemCallers from './scripts/boundaries/for-system-rule.cjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'scripts/**',
      'jest.config.js',
      'eslint.config.mjs',
      '.dependency-cruiser.cjs',
      'test-results/**',
      'apps/web/src/api/schema.d.ts',
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
    plugins: { tcma: { rules: { 'for-system-callers': forSystemCallers } } },
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
  // The browser app: hooks follow React's rules.
  { files: ['apps/web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
);
