/**
 * A BCP 47 language tag in its canonical form (`pt-br` → `pt-BR`, `iw` → `he`), or null when it
 * is not one. Intl's own check (the tags a browser and Node agree on), with the language an ISO
 * 639 code of two or three letters: BCP 47's longer primary subtags are reserved or unassigned,
 * and a column of language names ("French", "Deutsch") would otherwise pass as tags.
 */
export function canonicalLanguage(tag: string): string | null {
  const known = canonical.get(tag);
  if (known !== undefined) return known;
  const found = canonicalOf(tag);
  // Each send asks for the same few tags: remembered, within a bound (a CSV of odd tags cannot grow it).
  if (canonical.size >= MAX_REMEMBERED) canonical.clear();
  canonical.set(tag, found);
  return found;
}

const MAX_REMEMBERED = 2_000;
const canonical = new Map<string, string | null>();

function canonicalOf(tag: string): string | null {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) || tag.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** Scripts written right to left (ISO 15924) among those CLDR's likely subtags give a language. */
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa']);

/**
 * Which way a language's text runs: its script as the tag says (`az-Arab`), else the script
 * CLDR's likely subtags give the language (`ar` → Arab, `yi` → Hebr, `ur` → Arab).
 */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
