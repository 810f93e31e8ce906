import type { CampaignContent, EmailAsset, PdfAsset } from '@tcma/campaign-model';
import { launchPreview } from './launch-preview';

const variant = { sourceDigest: 'x', origin: 'xliff' as const, savedAt: '2026-11-29T09:00:00.000Z' };
const email: EmailAsset = {
  id: 'e1',
  kind: 'email',
  name: 'Welcome',
  subject: 'Welcome',
  preheader: '',
  mjml: '<mjml></mjml>',
  variants: { fr: { ...variant, subject: 'Bienvenue', preheader: '', mjml: '<mjml></mjml>' } },
};
const pdf: PdfAsset = {
  id: 'p1',
  kind: 'pdf',
  name: 'One-pager',
  file: { key: 'en.pdf', contentType: 'application/pdf', size: 1, pages: [{ width: 595, height: 842 }] },
  slots: [],
  variants: {
    de: {
      ...variant,
      file: { key: 'de.pdf', contentType: 'application/pdf', size: 1, pages: [{ width: 595, height: 842 }] },
    },
  },
};

describe(launchPreview.name, () => {
  it('counts prospects by the language their emails go in: a language only the PDF has is not one of them', () => {
    const preview = launchPreview({
      campaignId: 'c1',
      version: 1,
      content: { language: 'en', assets: [email, pdf], sequence: { steps: [] } } as unknown as CampaignContent,
      startAt: new Date('2026-12-01T09:00:00Z'),
      partnerLanguage: 'de',
      counts: [
        { zone: 'Europe/Berlin', rank: null, language: 'de-AT', n: 3 },
        { zone: 'Europe/Berlin', rank: null, language: null, n: 2 },
        { zone: 'Europe/Paris', rank: null, language: 'fr-CA', n: 4 },
      ],
      problems: [],
    });
    // German readers (and those who said nothing, read as the German partner) get the English emails.
    expect(preview.languages).toEqual([
      { language: 'en', prospects: 5 },
      { language: 'fr', prospects: 4 },
    ]);
  });
});
