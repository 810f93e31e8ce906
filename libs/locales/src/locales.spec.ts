import { localeOfAcceptLanguage } from './locales';

describe('localeOfAcceptLanguage', () => {
  it.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5', 'fr'],
    // The order of preference is the q's, not the header's.
    ['en;q=0.5,es;q=0.9', 'es'],
    // A language the engine does not speak is passed over; q=0 means "not this one".
    ['pl-PL,pl;q=0.9,de;q=0.8', 'de'],
    ['de;q=0,fr;q=0.1', 'fr'],
    ['ES', 'es'],
  ])('reads %s as %s', (header, locale) => {
    expect(localeOfAcceptLanguage(header)).toBe(locale);
  });

  it('falls back to English without a header or a language it speaks', () => {
    expect(localeOfAcceptLanguage(undefined)).toBe('en');
    expect(localeOfAcceptLanguage('')).toBe('en');
    expect(localeOfAcceptLanguage('pl,ja;q=0.5')).toBe('en');
  });
});
