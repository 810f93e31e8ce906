import type { components } from '../../api/client';

/**
 * The languages the web app speaks, and which one a visitor gets: the profile's choice (the
 * API's `locale`, remembered by this browser so the next visit starts in it), else the first of
 * the browser's languages the app speaks, else English.
 */

/** The app's languages; every catalogue has one file per language (`messages/<lng>.json`). */
export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;

export type Language = (typeof LANGUAGES)[number];

/** The API's `locale` values (@tcma/locales): the app speaks exactly those; this fails to compile when one list changes alone. */
type ApiLocale = NonNullable<components['schemas']['UpdateOwnProfileDto']['locale']>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsTheApi: Same<ApiLocale, Language> = true;
void sameAsTheApi;

/** The language of a message missing from a catalogue (the checks keep that from happening). */
export const FALLBACK_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The locale dates and numbers are written in, per language. English keeps the app's British
 * forms ("3 Mar 2026, 14:05"), which it has always used, whatever the browser's region.
 */
const INTL_LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' };

export const intlLocale = (language: Language): string => INTL_LOCALES[language];

const languageNames = new Map<Language, string>();

/** A language's name in that language ("Deutsch", "français"), as a menu of languages shows it. */
export function languageName(language: Language): string {
  // Kept: an Intl.DisplayNames costs milliseconds to make, and the account menu names every language on each render.
  let name = languageNames.get(language);
  if (name === undefined) {
    const own = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
    name = own.charAt(0).toLocaleUpperCase(language) + own.slice(1);
    languageNames.set(language, name);
  }
  return name;
}

/** The first of the browser's languages (`navigator.languages`, "de-AT" counts as "de") the app speaks. */
export function browserLanguage(preferred: readonly string[]): Language | null {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/** Where this browser remembers the signed-in user's chosen language (localStorage). */
const STORAGE_KEY = 'tcma.locale';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage refused (a privacy setting): the browser's language it is.
    return null;
  }
}

/** The profile's language this browser last saw, if any. */
export function rememberedLanguage(): Language | null {
  const value = storage()?.getItem(STORAGE_KEY);
  return isLanguage(value) ? value : null;
}

/** Keeps the profile's language for the next visit (null: the profile follows the browser, so nothing is kept). */
export function rememberLanguage(language: Language | null): void {
  const kept = storage();
  if (!kept) return;
  if (language) kept.setItem(STORAGE_KEY, language);
  else kept.removeItem(STORAGE_KEY);
}

/** The browser's own choice among the app's languages. */
export const browserChoice = (): Language =>
  browserLanguage(typeof navigator === 'undefined' ? [] : navigator.languages) ?? FALLBACK_LANGUAGE;

/** The language a visit starts in, before the session says whose it is. */
export const startingLanguage = (): Language => rememberedLanguage() ?? browserChoice();
