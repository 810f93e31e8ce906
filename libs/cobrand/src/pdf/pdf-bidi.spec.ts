import { hasRightToLeft, visualOrder } from './pdf-bidi';
import { shapeArabic } from './pdf-font';

describe('right-to-left text as a PDF draws it', () => {
  it('finds right-to-left letters, and only those', () => {
    expect(hasRightToLeft('Northwind IT, Łódź, Αθήνα')).toBe(false);
    expect(hasRightToLeft('Northwind شركة')).toBe(true);
    expect(hasRightToLeft('שלום')).toBe(true);
  });

  it('leaves left-to-right text as it is', () => {
    expect(visualOrder('Northwind (IT) 2026', undefined)).toBe('Northwind (IT) 2026');
  });

  it('reverses a right-to-left run, keeps numbers and Latin words left to right, and mirrors brackets', () => {
    expect(visualOrder('אבג', undefined)).toBe('גבא');
    expect(visualOrder('אב 123', 'rtl')).toBe('123 בא');
    expect(visualOrder('אב (גד)', 'rtl')).toBe('(דג) בא');
    // In a left-to-right paragraph the Hebrew run alone turns round.
    expect(visualOrder('ACME אב', 'ltr')).toBe('ACME בא');
    expect(visualOrder('ACME אב', 'rtl')).toBe('בא ACME');
  });

  it('keeps a character outside the BMP whole inside a reversed run', () => {
    expect(visualOrder('א😀ב', 'rtl')).toBe('ב😀א');
  });

  it('joins Arabic letters into the forms their neighbours give them, lam-alef as one', () => {
    // ش initial, ر final, ك initial, ة final: شركة as drawn.
    expect(shapeArabic('شركة')).toBe('\ufeb7\ufeae\ufedb\ufe94');
    expect(shapeArabic('لا')).toBe('\ufefb');
    expect(shapeArabic('شركة').normalize('NFKC')).toBe('شركة');
    expect(shapeArabic('Northwind 2026')).toBe('Northwind 2026');
  });
});
