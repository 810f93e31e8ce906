import type { BackendModule, ResourceKey } from 'i18next';
import { isLanguage, type Language } from './languages';

/** A catalogue file's messages: nested objects of strings. */
export type Messages = ResourceKey;

/** One catalogue file's loader, as `import.meta.glob` gives it: its messages arrive when asked. */
export type CatalogueLoader = () => Promise<Messages>;

/** Every catalogue: namespace → language → loader. */
export type Catalogues = Map<string, Map<Language, CatalogueLoader>>;

/**
 * Where a catalogue file sits says its namespace: `…/features/<area>/messages/<lng>.json` is the
 * feature's (`<area>`), `…/shared/messages/<lng>.json` is `shared`, and the app's own
 * (`app/messages/<lng>.json`) is `app`.
 */
export function namespaceOf(path: string): { namespace: string; language: Language } | null {
  const match = /(?:^|\/)(?:features\/([^/]+)|(shared)|(app)|\.)\/messages\/([^/]+)\.json$/.exec(path);
  if (!match || !isLanguage(match[4])) return null;
  return { namespace: match[1] ?? match[2] ?? 'app', language: match[4] };
}

/** The catalogues of the files `import.meta.glob` found (with `import: 'default'`). */
export function cataloguesOf(files: Record<string, CatalogueLoader>): Catalogues {
  const catalogues: Catalogues = new Map();
  for (const [path, load] of Object.entries(files)) {
    const found = namespaceOf(path);
    if (!found) throw new Error(`${path} is not a catalogue (…/messages/<en|de|fr|es>.json)`);
    let languages = catalogues.get(found.namespace);
    if (!languages) catalogues.set(found.namespace, (languages = new Map<Language, CatalogueLoader>()));
    languages.set(found.language, load);
  }
  return catalogues;
}

/**
 * i18next's backend over the catalogues: a namespace is fetched in one language when a page
 * first needs it, so a visitor downloads only their own language. A namespace without a
 * catalogue (a feature not converted yet) is empty.
 */
export function catalogueBackend(catalogues: Catalogues): BackendModule {
  return {
    type: 'backend',
    init: () => undefined,
    read: (language, namespace, done) => {
      const load = isLanguage(language) ? catalogues.get(namespace)?.get(language) : undefined;
      if (!load) return done(null, {});
      load().then(
        (messages) => done(null, messages),
        (error: Error) => done(error, false),
      );
    },
  };
}
