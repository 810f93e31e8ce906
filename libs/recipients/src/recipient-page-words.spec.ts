import { recipientPageWords } from './recipient-page-words';

describe(recipientPageWords.name, () => {
  it("speaks the email's language where the engine does (its region aside), else English", () => {
    expect(recipientPageWords('de-AT')).toMatchObject({ locale: 'de', words: { unsubscribeTitle: 'Abmelden?' } });
    expect(recipientPageWords('fr-CA').words.preferencesTitle).toBe('Préférences e-mail');
    expect(
      recipientPageWords('es').words.choices.partner({ campaignName: 'C', partnerName: 'P', vendorName: 'V' }),
    ).toEqual({
      label: 'Dejar de recibir correos de P',
      done: 'No recibirá más correos de P.',
    });
    for (const other of ['pt-BR', 'ar', null, undefined, ''])
      expect(recipientPageWords(other)).toMatchObject({ locale: 'en', words: { unsubscribeTitle: 'Unsubscribe?' } });
  });
});
