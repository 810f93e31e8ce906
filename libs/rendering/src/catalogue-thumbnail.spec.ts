import { Asset, emptyContent } from '@tcma/campaign-model';
import { EMAIL_CARD_SIZE } from '@tcma/cobrand';
import { THUMBNAIL_PDF_DPI, thumbnailSource } from './catalogue.service';

const email = (id: string): Asset => ({ id, kind: 'email', name: id, subject: 's', preheader: '', mjml: '' });
const withAssets = (assets: Asset[], firstStep?: string) => ({
  ...emptyContent('c'),
  assets,
  sequence: firstStep
    ? {
        steps: [{ id: 'one', emailAssetId: firstStep, wait: { type: 'duration' as const, minutes: 0 } }],
        exit: { unsubscribed: true as const, converted: false },
      }
    : null,
});

describe(thumbnailSource.name, () => {
  it("pictures an email-only campaign with its sequence's first email, else its first email asset", () => {
    expect(thumbnailSource(withAssets([email('a'), email('b')], 'b'))).toEqual({ assetId: 'b', format: 'png' });
    expect(thumbnailSource(withAssets([email('a'), email('b')]))).toEqual({ assetId: 'a', format: 'png' });
    expect(thumbnailSource(withAssets([]))).toBeNull();
  });

  it('makes an email card the size of a PDF thumbnail (an A4 page at THUMBNAIL_PDF_DPI)', () => {
    const a4 = { width: 595.28, height: 841.89 };
    expect(EMAIL_CARD_SIZE).toEqual({
      width: Math.round((a4.width * THUMBNAIL_PDF_DPI) / 72),
      height: Math.round((a4.height * THUMBNAIL_PDF_DPI) / 72),
    });
  });
});
