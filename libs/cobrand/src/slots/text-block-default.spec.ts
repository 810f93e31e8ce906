import type { SlotDefinition } from '@tcma/campaign-model';
import { resolveSlotValues } from './resolve-slot-values';
import { textBlockDefault } from './text-block-default';

const slot: SlotDefinition = {
  name: 'intro',
  type: 'text_block',
  required: false,
  fallback: 'Your partner is here to help.',
  defaults: {
    de: 'Ihr Partner hilft Ihnen gern.',
    'fr-CA': 'Votre partenaire vous aide.',
    'pt-BR': 'Seu parceiro ajuda.',
  },
};

describe(textBlockDefault.name, () => {
  it.each([
    ['de', 'de', 'Ihr Partner hilft Ihnen gern.'],
    ['de-AT', 'de', 'Ihr Partner hilft Ihnen gern.'],
    ['fr', 'fr-CA', 'Votre partenaire vous aide.'],
    ['fr-ca', 'fr-CA', 'Votre partenaire vous aide.'],
    ['pt-BR', 'pt-BR', 'Seu parceiro ajuda.'],
    ['pt-PT', 'pt-BR', 'Seu parceiro ajuda.'],
  ])('gives readers of %s the default in %s', (language, chosen, text) => {
    expect(textBlockDefault(slot, language)).toEqual({ language: chosen, text });
  });

  it.each([
    ['a language it has no default in', 'es'],
    ["the campaign's own language (no variant)", null],
    ['an empty variant', ''],
    ['a tag that is not one', 'not a tag!'],
  ])('falls back for %s', (_what, language) => {
    expect(textBlockDefault(slot, language)).toEqual({ language: null, text: 'Your partner is here to help.' });
  });

  it('falls back, or gives nothing, for a block without defaults', () => {
    expect(textBlockDefault({ fallback: 'Hi' }, 'de')).toEqual({ language: null, text: 'Hi' });
    expect(textBlockDefault({}, 'de')).toEqual({ language: null, text: null });
  });
});

describe('resolveSlotValues with a language', () => {
  const brand = {
    companyName: 'Partner Ltd',
    contactName: null,
    email: null,
    phone: null,
    website: null,
    address: null,
    primaryColor: null,
    secondaryColor: null,
    logoUrl: null,
  };

  it("uses the partner's text in every language, else the default of the variant's", () => {
    expect(resolveSlotValues([slot], brand, { intro: 'Our own words.' }, 'de').values.get('intro')).toBe(
      'Our own words.',
    );
    expect(resolveSlotValues([slot], brand, {}, 'de').values.get('intro')).toBe('Ihr Partner hilft Ihnen gern.');
    expect(resolveSlotValues([slot], brand, { intro: '' }, 'fr').values.get('intro')).toBe(
      'Votre partenaire vous aide.',
    );
    expect(resolveSlotValues([slot], brand, {}, 'es').values.get('intro')).toBe('Your partner is here to help.');
    expect(resolveSlotValues([slot], brand, {}).values.get('intro')).toBe('Your partner is here to help.');
  });

  it("names a default that does not pass the block's checks at its language, and falls to nothing", () => {
    const strict: SlotDefinition = { ...slot, maxLength: 10, fallback: null };
    const resolved = resolveSlotValues([strict], brand, {}, 'de');
    expect(resolved.values.get('intro')).toBeNull();
    expect(resolved.invalid).toEqual([
      { path: 'slots.intro.defaults.de', message: expect.stringContaining('at most 10 characters') },
    ]);
  });
});
