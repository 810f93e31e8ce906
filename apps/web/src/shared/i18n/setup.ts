import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogueBackend, type Catalogues } from './catalogues';
import { FALLBACK_LANGUAGE, isLanguage, LANGUAGES, startingLanguage, type Language } from './languages';

/**
 * The namespaces every page needs, fetched before the first one shows: the shared pieces, the
 * app's shell and the session feature (the header's account menu is on every page). A feature's
 * own namespace is fetched with its page's code (the router's `lazy`).
 */
export const STARTING_NAMESPACES = ['shared', 'app', 'session'];

/** The app's one i18next instance (react-i18next's hooks use it). */
export const i18n = createInstance();

let markReady: () => void = () => undefined;

/** Settles once i18next has started (startI18n): the router's first lazy page may ask before. */
const ready = new Promise<void>((resolve) => (markReady = resolve));

/** Fetches a namespace in the current language (a page's, beside its code), once i18next has started. */
export async function loadNamespace(namespace: string): Promise<void> {
  await ready;
  await i18n.loadNamespaces(namespace);
}

/**
 * Asks for a namespace's file in the language the app is in (or starts in) without waiting for
 * i18next to start: the router's first lazy page runs as the app's code is evaluated, before
 * startI18n, and a cold catalogue page asked for its words 220 ms after its code. i18next's own
 * read (loadNamespace) later gets the same module.
 */
export function prefetchNamespace(catalogues: Catalogues, namespace: string): void {
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : startingLanguage();
  void catalogues
    .get(namespace)
    ?.get(language)?.()
    .catch(() => undefined);
}

/** Changes the app's language once i18next has started; the page follows when its words are there. */
export async function changeLanguage(language: Language): Promise<void> {
  await ready;
  if (i18n.resolvedLanguage !== language) await i18n.changeLanguage(language);
}

/** The page's language, for screen readers, spelling and hyphenation. */
function followOnPage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Starts i18next over the catalogues in `language` (by default the one a visit starts in: see
 * languages.ts); the promise settles once the starting namespaces are there.
 */
export async function startI18n(catalogues: Catalogues, language: Language = startingLanguage()): Promise<void> {
  if (i18n.isInitialized) return;
  i18n.on('languageChanged', followOnPage);
  await i18n
    .use(catalogueBackend(catalogues))
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: [...LANGUAGES],
      fallbackLng: FALLBACK_LANGUAGE,
      ns: STARTING_NAMESPACES,
      defaultNS: 'shared',
      // React escapes what it renders; escaping here too would show "&amp;".
      interpolation: { escapeValue: false },
      // A page waits (Suspense) for its namespace rather than flashing its keys.
      react: { useSuspense: true },
    });
  // `{{role, lowercase}}`: a label ("Partner admin") inside an English sentence; German keeps its capitals.
  i18n.services.formatter?.add('lowercase', (value: unknown, language: string | undefined) =>
    typeof value === 'string' ? value.toLocaleLowerCase(language) : String(value),
  );
  markReady();
}
