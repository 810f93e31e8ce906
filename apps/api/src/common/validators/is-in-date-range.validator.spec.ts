import { isInDateRange } from './is-in-date-range.validator';

describe(isInDateRange.name, () => {
  it.each([
    [new Date('2000-01-01T00:00:00Z'), true],
    [new Date('2100-12-31T23:59:59.999Z'), true],
    [new Date('1999-12-31T23:59:59.999Z'), false],
    [new Date('2101-01-01T00:00:00Z'), false],
    [new Date('0000-01-01T00:00:00Z'), false],
    [new Date('9999-12-31T00:00:00Z'), false],
    ['2026-11-23', true],
    ['2026-12-01T09:30', true],
    ['2100-12-31', true],
    ['0000-01-01', false],
    ['1999-12-31T23:59', false],
    ['9999-12-31', false],
  ])('%p is in range: %p', (value, expected) => {
    expect(isInDateRange(value)).toBe(expected);
  });

  it('leaves what is not a date to the format checks', () => {
    expect(isInDateRange(new Date(Number.NaN))).toBe(true);
    expect(isInDateRange('2026-W47')).toBe(true);
    expect(isInDateRange(12345)).toBe(true);
    expect(isInDateRange(null)).toBe(true);
  });
});
