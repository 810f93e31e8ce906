/**
 * The languages the engine speaks to its users: the web app's catalogues and its own emails
 * (invitations, password resets, programme emails, warnings) come in each. A user's `locale` is
 * one of them, or null: the web app then follows the browser, and emails are in English.
 */
export const LOCALES = ['en', 'de', 'fr', 'es'] as const;

export type Locale = (typeof LOCALES)[number];

/** The language of an email to someone who chose none. */
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The locale dates and numbers are written in, per language (English in its British forms, as the web app). */
const INTL_LOCALES: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' };

export const intlLocale = (locale: Locale): string => INTL_LOCALES[locale];

/** A user's language, or the default for someone who chose none. */
export const localeOr = (locale: string | null | undefined): Locale => (isLocale(locale) ? locale : DEFAULT_LOCALE);

/**
 * The reader's language from a request's Accept-Language (`de-DE,de;q=0.9,en;q=0.8`): the
 * preferred tag, by its q, whose language the engine speaks; the default when none is.
 */
export function localeOfAcceptLanguage(header: string | undefined): Locale {
  const tags = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().split('-')[0].toLowerCase(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return tags.map((t) => t.language).find(isLocale) ?? DEFAULT_LOCALE;
}
