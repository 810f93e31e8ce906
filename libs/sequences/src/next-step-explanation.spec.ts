import { explainNextStep, NextStepFacts } from './next-step-explanation';

describe(explainNextStep.name, () => {
  const weekdays = {
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const,
    startHour: 8,
    endHour: 18,
  };
  // Sunday 22 November 2026, 15:00 in New York.
  const now = new Date('2026-11-22T20:00:00Z');
  const base: NextStepFacts = {
    enrollmentStatus: 'active',
    launchStatus: 'active',
    exitReason: null,
    nextStep: 0,
    stepCount: 3,
    // Monday 23 November, 08:00 in New York.
    nextDueAt: new Date('2026-11-23T13:00:00Z'),
    queuedAt: null,
    step: { window: { ...weekdays, days: [...weekdays.days] } },
    zone: 'America/New_York',
    now,
    maxLatenessMs: 6 * 3_600_000,
  };

  it("waits for the opening of the send window, named in the prospect's zone", () => {
    expect(explainNextStep(base)).toEqual({
      state: 'waiting_for_window',
      explanation: "waiting for Monday 08:00 America/New_York (when step 1's send window opens)",
      sendsAt: base.nextDueAt,
    });
  });

  it('waits for a time that is no window opening, with the date when a week or more away', () => {
    const due = new Date('2026-12-07T15:30:00Z');
    expect(explainNextStep({ ...base, nextStep: 1, nextDueAt: due, step: { window: null } })).toEqual({
      state: 'waiting_for_time',
      explanation: 'waiting for Monday 7 December 10:30 America/New_York',
      sendsAt: due,
    });
  });

  it("says a due and queued step waits for the sender's rate, and a due one not queued waits for the sweep", () => {
    const due = { ...base, now: new Date('2026-11-23T13:05:00Z') };
    expect(explainNextStep({ ...due, queuedAt: due.now })).toMatchObject({
      state: 'waiting_for_rate',
      explanation: "waiting for the sender's rate: step 1 is due and queued",
    });
    expect(explainNextStep(due)).toMatchObject({ state: 'due', explanation: 'due now: the next sweep queues step 1' });
  });

  it('moves a step found outside its window, or too late, as the sender would', () => {
    // Due Friday 17:59, found Friday 19:00 (an hour late, outside the window): next Monday 08:00.
    const outside = explainNextStep({
      ...base,
      nextDueAt: new Date('2026-11-27T22:59:00Z'),
      now: new Date('2026-11-28T00:00:00Z'),
    });
    expect(outside).toEqual({
      state: 'waiting_for_window',
      explanation: 'waiting for Monday 08:00 America/New_York: step 1 fell due outside its send window',
      sendsAt: new Date('2026-11-30T13:00:00Z'),
    });
    const late = explainNextStep({
      ...base,
      step: { window: null },
      nextDueAt: new Date('2026-11-23T13:00:00Z'),
      now: new Date('2026-11-24T13:30:00Z'),
    });
    expect(late).toMatchObject({
      state: 'overdue',
      explanation:
        'overdue since Monday 08:00 America/New_York: moves to Wednesday 08:00 America/New_York rather than go out late',
    });
  });

  it('names a paused or cancelled launch, a prospect who left and a finished sequence', () => {
    expect(explainNextStep({ ...base, launchStatus: 'paused' })).toEqual({
      state: 'launch_paused',
      explanation: 'paused launch: step 1 waits until the launch is resumed',
      sendsAt: null,
    });
    expect(explainNextStep({ ...base, enrollmentStatus: 'cancelled', launchStatus: 'cancelled' }).state).toBe(
      'cancelled',
    );
    expect(
      explainNextStep({ ...base, enrollmentStatus: 'exited', exitReason: 'unsubscribed', nextDueAt: null }),
    ).toEqual({ state: 'exited', explanation: 'exited: unsubscribed', sendsAt: null });
    expect(explainNextStep({ ...base, enrollmentStatus: 'completed', nextStep: 3, nextDueAt: null })).toEqual({
      state: 'completed',
      explanation: 'completed: all 3 steps dealt with',
      sendsAt: null,
    });
  });
});
