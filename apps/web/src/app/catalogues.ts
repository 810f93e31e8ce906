import { cataloguesOf, type Messages } from '../shared/i18n';

/**
 * Every catalogue of the app, found by where it sits (see shared/i18n/catalogues.ts). Vite makes
 * each file its own small chunk, fetched only when its namespace is needed, in one language.
 * It lives in app/ because the app composes the features: shared code never reaches into them.
 */
export const catalogues = cataloguesOf(
  import.meta.glob<Messages>(['../features/*/messages/*.json', '../shared/messages/*.json', './messages/*.json'], {
    import: 'default',
  }),
);
