import { emailCount, emailDateTime, wordsIn, type EmailCatalogue } from './index';

describe(wordsIn.name, () => {
  const catalogue: EmailCatalogue<{ n: number }, string> = {
    en: ({ n }) => `${n} rows`,
    de: ({ n }) => `${n} Zeilen`,
    fr: ({ n }) => `${n} lignes`,
    es: ({ n }) => `${n} filas`,
  };

  it("answers in the reader's language, and in English for none or one the engine does not speak", () => {
    expect(wordsIn(catalogue, 'de', { n: 2 })).toBe('2 Zeilen');
    expect(wordsIn(catalogue, null, { n: 2 })).toBe('2 rows');
    expect(wordsIn(catalogue, 'pt', { n: 2 })).toBe('2 rows');
  });
});

describe(emailDateTime.name, () => {
  const at = new Date('2026-03-03T14:05:00Z');

  it('writes the instant in the language, naming the zone', () => {
    expect(emailDateTime('en', at)).toBe('3 March 2026 at 14:05 UTC');
    expect(emailDateTime('de', at)).toBe('3. März 2026 um 14:05 UTC');
    expect(emailDateTime('fr', at, 'Europe/Paris')).toBe('3 mars 2026 à 15:05 (Europe/Paris)');
    expect(emailDateTime('es', at)).toBe('3 de marzo de 2026 a las 14:05 UTC');
  });

  it('groups counts as the language does', () => {
    expect(emailCount('en', 12345)).toBe('12,345');
    expect(emailCount('de', 12345)).toBe('12.345');
  });
});
