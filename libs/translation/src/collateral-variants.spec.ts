import type { CampaignContent, PageAsset, PdfAsset, SocialAsset } from '@tcma/campaign-model';
import { collateralDigest, collateralInLanguage, collateralVariantState } from './collateral-variants';
import { campaignLanguages, incompleteLanguages } from './email-variants';

const file = (key: string) => ({ key, contentType: 'application/pdf', size: 1, pages: [{ width: 595, height: 842 }] });
const rect = { slot: 'logo', x: 10, y: 10, width: 100, height: 40, align: 'left' as const, page: 1 };
const pdf: PdfAsset = { id: 'p1', kind: 'pdf', name: 'One-pager', file: file('en.pdf'), slots: [rect] };
const at = '2026-11-29T06:00:00.000Z';
const withVariants = (variants: PdfAsset['variants']): PdfAsset => ({ ...pdf, variants });
const arabic = { file: file('ar.pdf'), sourceDigest: collateralDigest(pdf), origin: 'manual' as const, savedAt: at };
const content = (assets: CampaignContent['assets'], languageChoices?: CampaignContent['languageChoices']) =>
  ({ language: 'en', assets, ...(languageChoices ? { languageChoices } : {}) }) as CampaignContent;

const social: SocialAsset = {
  id: 's1',
  kind: 'social',
  name: 'Post',
  image: { key: 'en.png', contentType: 'image/png', size: 1, width: 1200, height: 627 },
  slots: [],
  copy: { linkedin: 'Hello', x: 'Hi' },
};

describe(collateralInLanguage.name, () => {
  it("gives the closest variant's file at the default's rectangles, and the default where none is close", () => {
    const asset = withVariants({ ar: arabic });
    expect(collateralInLanguage(asset, content([asset]), 'ar-EG')).toEqual({
      asset: { ...pdf, file: file('ar.pdf') },
      language: 'ar',
    });
    expect(collateralInLanguage(asset, content([asset]), 'fr')).toEqual({ asset: pdf, language: 'en' });
    expect(collateralInLanguage(asset, content([asset]), null)).toEqual({ asset: pdf, language: 'en' });
  });

  it("merges a social variant's copy over the default's: a network it leaves out posts the default's", () => {
    const asset: SocialAsset = {
      ...social,
      variants: {
        de: { copy: { linkedin: 'Hallo' }, sourceDigest: collateralDigest(social), origin: 'manual', savedAt: at },
      },
    };
    expect(collateralInLanguage(asset, content([asset]), 'de-AT').asset.copy).toEqual({ linkedin: 'Hallo', x: 'Hi' });
    expect(collateralInLanguage(asset, content([asset]), 'de-AT').asset.image).toBe(social.image);
  });

  it('never gives a held language, and a language published with fallback only while its variant is current', () => {
    const stale = withVariants({ ar: { ...arabic, sourceDigest: 'older' } });
    expect(collateralInLanguage(stale, content([stale], { ar: 'fallback' }), 'ar').language).toBe('en');
    expect(collateralInLanguage(stale, content([stale]), 'ar').language).toBe('ar');
    const current = withVariants({ ar: arabic });
    expect(collateralInLanguage(current, content([current], { ar: 'fallback' }), 'ar').language).toBe('ar');
    expect(collateralInLanguage(current, content([current], { ar: 'hold' }), 'ar').language).toBe('en');
  });
});

describe(collateralVariantState.name, () => {
  it("is stale once the default's file changes, not when a rectangle moves", () => {
    const asset = withVariants({ ar: arabic });
    expect(collateralVariantState(asset, 'ar')).toBe('current');
    expect(collateralVariantState({ ...asset, slots: [{ ...rect, x: 20 }] }, 'ar')).toBe('current');
    expect(collateralVariantState({ ...asset, file: file('en-2.pdf') }, 'ar')).toBe('stale');
    expect(collateralVariantState(asset, 'de')).toBe('missing');
  });
});

describe(incompleteLanguages.name, () => {
  it("counts a PDF's language among the campaign's, holds it back only when stale, never when missing", () => {
    const current = withVariants({ ar: arabic });
    expect(campaignLanguages(content([current, social]))).toEqual(['en', 'ar']);
    expect(incompleteLanguages(content([current, social]))).toEqual([]);
    const stale = { ...current, file: file('en-2.pdf') };
    expect(incompleteLanguages(content([stale, social]))).toEqual([{ language: 'ar', emails: [], assets: [stale] }]);
  });
});

describe('a page in another language', () => {
  const page: PageAsset = {
    id: 'g1',
    kind: 'page',
    name: 'Page',
    title: 'Book a demo',
    html: '<h1>Hello</h1>',
    noindex: false,
    form: {
      fields: [
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'company', label: 'Company', type: 'text', required: false },
      ],
      consent: { text: 'I agree', required: true },
      submitLabel: 'Send',
      successMessage: 'Thanks',
      onSubmit: 'none',
    },
  };
  const german = {
    title: 'Demo buchen',
    html: '<h1>Hallo</h1>',
    form: { labels: { email: 'E-Mail' }, consentText: 'Einverstanden', submitLabel: 'Senden', successMessage: 'Danke' },
    sourceDigest: collateralDigest(page),
    origin: 'manual' as const,
    savedAt: at,
  };

  it("puts its words on the default's form: a field it does not label keeps the default's label", () => {
    const asset = { ...page, variants: { de: german } };
    const shown = collateralInLanguage(asset, content([asset]), 'de-CH').asset;
    expect(shown).toEqual({
      ...page,
      title: 'Demo buchen',
      html: '<h1>Hallo</h1>',
      form: {
        ...page.form!,
        fields: [
          { ...page.form!.fields[0], label: 'E-Mail' },
          { ...page.form!.fields[1], label: 'Company' },
        ],
        consent: { text: 'Einverstanden', required: true },
        submitLabel: 'Senden',
        successMessage: 'Danke',
      },
    });
  });

  it('is stale once the default’s words change, not when a field becomes required', () => {
    const asset = { ...page, variants: { de: german } };
    expect(collateralVariantState(asset, 'de')).toBe('current');
    const required = { ...page.form!, fields: page.form!.fields.map((f) => ({ ...f, required: true })) };
    expect(collateralVariantState({ ...asset, form: required }, 'de')).toBe('current');
    expect(collateralVariantState({ ...asset, title: 'Book a call' }, 'de')).toBe('stale');
  });
});
