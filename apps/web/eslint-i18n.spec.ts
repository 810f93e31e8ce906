// @vitest-environment node
import { ESLint, Linter } from 'eslint';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint keeps untranslated text out of the converted folders (eslint.config.mjs, its
 * tcma/no-untranslated-text block): this plants files in a converted folder, lints them with that
 * very block, and sees the rule fire on literal text and glued sentences and stay quiet on
 * translated ones. It also holds apps/web/untranslated.json to the truth: a listed folder with
 * nothing left to convert must leave the list, so the rule covers it from then on.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const web = join(repo, 'apps/web');
const planted = `planted-${process.pid}-${Date.now()}`;
const folder = join(web, 'src/features/session', planted);
const RULE = 'tcma/no-untranslated-text';

let block: Linter.Config;
let eslint: ESLint;

beforeAll(async () => {
  const configUrl = new URL('../../eslint.config.mjs', import.meta.url).href;
  const config = ((await import(configUrl)) as { default: Linter.Config[] }).default;
  const found = config.find((b) => b.rules?.[RULE]);
  if (!found) throw new Error(`eslint.config.mjs has no block with ${RULE}`);
  block = found;
  eslint = new ESLint({
    cwd: repo,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, block],
  });
  mkdirSync(folder, { recursive: true });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

let n = 0;
async function fired(code: string): Promise<string[]> {
  const file = join(folder, `case-${++n}.tsx`);
  writeFileSync(file, code);
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message.split(':')[0]}`);
}

const head = "import { useTranslation } from '../../../shared/i18n';\n";

describe('the untranslated text rule', () => {
  it('refuses literal text in JSX', async () => {
    const found = await fired(`${head}export const A = () => <p>Sign in</p>;\n`);
    expect(found).toEqual([
      `${RULE}: User-visible text belongs in the catalogue of this folder (messages/en.json and its three translations)`,
    ]);
  });

  it('refuses literal text in a visible prop, and in a visible property outside JSX', async () => {
    expect(
      await fired(`${head}export const A = () => <input aria-label="Email" placeholder={'you@example.com'} />;\n`),
    ).toHaveLength(2);
    expect(
      await fired(`${head}export const A = () => <PageHeader title={ok ? 'Done' : 'Not done'} />;\n`),
    ).toHaveLength(1);
    expect(await fired(`${head}notifications.show({ message: 'That session is ended.' });\n`)).toHaveLength(1);
    expect(await fired(`${head}const AREAS = [{ label: 'Campaigns', to: '/console' }];\n`)).toHaveLength(1);
  });

  it('refuses a sentence glued from a message and other text', async () => {
    const glued = `${RULE}: A sentence built from pieces cannot be translated`;
    expect(
      await fired(
        `${head}export function A({ n }) { const { t } = useTranslation('session'); return <p>{t('a.b')}: {n}</p>; }\n`,
      ),
    ).toEqual([glued]);
    expect(
      await fired(
        `${head}export function A() { const { t } = useTranslation('session'); return <p>{t('a.b')} now</p>; }\n`,
      ),
    ).toEqual([glued]);
    expect(
      await fired(
        `${head}export function A() { const { t } = useTranslation('session'); return t('a.b') + t('a.c'); }\n`,
      ),
    ).toEqual([glued]);
    expect(
      await fired(
        `${head}export function A() { const { t } = useTranslation('session'); return \`\${t('a.b')} \${t('a.c')}\`; }\n`,
      ),
    ).toEqual([glued]);
  });

  it('refuses a computed key', async () => {
    expect(
      await fired(
        `${head}export function A({ k }) { const { t } = useTranslation('session'); return t(\`roles.\${k}\`); }\n`,
      ),
    ).toEqual([`${RULE}: A message key is a string literal, so the catalogue checks can see it`]);
  });

  it('lets translated text, placeholders and props nobody reads pass', async () => {
    const code = `${head}export function A({ n, to }) {
  const { t } = useTranslation('session');
  return (
    <Stack gap="xs" id="session-title" aria-labelledby="x">
      <Button component={Link} to="/portal" variant="light" aria-label={t('a.b', { n })}>
        {t('a.c', { count: n })}
      </Button>
      <Trans i18nKey="a.d" t={t} components={{ link: <Anchor href={to} /> }} />
      {' '}
      {n}
    </Stack>
  );
}
`;
    expect(await fired(code)).toEqual([]);
  });
});

describe('apps/web/untranslated.json', () => {
  const { folders } = JSON.parse(readFileSync(join(web, 'untranslated.json'), 'utf8')) as { folders: string[] };

  /** The listed folders (paths under apps/web) with no text left for the rule to find. */
  function converted(listed: string[]): string[] {
    // The same rule without the skip list, over the listed folders only (Linter: no file lookups, fast).
    const linter = new Linter({ configType: 'flat', cwd: repo });
    const config: Linter.Config[] = [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
      { files: ['**/*.{ts,tsx}'], plugins: block.plugins, rules: block.rules },
    ];
    // One file with text to convert is enough: lint the folder's files one by one until one has some.
    return listed.filter(
      (folder) =>
        !sourceFiles(join(web, folder)).some((file) =>
          linter.verify(readFileSync(file, 'utf8'), config, file).some((m) => m.ruleId === RULE),
        ),
    );
  }

  it('lists folders the rule skips, each still holding text to convert', () => {
    const missing = folders.filter((f) => !existsSync(join(web, f)));
    expect(missing).toEqual([]);
    // A folder with nothing left to convert leaves the list, so the rule guards it from now on.
    expect(converted(folders)).toEqual([]);
  });

  it('would catch a listed folder with nothing left to convert, even while the list is empty', () => {
    // Two planted folders as if listed: one still holding literal text, one fully translated.
    const base = `src/features/session/${planted}`;
    mkdirSync(join(web, base, 'listed-untranslated'), { recursive: true });
    mkdirSync(join(web, base, 'listed-translated'), { recursive: true });
    writeFileSync(join(web, base, 'listed-untranslated/a.tsx'), `${head}export const A = () => <p>Sign in</p>;\n`);
    writeFileSync(
      join(web, base, 'listed-translated/a.tsx'),
      `${head}export function A() { const { t } = useTranslation('session'); return <p>{t('a.b')}</p>; }\n`,
    );
    expect(converted([`${base}/listed-untranslated`, `${base}/listed-translated`])).toEqual([
      `${base}/listed-translated`,
    ]);
  });
});

/** A folder's TypeScript sources but its specs, components (.tsx) first: they hold most of the text. */
function sourceFiles(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.spec\.tsx?$/.test(f))
    .map((f) => join(dir, f));
  return files.sort((a, b) => Number(b.endsWith('.tsx')) - Number(a.endsWith('.tsx')));
}
