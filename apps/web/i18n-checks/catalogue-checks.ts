import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The checks every catalogue passes (run by catalogues.spec.ts): each namespace has a file per
 * language; the same keys in each; a plural key with exactly the forms its language's plural
 * rules name (Intl.PluralRules: "one"/"other" in English and German, "one"/"many"/"other" in
 * French and Spanish); the same placeholders ({{count}}, <0>…</0>, <link>…</link>) in each.
 */

export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A catalogue as its file holds it: nested objects whose leaves are the messages. */
export interface Messages {
  [key: string]: string | Messages;
}

/** i18next's plural suffixes (JSON v4): `rows_one`, `rows_other`. */
const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/** The plural forms a language's messages need: those its plural rules can choose. */
export const pluralForms = (language: string): string[] =>
  [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();

/** `{"a": {"b": "x"}}` as `a.b → x`; anything but a string or an object at a leaf is a problem. */
export function flatten(messages: unknown, problems: string[], where: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) {
    problems.push(`${where}: not an object of messages`);
    return out;
  }
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      if (!value.trim()) problems.push(`${where}: ${path} is empty`);
      out.set(path, value);
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, problems, where, path)) out.set(k, v);
    } else problems.push(`${where}: ${path} is not a message (a string)`);
  }
  return out;
}

/** What a message must carry over into every language: its variables, nested keys and Trans tags. */
export function placeholders(message: string): string[] {
  const found = new Set<string>();
  for (const m of message.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)) found.add(`{{${m[1]}}}`);
  for (const m of message.matchAll(/\$t\(([^),]+)/g)) found.add(`$t(${m[1].trim()})`);
  for (const m of message.matchAll(/<\/?([A-Za-z0-9]+)\s*\/?>/g)) found.add(`<${m[1]}>`);
  return [...found];
}

/** A message key and, when it is one form of a plural, that form. */
export const pluralOf = (key: string): { base: string; form: string | null } => {
  const m = PLURAL.exec(key);
  return m ? { base: m[1], form: m[2] } : { base: key, form: null };
};

interface Group {
  forms: Set<string>;
  placeholders: Set<string>;
}

function groups(messages: Map<string, string>): Map<string, Group> {
  const out = new Map<string, Group>();
  for (const [key, message] of messages) {
    const { base, form } = pluralOf(key);
    let group = out.get(base);
    if (!group) out.set(base, (group = { forms: new Set(), placeholders: new Set() }));
    group.forms.add(form ?? '');
    for (const p of placeholders(message)) group.placeholders.add(p);
  }
  return out;
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const list = (s: Set<string>) => [...s].sort().join(', ') || 'none';

/** The keys, in English, of a namespace's messages: plural groups by their base key. */
export const keysOf = (english: Map<string, string>): Set<string> => new Set(groups(english).keys());

/** Every problem of one namespace's catalogues, one line each (none: it passes). */
export function checkNamespace(namespace: string, files: Partial<Record<Language, unknown>>): string[] {
  const problems: string[] = [];
  const flat = new Map<Language, Map<string, string>>();
  for (const language of LANGUAGES) {
    if (files[language] === undefined) problems.push(`${namespace}: no ${language} catalogue`);
    else flat.set(language, flatten(files[language], problems, `${namespace}/${language}`));
  }
  for (const extra of Object.keys(files).filter((l) => !(LANGUAGES as readonly string[]).includes(l)))
    problems.push(`${namespace}: ${extra} is not one of the app's languages`);
  const english = flat.get('en');
  if (!english) return problems;
  const reference = groups(english);
  for (const [base, group] of reference) {
    if (group.forms.has('') && group.forms.size > 1)
      problems.push(`${namespace}/en: ${base} is both a plain message and a plural`);
  }
  for (const [language, messages] of flat) {
    const where = `${namespace}/${language}`;
    const own = groups(messages);
    for (const base of own.keys())
      if (!reference.has(base)) problems.push(`${where}: ${base} is not in the English catalogue`);
    for (const [base, expected] of reference) {
      const group = own.get(base);
      if (!group) {
        problems.push(`${where}: ${base} is missing`);
        continue;
      }
      const plural = !expected.forms.has('');
      const forms = plural ? new Set(pluralForms(language)) : new Set(['']);
      if (!sameSet(group.forms, forms))
        problems.push(
          plural
            ? `${where}: ${base} has the plural forms ${list(group.forms)}; ${language} needs ${list(forms)}`
            : `${where}: ${base} is a plural here but a plain message in English`,
        );
      if (!sameSet(group.placeholders, expected.placeholders))
        problems.push(
          `${where}: ${base} has the placeholders ${list(group.placeholders)}; English has ${list(expected.placeholders)}`,
        );
    }
  }
  return problems;
}

/** Every `messages` folder under `root` (the web app's src), by namespace: feature folders by their name. */
export function findCatalogues(root: string): Map<string, { folder: string; files: Partial<Record<string, unknown>> }> {
  const out = new Map<string, { folder: string; files: Partial<Record<string, unknown>> }>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.name !== 'messages') {
        walk(path);
        continue;
      }
      const rel = relative(root, dir).split('\\').join('/');
      const namespace = /^features\/([^/]+)$/.exec(rel)?.[1] ?? (rel === 'shared' || rel === 'app' ? rel : null);
      if (!namespace) throw new Error(`${rel}/messages: catalogues sit in app/, shared/ or features/<area>/ only`);
      const files: Partial<Record<string, unknown>> = {};
      for (const file of readdirSync(path)) {
        const language = /^(.+)\.json$/.exec(file)?.[1];
        if (language) files[language] = JSON.parse(readFileSync(join(path, file), 'utf8')) as unknown;
      }
      out.set(namespace, { folder: relative(root, path), files });
    }
  };
  walk(root);
  return out;
}
