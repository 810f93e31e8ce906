import { textDirection } from './language-tag';
import { closestLanguage } from './closest-language';

describe(closestLanguage.name, () => {
  const campaign = ['en', 'fr', 'fr-CA', 'de', 'pt-BR', 'zh-Hant'];

  it('sends the exact variant, whatever the case the tag was written in', () => {
    expect(closestLanguage(campaign, 'fr-CA')).toBe('fr-CA');
    expect(closestLanguage(campaign, 'fr-ca')).toBe('fr-CA');
    expect(closestLanguage(campaign, 'pt-br')).toBe('pt-BR');
  });

  it('cuts the tag a subtag at a time: fr-BE → fr, de-AT → de, zh-Hant-TW → zh-Hant', () => {
    expect(closestLanguage(campaign, 'fr-BE')).toBe('fr');
    expect(closestLanguage(campaign, 'de-AT')).toBe('de');
    expect(closestLanguage(campaign, 'zh-Hant-TW')).toBe('zh-Hant');
    expect(closestLanguage(campaign, 'de-CH-x-phonebk')).toBe('de');
  });

  it('takes a variant of the same language before the default: pt → pt-BR, zh-TW → zh-Hant', () => {
    expect(closestLanguage(campaign, 'pt')).toBe('pt-BR');
    expect(closestLanguage(campaign, 'pt-PT')).toBe('pt-BR');
    expect(closestLanguage(campaign, 'zh-TW')).toBe('zh-Hant');
  });

  it('sends the default (the first) for another language, an unknown tag, or none', () => {
    expect(closestLanguage(campaign, 'it')).toBe('en');
    expect(closestLanguage(campaign, 'not a tag')).toBe('en');
    expect(closestLanguage(campaign, null)).toBe('en');
    expect(closestLanguage(['de', 'en'], 'en-US')).toBe('en');
    expect(closestLanguage(['de', 'en'], 'sv')).toBe('de');
  });

  it('needs the default', () => {
    expect(() => closestLanguage([], 'en')).toThrow('a campaign has at least its default language');
  });
});

describe(textDirection.name, () => {
  it("runs right to left for scripts written so, from the tag's script or the language's likely one", () => {
    for (const tag of ['ar', 'ar-EG', 'he', 'fa', 'ur', 'yi', 'ckb', 'az-Arab']) expect(textDirection(tag)).toBe('rtl');
    for (const tag of ['en', 'de-AT', 'az', 'sr-Latn', 'zh-Hant', 'ja', 'not a tag'])
      expect(textDirection(tag)).toBe('ltr');
  });
});
