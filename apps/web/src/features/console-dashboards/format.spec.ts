import { describe, expect, it } from 'vitest';
import { formatting } from '../../shared/lib/format';
import { cell, count, label, utcDayBefore } from './format';

describe('a report cell', () => {
  const row = { sent: 12345, rate: 0.256, day: '2026-03-03', name: 'Acme', empty: '', nested: { a: 1 } };
  const english = formatting();
  const german = formatting({ locale: 'de', timeZone: undefined });

  it('groups counts, writes rates as percentages and days as dates', () => {
    expect(cell(row, 'sent', 'count', english)).toBe('12,345');
    expect(cell(row, 'rate', 'rate', english)).toBe('25.6%');
    expect(cell(row, 'day', 'date', english)).toBe('3 Mar 2026');
    expect(cell(row, 'name', 'text', english)).toBe('Acme');
  });

  it("is written in the reader's language", () => {
    expect(cell(row, 'sent', 'count', german)).toBe('12.345');
    expect(cell(row, 'rate', 'rate', german)).toBe('25,6\u00a0%');
    expect(cell(row, 'day', 'date', german)).toBe('3. März 2026');
  });

  it('says "—" for nothing, and nothing for what is not text', () => {
    expect(cell(row, 'missing', 'count', english)).toBe('—');
    expect(cell(row, 'empty', 'text', english)).toBe('—');
    expect(label(row.nested)).toBe('');
  });

  it('counts 0 for a chart where the column is absent', () => {
    expect(count(row, 'sent')).toBe(12345);
    expect(count(row, 'missing')).toBe(0);
  });
});

describe('utcDayBefore', () => {
  it('is the UTC day so many days back', () => {
    expect(utcDayBefore(0, new Date('2026-03-03T23:30:00Z'))).toBe('2026-03-03');
    expect(utcDayBefore(3, new Date('2026-03-03T00:30:00Z'))).toBe('2026-02-28');
  });
});
