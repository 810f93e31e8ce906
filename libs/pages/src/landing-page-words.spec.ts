import { landingPageWords, notFoundPage, visitorLocale } from './landing-page-words';

describe('the words at a landing page address with no page', () => {
  it("speaks the address's ?lang= when the engine speaks it, else the browser's, else English", () => {
    expect(visitorLocale('fr-CA', 'de-DE,de;q=0.9')).toBe('fr');
    expect(visitorLocale('pt-BR', 'de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(visitorLocale(undefined, 'es-MX,es;q=0.9')).toBe('es');
    expect(visitorLocale(['de'], 'it-IT')).toBe('en');
    expect(visitorLocale(undefined, undefined)).toBe('en');
  });

  it('writes the 404 page in that language, marked with it and never indexed', () => {
    const page = notFoundPage('de');
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<title>Seite nicht gefunden</title>');
    expect(page).toContain('<p>Diese Seite gibt es nicht.</p>');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(landingPageWords('es').tooLarge(64)).toBe('El formulario supera los 64 kB');
  });
});
