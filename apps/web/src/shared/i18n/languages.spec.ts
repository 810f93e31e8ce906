import { describe, expect, it } from 'vitest';
import { namespaceOf } from './catalogues';
import { browserLanguage, intlLocale, languageName } from './languages';

describe('the languages', () => {
  it('take the first of the browser’s languages the app speaks, by its base language', () => {
    expect(browserLanguage(['pt-BR', 'de-AT', 'en'])).toBe('de');
    expect(browserLanguage(['ES'])).toBe('es');
    expect(browserLanguage(['pt', 'ja'])).toBeNull();
  });

  it('name each language in itself, and write dates in its country’s forms', () => {
    expect(['en', 'de', 'fr', 'es'].map((l) => languageName(l as 'en'))).toEqual([
      'English',
      'Deutsch',
      'Français',
      'Español',
    ]);
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('de')).toBe('de-DE');
  });
});

describe(namespaceOf.name, () => {
  it('reads the namespace and language from where a catalogue sits', () => {
    expect(namespaceOf('../features/audience/messages/de.json')).toEqual({ namespace: 'audience', language: 'de' });
    expect(namespaceOf('../shared/messages/fr.json')).toEqual({ namespace: 'shared', language: 'fr' });
    expect(namespaceOf('./messages/es.json')).toEqual({ namespace: 'app', language: 'es' });
    expect(namespaceOf('./messages/pt.json')).toBeNull();
  });
});
