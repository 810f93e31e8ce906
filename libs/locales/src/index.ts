export { DEFAULT_LOCALE, intlLocale, isLocale, LOCALES, localeOfAcceptLanguage, localeOr } from './locales';
export type { Locale } from './locales';
export { emailCount, emailDateTime, wordsIn } from './email-words';
export type { EmailCatalogue } from './email-words';
