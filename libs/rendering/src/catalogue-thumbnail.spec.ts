import { Asset, emptyContent } from '@tcma/campaign-model';
import { EMAIL_CARD_SIZE, SOCIAL_IMAGE_SIZES } from '@tcma/cobrand';
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

  it('pictures a campaign with a social image (and no PDF) with that image at a card’s size, not a network’s', () => {
    // Only its kind matters here.
    const social = { ...email('s'), kind: 'social' } as unknown as Asset;
    expect(thumbnailSource(withAssets([email('a'), social]))).toEqual({ assetId: 's', format: 'jpeg', size: 'card' });
    expect(SOCIAL_IMAGE_SIZES.card.width / SOCIAL_IMAGE_SIZES.card.height).toBeCloseTo(
      SOCIAL_IMAGE_SIZES.linkedin.width / SOCIAL_IMAGE_SIZES.linkedin.height,
      2,
    );
    expect(SOCIAL_IMAGE_SIZES.card.width).toBeLessThan(SOCIAL_IMAGE_SIZES.linkedin.width);
  });

  it('makes an email card the size of a PDF thumbnail (an A4 page at THUMBNAIL_PDF_DPI)', () => {
    const a4 = { width: 595.28, height: 841.89 };
    expect(EMAIL_CARD_SIZE).toEqual({
      width: Math.round((a4.width * THUMBNAIL_PDF_DPI) / 72),
      height: Math.round((a4.height * THUMBNAIL_PDF_DPI) / 72),
    });
  });
});
