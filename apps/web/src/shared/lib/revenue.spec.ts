import { describe, expect, it } from 'vitest';
import { formatting } from './format';
import { hasRevenue, perCurrency } from './revenue';

const item = (id: string, currency: string, amount: string) => ({ id, name: id, currency, amount, deals: 1 });

describe('perCurrency', () => {
  it('splits a ranking into one list per currency, in the totals’ order, each in the API’s order', () => {
    const sut = perCurrency(
      [item('a', 'USD', '900'), item('b', 'EUR', '800'), item('c', 'USD', '100'), item('d', 'EUR', '50')],
      ['EUR', 'USD'],
    );
    expect(sut.map((g) => [g.currency, g.items.map((i) => i.id)])).toEqual([
      ['EUR', ['b', 'd']],
      ['USD', ['a', 'c']],
    ]);
  });

  it('keeps a currency the totals do not name, after theirs, and leaves out a currency with nothing', () => {
    const sut = perCurrency([item('a', 'GBP', '1'), item('b', 'EUR', '2')], ['EUR', 'USD']);
    expect(sut.map((g) => g.currency)).toEqual(['EUR', 'GBP']);
  });

  it('keeps at most `limit` items a currency', () => {
    const sut = perCurrency([item('a', 'EUR', '3'), item('b', 'EUR', '2'), item('c', 'EUR', '1')], [], 2);
    expect(sut[0].items.map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('hasRevenue', () => {
  it('is true once a deal was won, whatever its currency', () => {
    expect(hasRevenue([])).toBe(false);
    expect(hasRevenue([{ currency: 'EUR', amount: '0', deals: 0 }])).toBe(false);
    expect(hasRevenue([{ currency: 'EUR', amount: '10.00', deals: 1 }])).toBe(true);
  });
});

describe('formatting().money', () => {
  it('writes the API’s decimal string in the currency and the reader’s locale, without rounding through a float', () => {
    expect(formatting({ locale: 'en-GB', timeZone: 'UTC' }).money('1250.50', 'EUR')).toBe('€1,250.50');
    expect(formatting({ locale: 'de-DE', timeZone: 'UTC' }).money('1250.50', 'EUR')).toBe('1.250,50\u00a0€');
    expect(formatting({ locale: 'en-US', timeZone: 'UTC' }).money('12345678901234567.89', 'USD')).toBe(
      '$12,345,678,901,234,567.89',
    );
    expect(formatting({ locale: 'fr-FR', timeZone: 'UTC' }).money('0', 'JPY')).toBe('0\u00a0JPY');
  });

  it('writes an unknown currency code after the number rather than failing', () => {
    expect(formatting({ locale: 'en-GB', timeZone: 'UTC' }).money('10.5', 'NOT-A-CODE')).toBe('10.5 NOT-A-CODE');
  });
});
