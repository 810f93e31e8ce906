// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkNamespace, findCatalogues, flatten, keysOf, pluralForms } from './catalogue-checks';
import { keysUsedIn, keysUsedUnder, type KeyUse } from './key-usage';

/**
 * The web app's catalogues against each other and against the code: what `npm run test:web`
 * holds every namespace to (docs/contributing.md, "Adding text to the web app").
 */
const src = fileURLToPath(new URL('../src', import.meta.url));

/** What the code uses against what the catalogues hold: keys used but absent, and keys no code uses. */
function keyProblems(uses: KeyUse[], catalogues: Map<string, Set<string>>): string[] {
  const problems: string[] = [];
  const used = new Map<string, Set<string>>();
  for (const use of uses) {
    const keys = catalogues.get(use.namespace);
    if (!keys) problems.push(`${use.file}:${use.line}: no catalogue for the namespace ${use.namespace}`);
    else if (!keys.has(use.key))
      problems.push(`${use.file}:${use.line}: ${use.namespace}:${use.key} is in no catalogue`);
    let seen = used.get(use.namespace);
    if (!seen) used.set(use.namespace, (seen = new Set()));
    seen.add(use.key);
  }
  for (const [namespace, keys] of catalogues)
    for (const key of keys) if (!used.get(namespace)?.has(key)) problems.push(`${namespace}:${key} is used by no code`);
  return problems;
}

function englishKeys(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [namespace, { files }] of findCatalogues(src))
    out.set(namespace, keysOf(flatten(files.en ?? {}, [], namespace)));
  return out;
}

describe('the web app catalogues', () => {
  it('hold the same keys, plural forms and placeholders in English, German, French and Spanish', () => {
    const catalogues = findCatalogues(src);
    expect(catalogues.has('shared')).toBe(true);
    expect([...catalogues].flatMap(([namespace, { files }]) => checkNamespace(namespace, files))).toEqual([]);
  });

  it('hold every key the code uses, and only those', () => {
    const usage = keysUsedUnder(src);
    expect(usage.problems).toEqual([]);
    expect(usage.uses.length).toBeGreaterThan(0);
    expect(keyProblems(usage.uses, englishKeys())).toEqual([]);
  });
});

describe('the catalogue checks', () => {
  const en = {
    signIn: { title: 'Sign in', hello: 'Hello {{name}}' },
    rows_one: 'One row',
    rows_other: '{{count}} rows',
  };
  const de = {
    signIn: { title: 'Anmelden', hello: 'Hallo {{name}}' },
    rows_one: 'Eine Zeile',
    rows_other: '{{count}} Zeilen',
  };
  const fr = {
    signIn: { title: 'Se connecter', hello: 'Bonjour {{name}}' },
    rows_one: 'Une ligne',
    rows_many: '{{count}} de lignes',
    rows_other: '{{count}} lignes',
  };
  const es = {
    signIn: { title: 'Iniciar sesión', hello: 'Hola {{name}}' },
    rows_one: 'Una fila',
    rows_many: '{{count}} de filas',
    rows_other: '{{count}} filas',
  };

  it('pass complete catalogues', () => {
    expect(checkNamespace('demo', { en, de, fr, es })).toEqual([]);
  });

  it('know each language’s plural forms from its plural rules', () => {
    expect(pluralForms('en')).toEqual(['one', 'other']);
    expect(pluralForms('de')).toEqual(['one', 'other']);
    expect(pluralForms('fr')).toEqual(['many', 'one', 'other']);
    expect(pluralForms('es')).toEqual(['many', 'one', 'other']);
  });

  it('fail on a key missing in one language, or one English does not have', () => {
    const { title: _title, ...withoutTitle } = fr.signIn;
    expect(checkNamespace('demo', { en, de, fr: { ...fr, signIn: withoutTitle }, es })).toEqual([
      'demo/fr: signIn.title is missing',
    ]);
    expect(checkNamespace('demo', { en, de: { ...de, extra: 'Mehr' }, fr, es })).toEqual([
      'demo/de: extra is not in the English catalogue',
    ]);
  });

  it('fail on a missing language', () => {
    expect(checkNamespace('demo', { en, de, fr })).toEqual(['demo: no es catalogue']);
  });

  it('fail on plural forms a language’s rules do not match', () => {
    const { rows_many: _many, ...frWithoutMany } = fr;
    expect(checkNamespace('demo', { en, de, fr: frWithoutMany, es })).toEqual([
      'demo/fr: rows has the plural forms one, other; fr needs many, one, other',
    ]);
  });

  it('fail on interpolation variables or tags that differ from English', () => {
    expect(
      checkNamespace('demo', { en, de: { ...de, signIn: { ...de.signIn, hello: 'Hallo {{nom}}' } }, fr, es }),
    ).toEqual(['demo/de: signIn.hello has the placeholders {{nom}}; English has {{name}}']);
    const link = { ...en, signIn: { ...en.signIn, title: 'Read <link>the guide</link>' } };
    expect(checkNamespace('demo', { en: link, de, fr, es })).toHaveLength(3);
  });

  it('fail on an empty message', () => {
    expect(checkNamespace('demo', { en, de: { ...de, signIn: { ...de.signIn, title: ' ' } }, fr, es })).toEqual([
      'demo/de: signIn.title is empty',
    ]);
  });

  it('read the keys a file uses, by the namespace of its t', () => {
    const usage = keysUsedIn(
      'page.tsx',
      `export function Page() {
         const { t } = useTranslation('session');
         const { t: tShared } = useTranslation(['shared', 'app']);
         return <p title={tShared('actions.retry')}>{t('signIn.title')} {t('app:nav.home')}
           <Trans i18nKey="signIn.help" t={t} components={{ link: <a /> }} /></p>;
       }
       function helper(t: TFunction) { return t('session:signIn.title'); }`,
    );
    expect(usage.problems).toEqual([]);
    expect(usage.uses.map((u) => `${u.namespace}:${u.key}`)).toEqual([
      'shared:actions.retry',
      'session:signIn.title',
      'app:nav.home',
      'session:signIn.help',
      'session:signIn.title',
    ]);
  });

  it('fail on a key used in code but absent, and on a key no code uses', () => {
    const usage = keysUsedIn(
      'page.tsx',
      `function P() { const { t } = useTranslation('demo'); return t('signIn.gone'); }`,
    );
    expect(keyProblems(usage.uses, new Map([['demo', keysOf(flatten(en, [], 'demo'))]]))).toEqual([
      'page.tsx:1: demo:signIn.gone is in no catalogue',
      'demo:signIn.title is used by no code',
      'demo:signIn.hello is used by no code',
      'demo:rows is used by no code',
    ]);
  });

  it('fail on a computed key and on a t whose namespace it cannot tell', () => {
    const usage = keysUsedIn(
      'page.tsx',
      "function P({ a }) { const { t } = useTranslation('demo'); return t(`signIn.${a}`); }\nfunction h(t) { return t('title'); }",
    );
    expect(usage.problems).toEqual([
      'page.tsx:1: a message key must be a string literal',
      'page.tsx:2: cannot tell the namespace of "title": write it "<namespace>:title"',
    ]);
  });
});
