import { nextSocialPostingTime } from './social-posting-time';

describe(nextSocialPostingTime.name, () => {
  const sut = nextSocialPostingTime;
  const berlin = 'Europe/Berlin';
  const at = (iso: string) => new Date(iso);

  it('waits for the posting time of the same day when a launch starts at 03:00 local', () => {
    // Tuesday 24 November 2026, 03:00 in Berlin (CET, UTC+1).
    expect(sut(at('2026-11-24T02:00:00Z'), { time: '10:00', weekdaysOnly: true }, berlin)).toEqual(
      at('2026-11-24T09:00:00Z'),
    );
  });

  it('takes the next day once the time has passed, and the moment itself when it is exactly now', () => {
    expect(sut(at('2026-11-24T09:00:01Z'), { time: '10:00', weekdaysOnly: false }, berlin)).toEqual(
      at('2026-11-25T09:00:00Z'),
    );
    expect(sut(at('2026-11-24T09:00:00Z'), { time: '10:00', weekdaysOnly: false }, berlin)).toEqual(
      at('2026-11-24T09:00:00Z'),
    );
  });

  it('skips Saturday and Sunday when weekdays only, and posts on them otherwise', () => {
    // Saturday 28 November 2026, 03:00 in Berlin.
    expect(sut(at('2026-11-28T02:00:00Z'), { time: '10:00', weekdaysOnly: true }, berlin)).toEqual(
      at('2026-11-30T09:00:00Z'),
    );
    expect(sut(at('2026-11-28T02:00:00Z'), { time: '10:00', weekdaysOnly: false }, berlin)).toEqual(
      at('2026-11-28T09:00:00Z'),
    );
  });

  it('keeps the wall-clock time across a spring-forward change (Berlin, Sunday 29 March 2026)', () => {
    // Friday 27 March, 11:00 CET: Monday 30 March at 10:00 is CEST (UTC+2).
    expect(sut(at('2026-03-27T10:00:00Z'), { time: '10:00', weekdaysOnly: true }, berlin)).toEqual(
      at('2026-03-30T08:00:00Z'),
    );
    // On the change day itself, from 00:00 CET: 10:00 CEST.
    expect(sut(at('2026-03-28T23:00:00Z'), { time: '10:00', weekdaysOnly: false }, berlin)).toEqual(
      at('2026-03-29T08:00:00Z'),
    );
  });

  it('posts a time skipped by the spring-forward change at the end of the gap, as the clocks read', () => {
    // 02:30 does not exist on 29 March in Berlin: 01:30Z reads 03:30 CEST.
    expect(sut(at('2026-03-28T23:00:00Z'), { time: '02:30', weekdaysOnly: false }, berlin)).toEqual(
      at('2026-03-29T01:30:00Z'),
    );
  });

  it('posts a time that happens twice on the fall-back day at its first occurrence (Berlin, Sunday 25 October 2026)', () => {
    expect(sut(at('2026-10-24T22:00:00Z'), { time: '02:30', weekdaysOnly: false }, berlin)).toEqual(
      at('2026-10-25T00:30:00Z'),
    );
    // After the change, 10:00 is CET again (UTC+1).
    expect(sut(at('2026-10-24T22:00:00Z'), { time: '10:00', weekdaysOnly: false }, berlin)).toEqual(
      at('2026-10-25T09:00:00Z'),
    );
  });

  it('reads the partner’s own zone (New York, where the weekend starts later in UTC)', () => {
    // Friday 27 November 2026, 20:00 in New York is already Saturday in UTC: Monday 10:00 EST.
    expect(sut(at('2026-11-28T01:00:00Z'), { time: '10:00', weekdaysOnly: true }, 'America/New_York')).toEqual(
      at('2026-11-30T15:00:00Z'),
    );
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => sut(at('2026-11-24T02:00:00Z'), { time: '24:00', weekdaysOnly: false }, berlin)).toThrow(
      'Not a local time of day: 24:00',
    );
  });
});
