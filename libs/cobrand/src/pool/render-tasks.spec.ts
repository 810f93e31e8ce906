import { MAX_PAGE_PREVIEW_PIXELS, pagePreviewScale } from './render-tasks';

describe(pagePreviewScale.name, () => {
  it('gives the dpi asked for on ordinary pages', () => {
    expect(pagePreviewScale(595.28, 841.89, 144)).toBe(2);
    expect(pagePreviewScale(595.28, 841.89, 600)).toBeCloseTo(200 / 72, 10);
  });

  it('keeps any page, however large, within the pixel limit', () => {
    for (const [w, h] of [
      [3000, 3000],
      [14_400, 14_400],
      [144_000, 144_000],
      [5000, 10],
    ]) {
      const scale = pagePreviewScale(w, h, 200);
      expect(Math.ceil(w * scale) * Math.ceil(h * scale)).toBeLessThanOrEqual(MAX_PAGE_PREVIEW_PIXELS);
      expect(scale).toBeGreaterThan(0);
    }
  });
});
