/**
 * The web app's words: i18next with react-i18next over one catalogue per namespace and language
 * (`features/<area>/messages/<lng>.json`, `shared/messages/<lng>.json`, `app/messages/<lng>.json`),
 * and the formatters of the reader's language. How to add text: docs/contributing.md, "Adding
 * text to the web app". Import the hooks from here, not from react-i18next, so the app has one
 * way in.
 */
export { Trans, useTranslation } from 'react-i18next';
export type { TFunction } from 'i18next';
export { cataloguesOf, namespaceOf, type CatalogueLoader, type Catalogues, type Messages } from './catalogues';
export {
  FALLBACK_LANGUAGE,
  LANGUAGES,
  browserLanguage,
  intlLocale,
  isLanguage,
  languageName,
  type Language,
} from './languages';
export { changeLanguage, i18n, loadNamespace, prefetchNamespace, startI18n, STARTING_NAMESPACES } from './setup';
export { useFormat } from './use-format';
export { useProfileLanguage } from './use-profile-language';
