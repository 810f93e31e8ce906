import type { CampaignContent, PdfAsset, SocialAsset } from '@tcma/campaign-model';
import { drawnAssetDigest, drawnInLanguage, drawnVariantState } from './drawn-variants';
import { campaignLanguages, incompleteLanguages } from './email-variants';

const file = (key: string) => ({ key, contentType: 'application/pdf', size: 1, pages: [{ width: 595, height: 842 }] });
const rect = { slot: 'logo', x: 10, y: 10, width: 100, height: 40, align: 'left' as const, page: 1 };
const pdf: PdfAsset = { id: 'p1', kind: 'pdf', name: 'One-pager', file: file('en.pdf'), slots: [rect] };
const at = '2026-11-29T06:00:00.000Z';
const withVariants = (variants: PdfAsset['variants']): PdfAsset => ({ ...pdf, variants });
const arabic = { file: file('ar.pdf'), sourceDigest: drawnAssetDigest(pdf), origin: 'manual' as const, savedAt: at };
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

describe(drawnInLanguage.name, () => {
  it("gives the closest variant's file at the default's rectangles, and the default where none is close", () => {
    const asset = withVariants({ ar: arabic });
    expect(drawnInLanguage(asset, content([asset]), 'ar-EG')).toEqual({
      asset: { ...pdf, file: file('ar.pdf') },
      language: 'ar',
    });
    expect(drawnInLanguage(asset, content([asset]), 'fr')).toEqual({ asset: pdf, language: 'en' });
    expect(drawnInLanguage(asset, content([asset]), null)).toEqual({ asset: pdf, language: 'en' });
  });

  it("merges a social variant's copy over the default's: a network it leaves out posts the default's", () => {
    const asset: SocialAsset = {
      ...social,
      variants: {
        de: { copy: { linkedin: 'Hallo' }, sourceDigest: drawnAssetDigest(social), origin: 'manual', savedAt: at },
      },
    };
    expect(drawnInLanguage(asset, content([asset]), 'de-AT').asset.copy).toEqual({ linkedin: 'Hallo', x: 'Hi' });
    expect(drawnInLanguage(asset, content([asset]), 'de-AT').asset.image).toBe(social.image);
  });

  it('never gives a held language, and a language published with fallback only while its variant is current', () => {
    const stale = withVariants({ ar: { ...arabic, sourceDigest: 'older' } });
    expect(drawnInLanguage(stale, content([stale], { ar: 'fallback' }), 'ar').language).toBe('en');
    expect(drawnInLanguage(stale, content([stale]), 'ar').language).toBe('ar');
    const current = withVariants({ ar: arabic });
    expect(drawnInLanguage(current, content([current], { ar: 'fallback' }), 'ar').language).toBe('ar');
    expect(drawnInLanguage(current, content([current], { ar: 'hold' }), 'ar').language).toBe('en');
  });
});

describe(drawnVariantState.name, () => {
  it("is stale once the default's file changes, not when a rectangle moves", () => {
    const asset = withVariants({ ar: arabic });
    expect(drawnVariantState(asset, 'ar')).toBe('current');
    expect(drawnVariantState({ ...asset, slots: [{ ...rect, x: 20 }] }, 'ar')).toBe('current');
    expect(drawnVariantState({ ...asset, file: file('en-2.pdf') }, 'ar')).toBe('stale');
    expect(drawnVariantState(asset, 'de')).toBe('missing');
  });
});

describe(incompleteLanguages.name, () => {
  it("counts a PDF's language among the campaign's, holds it back only when stale, never when missing", () => {
    const current = withVariants({ ar: arabic });
    expect(campaignLanguages(content([current, social]))).toEqual(['en', 'ar']);
    expect(incompleteLanguages(content([current, social]))).toEqual([]);
    const stale = { ...current, file: file('en-2.pdf') };
    expect(incompleteLanguages(content([stale, social]))).toEqual([{ language: 'ar', emails: [], drawn: [stale] }]);
  });
});
