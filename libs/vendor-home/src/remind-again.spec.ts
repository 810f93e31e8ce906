import { REMIND_AGAIN_AFTER_DAYS, remindAgainAt } from './remind-again';

describe(remindAgainAt.name, () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  it('is null for a partner never reminded', () => {
    expect(remindAgainAt(null, now)).toBeNull();
  });

  it(`is ${REMIND_AGAIN_AFTER_DAYS} days after the last reminder while that is still ahead`, () => {
    expect(remindAgainAt(daysAgo(2), now)).toEqual(new Date('2026-11-30T12:00:00Z'));
  });

  it('is null from the moment the week is over', () => {
    expect(remindAgainAt(daysAgo(REMIND_AGAIN_AFTER_DAYS), now)).toBeNull();
    expect(remindAgainAt(daysAgo(30), now)).toBeNull();
  });
});
