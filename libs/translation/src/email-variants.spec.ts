import type { CampaignContent, EmailAsset, EmailVariant } from '@tcma/campaign-model';
import {
  campaignLanguages,
  emailCopyDigest,
  emailInLanguage,
  emailVariantOf,
  incompleteLanguages,
  variantState,
} from './email-variants';

const MJML = '<mjml><mj-body><mj-text>Hello <b>{{prospect.first_name}}</b></mj-text></mj-body></mjml>';
const email = (variants?: Record<string, EmailVariant>): EmailAsset => ({
  id: 'e1',
  kind: 'email',
  name: 'Welcome',
  subject: 'Hello {{prospect.first_name}}',
  preheader: 'A word',
  mjml: MJML,
  ...(variants ? { variants } : {}),
});
const at = new Date('2026-11-26T09:00:00Z');
const german = emailVariantOf(
  email(),
  new Map([
    ['subject', 'Hallo {{prospect.first_name}}'],
    ['m1', 'Hallo [1]{{prospect.first_name}}[/1]'],
  ]),
  'xliff',
  at,
);
const french = { ...german, subject: 'Bonjour', mjml: MJML.replace('Hello', 'Bonjour') };

describe(emailVariantOf.name, () => {
  it('puts the translated units in place of the copy, keeps untranslated ones, and records what it translated', () => {
    expect(german).toEqual({
      subject: 'Hallo {{prospect.first_name}}',
      preheader: 'A word',
      mjml: '<mjml><mj-body><mj-text>Hallo <b>{{prospect.first_name}}</b></mj-text></mj-body></mjml>',
      sourceDigest: emailCopyDigest(email()),
      origin: 'xliff',
      savedAt: '2026-11-26T09:00:00.000Z',
    });
  });
});

describe(variantState.name, () => {
  it('is current while the default is what the variant translated, stale after it changed, missing without one', () => {
    expect(variantState(email({ de: german }), 'de')).toBe('current');
    expect(variantState({ ...email({ de: german }), preheader: 'Another word' }, 'de')).toBe('stale');
    expect(variantState(email({ de: german }), 'fr')).toBe('missing');
  });
});

describe(emailInLanguage.name, () => {
  const en = { language: 'en' };
  const asset = email({ de: german, 'fr-CA': french });
  it('gives the closest variant to the reader, else the campaign language, and never the variants themselves', () => {
    const de = emailInLanguage(asset, en, 'de-AT');
    expect(de.language).toBe('de');
    expect(de.email).toEqual({ ...email(), subject: german.subject, mjml: german.mjml });
    expect(emailInLanguage(asset, en, 'fr').language).toBe('fr-CA');
    expect(emailInLanguage(asset, en, 'es')).toEqual({ email: email(), language: 'en' });
    expect(emailInLanguage(asset, en, null)).toEqual({ email: email(), language: 'en' });
    expect(emailInLanguage(email(), en, 'de')).toEqual({ email: email(), language: 'en' });
  });
});

describe('a version published with incomplete languages', () => {
  const stale = { ...german, sourceDigest: 'older' };
  const machine = { ...french, origin: 'machine' as const };
  const content = (languageChoices?: Record<string, 'fallback' | 'hold'>) =>
    ({
      language: 'en',
      assets: [email({ de: german, 'fr-CA': machine }), { ...email({ de: stale }), id: 'e2' }],
      ...(languageChoices ? { languageChoices } : {}),
    }) as unknown as CampaignContent;

  it('names each language not ready in every email: missing, stale, or a model draft not reviewed', () => {
    expect(incompleteLanguages(content()).map((l) => [l.language, l.emails.map((e) => e.id)])).toEqual([
      ['de', ['e2']],
      ['fr-CA', ['e1', 'e2']],
    ]);
    const reviewed = { ...machine, review: { by: 'u1', at: '2026-11-26T10:00:00.000Z' } };
    expect(incompleteLanguages({ ...content(), assets: [email({ 'fr-CA': reviewed })] })).toEqual([]);
  });

  it('sends a fallback language where it is ready and the default elsewhere, and a held language nowhere', () => {
    const [ready, staleOne] = content().assets as EmailAsset[];
    const choices = content({ de: 'fallback', 'fr-CA': 'hold' });
    expect(emailInLanguage(ready, choices, 'de').language).toBe('de');
    expect(emailInLanguage(staleOne, choices, 'de').language).toBe('en');
    expect(emailInLanguage(ready, choices, 'fr-CA').language).toBe('en');
    expect(campaignLanguages(choices)).toEqual(['en', 'de']);
  });
});

describe(campaignLanguages.name, () => {
  it("lists the campaign's own language first, then every email's variants once, alphabetically", () => {
    const content = {
      language: 'en',
      assets: [email({ 'fr-CA': french }), email({ de: german, 'fr-CA': french })],
    } as unknown as CampaignContent;
    expect(campaignLanguages(content)).toEqual(['en', 'de', 'fr-CA']);
  });
});
