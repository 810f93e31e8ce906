import { describe, expect, it } from 'vitest';
import { reminderState, sameDay } from './reminder-state';

describe('reminderState', () => {
  const now = new Date('2026-11-25T15:00:00.000Z');

  it('offers Remind when the API says the partner may be reminded now, whenever it last was', () => {
    expect(reminderState({ lastRemindedAt: null, remindAgainAt: null }, now)).toEqual({ canRemind: true });
    expect(reminderState({ lastRemindedAt: '2026-11-10T09:00:00.000Z', remindAgainAt: null }, now)).toEqual({
      canRemind: true,
    });
  });

  it('says "today" for a reminder sent earlier the same day in the reader’s zone, and from when it may be again', () => {
    expect(
      reminderState(
        { lastRemindedAt: '2026-11-25T08:00:00.000Z', remindAgainAt: '2026-12-02T08:00:00.000Z' },
        now,
        'Europe/Warsaw',
      ),
    ).toEqual({
      canRemind: false,
      remindedAt: '2026-11-25T08:00:00.000Z',
      today: true,
      againAt: '2026-12-02T08:00:00.000Z',
    });
  });

  it('gives the day of an older reminder, never a Remind button while remindAgainAt is set', () => {
    const state = reminderState(
      { lastRemindedAt: '2026-11-21T08:00:00.000Z', remindAgainAt: '2026-11-28T08:00:00.000Z' },
      now,
      'UTC',
    );
    expect(state).toMatchObject({ canRemind: false, today: false, remindedAt: '2026-11-21T08:00:00.000Z' });
  });
});

describe('sameDay', () => {
  it('compares calendar days in the given zone, not in UTC', () => {
    // 23:30 UTC is already the next day in Warsaw, still the same day in New York.
    expect(sameDay('2026-11-25T23:30:00.000Z', '2026-11-26T10:00:00.000Z', 'Europe/Warsaw')).toBe(true);
    expect(sameDay('2026-11-25T23:30:00.000Z', '2026-11-26T10:00:00.000Z', 'America/New_York')).toBe(false);
    expect(sameDay('2026-11-25T23:30:00.000Z', '2026-11-25T01:00:00.000Z', 'UTC')).toBe(true);
  });
});
