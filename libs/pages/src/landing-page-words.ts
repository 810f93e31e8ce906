import { escapeHtml } from '@tcma/cobrand';
import { type Locale, localeOfAcceptLanguage } from '@tcma/locales';

/**
 * The engine's own words at a landing page's address when there is no page to show it in: the
 * page that does not exist, the moment it cannot be served, a form too large or unreadable. Plain
 * text, in each language the engine speaks (a page's own words are the vendor's; its form's
 * refusals are @tcma/cobrand's PageFormWords).
 */
export interface LandingPageWords {
  notFoundTitle: string;
  notFound: string;
  unavailable: string;
  tooLarge: (kilobytes: number) => string;
  unreadable: string;
}

const WORDS: Record<Locale, LandingPageWords> = {
  en: {
    notFoundTitle: 'Page not found',
    notFound: 'This page does not exist.',
    unavailable: 'This page is not available right now; please try again shortly.',
    tooLarge: (kb) => `The form is larger than ${kb} kB`,
    unreadable: 'The form could not be read',
  },
  de: {
    notFoundTitle: 'Seite nicht gefunden',
    notFound: 'Diese Seite gibt es nicht.',
    unavailable: 'Diese Seite ist gerade nicht erreichbar; bitte versuchen Sie es in Kürze erneut.',
    tooLarge: (kb) => `Das Formular ist größer als ${kb} kB`,
    unreadable: 'Das Formular konnte nicht gelesen werden',
  },
  fr: {
    notFoundTitle: 'Page introuvable',
    notFound: 'Cette page n’existe pas.',
    unavailable: 'Cette page n’est pas disponible pour le moment ; veuillez réessayer dans un instant.',
    tooLarge: (kb) => `Le formulaire dépasse ${kb} ko`,
    unreadable: 'Le formulaire n’a pas pu être lu',
  },
  es: {
    notFoundTitle: 'Página no encontrada',
    notFound: 'Esta página no existe.',
    unavailable: 'Esta página no está disponible en este momento; inténtelo de nuevo en breve.',
    tooLarge: (kb) => `El formulario supera los ${kb} kB`,
    unreadable: 'No se pudo leer el formulario',
  },
};

/**
 * The visitor's language: the address's `?lang=` (a variant email's link carries its language)
 * when the engine speaks it, else the browser's Accept-Language, else the default.
 */
export function visitorLocale(lang: unknown, acceptLanguage: string | undefined): Locale {
  return localeOfAcceptLanguage([typeof lang === 'string' ? lang : '', acceptLanguage ?? ''].join(','));
}

export const landingPageWords = (locale: Locale): LandingPageWords => WORDS[locale];

/** The page of an address with no page, in `locale`: never indexed. */
export function notFoundPage(locale: Locale): string {
  const words = WORDS[locale];
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(words.notFoundTitle)}</title></head><body><p>${escapeHtml(words.notFound)}</p></body></html>`
  );
}
