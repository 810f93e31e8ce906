// @vitest-environment node
import { ESLint, type Linter } from 'eslint';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint keeps the web app's floors (eslint.config.mjs, its apps/web block): this plants
 * files that break them inside apps/web/src, lints them with that very block, and sees each
 * rule fire (and stay quiet on an import that is allowed).
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const src = join(repo, 'apps/web/src');
const planted = `planted-${process.pid}-${Date.now()}`;
const folders = [join(src, 'features/leads', planted), join(src, 'shared', planted)];

function plant(path: string, code: string): string {
  writeFileSync(join(src, path), code);
  return join(src, path);
}

let eslint: ESLint;

beforeAll(async () => {
  const configUrl = new URL('../../eslint.config.mjs', import.meta.url).href;
  const config = ((await import(configUrl)) as { default: Linter.Config[] }).default;
  const boundaries = config.find((block) => block.rules?.['import-x/no-restricted-paths']);
  if (!boundaries) throw new Error('eslint.config.mjs has no block with import-x/no-restricted-paths');
  eslint = new ESLint({
    cwd: repo,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, boundaries],
  });
  for (const folder of folders) mkdirSync(folder, { recursive: true });
});

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function rulesFiredOn(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the web app boundaries', () => {
  it('refuses a feature importing another feature', async () => {
    const file = plant(
      `features/leads/${planted}/cross.ts`,
      "export { useWebhooks } from '../../webhooks/hooks/use-webhooks';\n",
    );
    expect(await rulesFiredOn(file)).toContain('import-x/no-restricted-paths');
  });

  it('refuses shared code importing a feature', async () => {
    const file = plant(`shared/${planted}/up.ts`, "export { useLeads } from '../../features/leads/hooks/use-leads';\n");
    expect(await rulesFiredOn(file)).toContain('import-x/no-restricted-paths');
  });

  it('refuses a feature importing the app', async () => {
    const file = plant(`features/leads/${planted}/app.ts`, "export { router } from '../../../app/router';\n");
    expect(await rulesFiredOn(file)).toContain('import-x/no-restricted-paths');
  });

  it('refuses modules that import each other', async () => {
    plant(`features/leads/${planted}/b.ts`, "import { a } from './a';\nexport const b = () => a;\n");
    const file = plant(`features/leads/${planted}/a.ts`, "import { b } from './b';\nexport const a = () => b;\n");
    expect(await rulesFiredOn(file)).toContain('import-x/no-cycle');
  });

  it('lets a feature use its own modules and shared code', async () => {
    const file = plant(
      `features/leads/${planted}/fine.ts`,
      "export { useLeads } from '../hooks/use-leads';\nexport { format } from '../../../shared/lib/format';\n",
    );
    expect(await rulesFiredOn(file)).toEqual([]);
  });
});
