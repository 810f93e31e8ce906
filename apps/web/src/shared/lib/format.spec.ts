import { describe, expect, it } from 'vitest';
import { APP, format, fileSize, formatting, fromLocalInput, plural, toLocalInput } from './format';

const instant = '2026-03-03T14:05:09Z';

describe('formatting', () => {
  const london = formatting({ ...APP, timeZone: 'Europe/London' });

  it('writes dates in British English by default, in the zone it is given', () => {
    expect(london.dateTime(instant)).toBe('3 Mar 2026, 14:05');
    expect(london.dateTimeSeconds(instant)).toBe('3 Mar 2026, 14:05:09');
    expect(london.date(instant)).toBe('3 Mar 2026');
    expect(london.time(instant)).toBe('14:05:09');
    expect(london.dayAndSecond(instant)).toBe('3 Mar, 14:05:09');
  });

  it('moves with the time zone', () => {
    const newYork = formatting({ ...APP, timeZone: 'America/New_York' });
    expect(newYork.dateTime(instant)).toBe('3 Mar 2026, 09:05');
    expect(newYork.clock(instant)).toBe('Tue 3 Mar, 09:05');
  });

  it('writes a report day as the UTC day the API names, whatever the zone', () => {
    const tokyo = formatting({ ...APP, timeZone: 'Asia/Tokyo' });
    expect(tokyo.utcDay('2026-03-03T00:00:00Z')).toBe('3 Mar 2026');
    expect(tokyo.utcDayMonth('2026-03-03T00:00:00Z')).toBe('3 Mar');
  });

  it('follows the locale it is given', () => {
    const american = formatting({ locale: 'en-US', timeZone: 'UTC' });
    // (ICU puts a narrow no-break space before PM.)
    expect(american.dateTime(instant)).toMatch(/^Mar 3, 2026, 2:05\sPM$/);
    expect(american.count(12345.5)).toBe('12,345.5');
    expect(formatting({ locale: 'de-DE', timeZone: 'UTC' }).count(12345)).toBe('12.345');
  });

  it('groups counts and writes rates as percentages', () => {
    expect(format.count(1234567)).toBe('1,234,567');
    expect(format.percent(0.1234)).toBe('12.3%');
    expect(format.percent(1)).toBe('100%');
  });

  it('accepts an instant as a string, a number or a Date', () => {
    const at = Date.parse(instant);
    expect(london.dateTime(at)).toBe(london.dateTime(new Date(at)));
    expect(london.dateTime(at)).toBe(london.dateTime(instant));
  });
});

describe('plural', () => {
  it('names one and many', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(2000, 'row')).toBe('2,000 rows');
    expect(plural(0, 'row was', 'rows were')).toBe('0 rows were');
  });
});

describe('fileSize', () => {
  it('says bytes, kilobytes or megabytes', () => {
    expect(fileSize(512)).toBe('512 bytes');
    expect(fileSize(1536)).toBe('1.5 kB');
    expect(fileSize(2 * 1024 * 1024)).toBe('2.0 MB');
  });
});

describe('datetime-local values', () => {
  it('go from an instant to the field and back, to the minute', () => {
    const field = toLocalInput('2026-07-01T08:30:00Z');
    expect(field).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(field)).toBe('2026-07-01T08:30:00.000Z');
  });

  it('are empty for no instant, and no instant for an empty field', () => {
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('')).toBeNull();
  });
});

describe('relative times and file sizes in the reader’s language', () => {
  const now = '2026-03-03T14:05:09Z';

  it('writes how far an instant is from now in its largest unit', () => {
    const en = formatting({ locale: 'en-GB', timeZone: 'UTC' });
    expect(en.relative('2026-03-03T14:04:09Z', now)).toBe('1 minute ago');
    expect(en.relative('2026-03-06T14:05:09Z', now)).toBe('in 3 days');
    const de = formatting({ locale: 'de-DE', timeZone: 'UTC' });
    expect(de.relative('2026-03-02T14:05:09Z', now)).toBe('gestern');
    expect(de.relative('2026-03-03T17:05:09Z', now)).toBe('in 3 Stunden');
  });

  it('writes a file size with the locale’s digits and units', () => {
    expect(formatting({ locale: 'en-GB', timeZone: 'UTC' }).fileSize(1536)).toBe('1.5 kB');
    expect(formatting({ locale: 'de-DE', timeZone: 'UTC' }).fileSize(1536)).toBe('1,5 kB');
    expect(formatting({ locale: 'fr-FR', timeZone: 'UTC' }).fileSize(2 * 1024 * 1024)).toBe('2\u202fMo'); // French puts a narrow no-break space before the unit.
  });

  it('names a language from its tag in the reader’s language, and keeps a tag it does not know', () => {
    expect(formatting({ locale: 'en-GB', timeZone: 'UTC' }).language('de')).toBe('German');
    expect(formatting({ locale: 'de-DE', timeZone: 'UTC' }).language('ar')).toBe('Arabisch');
    expect(formatting({ locale: 'en-GB', timeZone: 'UTC' }).language('qqq')).toBe('qqq');
    expect(formatting({ locale: 'en-GB', timeZone: 'UTC' }).language('not a tag')).toBe('not a tag');
  });
});
