import { dailySeries, DailyPoint, utcDay } from './launch-daily';

const point = (day: string, sent: number, opened = 0, clicked = 0): DailyPoint => ({
  day,
  sent,
  accepted: sent,
  opened,
  clicked,
  unsubscribed: 0,
});
const zero = (day: string): DailyPoint => point(day, 0);

describe(dailySeries.name, () => {
  it('fills the days without counts with zeros, from the first day to the last', () => {
    const sut = dailySeries([point('2026-11-25', 4, 2, 1), point('2026-11-23', 10, 3)], '2026-11-23', '2026-11-26');
    expect(sut).toEqual([
      point('2026-11-23', 10, 3),
      zero('2026-11-24'),
      point('2026-11-25', 4, 2, 1),
      zero('2026-11-26'),
    ]);
  });

  it('widens the range to days with counts outside it', () => {
    expect(
      dailySeries([point('2026-11-20', 1), point('2026-11-28', 2)], '2026-11-23', '2026-11-24').map((p) => p.day),
    ).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
  });

  it('crosses month and year ends', () => {
    expect(dailySeries([], '2026-12-30', '2027-01-02').map((p) => p.day)).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });

  it('keeps the latest days only, up to the limit', () => {
    const sut = dailySeries([point('2026-01-01', 7), point('2026-03-01', 5)], '2026-01-01', '2026-03-01', 10);
    expect(sut).toHaveLength(10);
    expect(sut[0].day).toBe('2026-02-20');
    expect(sut[9]).toEqual(point('2026-03-01', 5));
  });

  it('answers no day for a launch that starts after the range ends', () => {
    expect(dailySeries([], '2026-12-01', '2026-11-23')).toEqual([]);
  });
});

describe(utcDay.name, () => {
  it('is the day in UTC, whatever the zone of the instant', () => {
    expect(utcDay(new Date('2026-11-23T23:30:00-05:00'))).toBe('2026-11-24');
  });
});
