import { intlLocale, localeOr, type Locale } from './locales';

/**
 * One email's words in every language: a function per language from the email's values to its
 * sentences. The type makes each language present and give every sentence, with the same values
 * (a variable one language used and another forgot would not compile); whole sentences, so each
 * language orders and inflects its own.
 */
export type EmailCatalogue<Values, Words> = Record<Locale, (values: Values) => Words>;

/** The email's words in the reader's language (none chosen: the default). */
export function wordsIn<Values, Words>(
  catalogue: EmailCatalogue<Values, Words>,
  locale: string | null | undefined,
  values: Values,
): Words {
  return catalogue[localeOr(locale)](values);
}

/**
 * An instant as an email writes it, in the reader's language and the given IANA zone, the zone
 * named where the reader may be elsewhere: "3 March 2026, 14:05 UTC", "3. März 2026, 15:05 MEZ".
 */
export function emailDateTime(locale: Locale, at: Date, timeZone = 'UTC'): string {
  return (
    new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone,
    }).format(at) + (timeZone === 'UTC' ? ' UTC' : ` (${timeZone})`)
  );
}

/** A count in the reader's language: "12,345", "12.345". */
export const emailCount = (locale: Locale, n: number): string => new Intl.NumberFormat(intlLocale(locale)).format(n);
