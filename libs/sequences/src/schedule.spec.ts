import type { SendWindow } from '@tcma/campaign-model';
import { conditionHolds, exitReason } from './exit-rules';
import { decideDue, isInWindow, nextOpenSlot, sequenceTimeline, stepDue, waitUntil } from './schedule';
import { zonedParts, zonedTimeToInstant } from './zoned-time';

const iso = (d: Date) => d.toISOString();
const WEEKDAYS_9_TO_17: SendWindow = {
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startHour: 9,
  endHour: 17,
};
const HOUR = 3_600_000;

describe('zoned time', () => {
  it.each([
    ['Europe/Warsaw', { year: 2026, month: 11, day: 23, hour: 9, minute: 0 }, '2026-11-23T08:00:00.000Z'],
    ['Europe/Warsaw', { year: 2026, month: 7, day: 1, hour: 9, minute: 0 }, '2026-07-01T07:00:00.000Z'],
    ['America/New_York', { year: 2026, month: 1, day: 15, hour: 9, minute: 30 }, '2026-01-15T14:30:00.000Z'],
    ['Asia/Kolkata', { year: 2026, month: 6, day: 1, hour: 9, minute: 0 }, '2026-06-01T03:30:00.000Z'],
    ['Pacific/Chatham', { year: 2026, month: 6, day: 1, hour: 9, minute: 0 }, '2026-05-31T20:15:00.000Z'],
    ['UTC', { year: 2026, month: 2, day: 28, hour: 23, minute: 59 }, '2026-02-28T23:59:00.000Z'],
  ])('%s %o is %s', (zone, local, expected) => {
    expect(iso(zonedTimeToInstant(local, zone))).toBe(expected);
  });

  it('moves a time skipped by spring-forward past the gap', () => {
    expect(iso(zonedTimeToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Warsaw'))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(iso(zonedTimeToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('takes the first of a time repeated by fall-back', () => {
    expect(iso(zonedTimeToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Warsaw'))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(zonedTimeToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York'))).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });
});

describe('waits', () => {
  it('counts days on the local calendar across a DST change (same wall-clock time)', () => {
    // Friday 27 March 2026 09:00 in Warsaw (CET) + 3 days = Monday 30 March 09:00 (CEST): 71 hours later.
    const from = zonedTimeToInstant({ year: 2026, month: 3, day: 27, hour: 9, minute: 0 }, 'Europe/Warsaw');
    const at = waitUntil(from, { type: 'duration', days: 3 }, 'Europe/Warsaw');
    expect(iso(at)).toBe('2026-03-30T07:00:00.000Z');
    expect(at.getTime() - from.getTime()).toBe(71 * HOUR);
    // Sydney goes the other way in April.
    const syd = zonedTimeToInstant({ year: 2026, month: 4, day: 3, hour: 10, minute: 0 }, 'Australia/Sydney');
    expect(
      zonedParts(waitUntil(syd, { type: 'duration', days: 3 }, 'Australia/Sydney'), 'Australia/Sydney'),
    ).toMatchObject({ day: 6, hour: 10, minute: 0 });
  });

  it('counts hours and minutes as elapsed time', () => {
    const from = zonedTimeToInstant({ year: 2026, month: 3, day: 29, hour: 0, minute: 30 }, 'Europe/Warsaw');
    const at = waitUntil(from, { type: 'duration', hours: 4, minutes: 15 }, 'Europe/Warsaw');
    expect(at.getTime() - from.getTime()).toBe(4.25 * HOUR);
    expect(zonedParts(at, 'Europe/Warsaw')).toMatchObject({ hour: 5, minute: 45 });
  });

  it('finds the next weekday at a local time, strictly after the start', () => {
    const zone = 'America/New_York';
    const monday = zonedTimeToInstant({ year: 2026, month: 11, day: 23, hour: 10, minute: 0 }, zone);
    const wait = { type: 'next_weekday' as const, weekday: 'tuesday' as const, time: '10:00' };
    expect(iso(waitUntil(monday, wait, zone))).toBe(
      iso(zonedTimeToInstant({ year: 2026, month: 11, day: 24, hour: 10, minute: 0 }, zone)),
    );
    const tuesdayEarly = zonedTimeToInstant({ year: 2026, month: 11, day: 24, hour: 9, minute: 0 }, zone);
    expect(zonedParts(waitUntil(tuesdayEarly, wait, zone), zone)).toMatchObject({ day: 24, hour: 10 });
    const tuesdayLate = zonedTimeToInstant({ year: 2026, month: 11, day: 24, hour: 10, minute: 0 }, zone);
    expect(zonedParts(waitUntil(tuesdayLate, wait, zone), zone)).toMatchObject({ month: 12, day: 1, hour: 10 });
    // Across the March change, "Tuesday 10:00" stays 10:00 local.
    const beforeDst = zonedTimeToInstant({ year: 2026, month: 3, day: 6, hour: 12, minute: 0 }, zone);
    expect(zonedParts(waitUntil(beforeDst, wait, zone), zone)).toMatchObject({
      month: 3,
      day: 10,
      hour: 10,
      minute: 0,
    });
  });
});

describe('send windows', () => {
  const zone = 'Europe/Warsaw';
  it('moves a time outside the window to its next opening', () => {
    const fridayEvening = zonedTimeToInstant({ year: 2026, month: 11, day: 27, hour: 18, minute: 30 }, zone);
    expect(zonedParts(nextOpenSlot(fridayEvening, WEEKDAYS_9_TO_17, zone), zone)).toMatchObject({
      day: 30,
      hour: 9,
      minute: 0,
      weekday: 0,
    });
    const saturday = zonedTimeToInstant({ year: 2026, month: 11, day: 28, hour: 11, minute: 0 }, zone);
    expect(zonedParts(nextOpenSlot(saturday, WEEKDAYS_9_TO_17, zone), zone)).toMatchObject({ day: 30, hour: 9 });
    const mondayEarly = zonedTimeToInstant({ year: 2026, month: 11, day: 30, hour: 7, minute: 0 }, zone);
    expect(zonedParts(nextOpenSlot(mondayEarly, WEEKDAYS_9_TO_17, zone), zone)).toMatchObject({ day: 30, hour: 9 });
    const inside = zonedTimeToInstant({ year: 2026, month: 11, day: 30, hour: 16, minute: 59 }, zone);
    expect(nextOpenSlot(inside, WEEKDAYS_9_TO_17, zone)).toEqual(inside);
    expect(
      isInWindow(
        zonedTimeToInstant({ year: 2026, month: 11, day: 30, hour: 17, minute: 0 }, zone),
        WEEKDAYS_9_TO_17,
        zone,
      ),
    ).toBe(false);
  });

  it('judges the window in the recipient zone, not the server one', () => {
    // 14:00 UTC on a Monday is 09:00 in New York (open) and 23:00 in Tokyo (closed).
    const at = new Date('2026-11-30T14:00:00Z');
    expect(isInWindow(at, WEEKDAYS_9_TO_17, 'America/New_York')).toBe(true);
    expect(isInWindow(at, WEEKDAYS_9_TO_17, 'Asia/Tokyo')).toBe(false);
    expect(zonedParts(nextOpenSlot(at, WEEKDAYS_9_TO_17, 'Asia/Tokyo'), 'Asia/Tokyo')).toMatchObject({
      day: 1,
      month: 12,
      hour: 9,
    });
  });

  it('computes a step due: wait, then window', () => {
    const launch = zonedTimeToInstant({ year: 2026, month: 11, day: 26, hour: 20, minute: 0 }, zone);
    const due = stepDue(launch, { wait: { type: 'duration', days: 1 }, window: WEEKDAYS_9_TO_17 }, zone);
    expect(zonedParts(due, zone)).toMatchObject({ day: 30, hour: 9, minute: 0 });
  });
});

describe(decideDue.name, () => {
  const zone = 'Europe/Warsaw';
  const due = zonedTimeToInstant({ year: 2026, month: 11, day: 30, hour: 10, minute: 0 }, zone);
  it('waits before its time and sends on time', () => {
    expect(decideDue(due, new Date(due.getTime() - 1000), {}, zone, HOUR)).toEqual({ action: 'wait', until: due });
    expect(decideDue(due, new Date(due.getTime() + 5 * 60_000), { window: WEEKDAYS_9_TO_17 }, zone, HOUR)).toEqual({
      action: 'send',
    });
  });

  it('moves a late step to the next window opening instead of firing in a burst', () => {
    const twoDaysLate = new Date(due.getTime() + 2 * 24 * HOUR + 8 * HOUR);
    const decision = decideDue(due, twoDaysLate, { window: WEEKDAYS_9_TO_17 }, zone, HOUR);
    expect(decision).toMatchObject({ action: 'reschedule', reason: 'late' });
    expect(zonedParts((decision as { to: Date }).to, zone)).toMatchObject({ day: 3, month: 12, hour: 9, minute: 0 });
  });

  it('without a window, moves a late step to its wall-clock time on the next day it comes round', () => {
    const late = zonedTimeToInstant({ year: 2026, month: 12, day: 2, hour: 15, minute: 0 }, zone);
    const decision = decideDue(due, late, {}, zone, HOUR);
    expect(zonedParts((decision as { to: Date }).to, zone)).toMatchObject({ day: 3, hour: 10, minute: 0 });
  });

  it('moves a step found after its window closed', () => {
    const evening = zonedTimeToInstant({ year: 2026, month: 11, day: 30, hour: 16, minute: 50 }, zone);
    const closed = zonedTimeToInstant({ year: 2026, month: 11, day: 30, hour: 17, minute: 10 }, zone);
    expect(decideDue(evening, closed, { window: WEEKDAYS_9_TO_17 }, zone, HOUR)).toMatchObject({
      action: 'reschedule',
      reason: 'outside_window',
    });
  });
});

describe('exit rules and conditions', () => {
  const facts = { unsubscribed: false, suppressed: false, converted: false, clickedLinks: new Set<string>() };
  it('exits on unsubscribe always, on conversion and the chosen click when configured', () => {
    const rules = { unsubscribed: true as const, clickedLink: 'trial', converted: true };
    expect(exitReason(facts, rules)).toBeNull();
    expect(exitReason({ ...facts, unsubscribed: true }, { ...rules, converted: false, clickedLink: null })).toBe(
      'unsubscribed',
    );
    expect(exitReason({ ...facts, converted: true }, rules)).toBe('converted');
    expect(exitReason({ ...facts, converted: true }, { ...rules, converted: false })).toBeNull();
    expect(exitReason({ ...facts, clickedLinks: new Set(['pricing']) }, rules)).toBeNull();
    expect(exitReason({ ...facts, clickedLinks: new Set(['trial']) }, rules)).toBe('clicked');
  });

  it('sends conditional steps only when the previous email was (not) engaged with', () => {
    expect(conditionHolds('previous_not_opened', { opened: true, clicked: false })).toBe(false);
    expect(conditionHolds('previous_not_opened', { opened: false, clicked: false })).toBe(true);
    expect(conditionHolds('previous_clicked', { opened: true, clicked: true })).toBe(true);
    expect(conditionHolds('previous_not_clicked', { opened: true, clicked: true })).toBe(false);
    expect(conditionHolds(undefined, { opened: false, clicked: false })).toBe(true);
  });
});

describe(sequenceTimeline.name, () => {
  const weekdays: SendWindow = {
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startHour: 8,
    endHour: 17,
  };

  it('chains each step from the previous one, each moved into its window in the zone', () => {
    // Saturday 22 Nov 2026, 10:00 UTC: 05:00 in New York, 11:00 in Warsaw.
    const start = new Date('2026-11-22T10:00:00Z');
    const steps = [
      { wait: { type: 'duration' as const, days: 0 }, window: weekdays },
      { wait: { type: 'duration' as const, days: 3 }, window: weekdays },
    ];
    expect(sequenceTimeline(start, steps, 'America/New_York').map((d) => d.toISOString())).toEqual([
      '2026-11-23T13:00:00.000Z',
      '2026-11-26T13:00:00.000Z',
    ]);
    expect(sequenceTimeline(start, steps, 'Europe/Warsaw').map((d) => d.toISOString())).toEqual([
      '2026-11-23T07:00:00.000Z',
      '2026-11-26T07:00:00.000Z',
    ]);
  });

  it('answers nothing for no steps', () => {
    expect(sequenceTimeline(new Date(), [], 'UTC')).toEqual([]);
  });
});
