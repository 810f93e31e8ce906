import type { PendingEvent } from './engagement.repository';
import { milestonesOf } from './milestones';

const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 9, 0, s));
const event = (
  id: string,
  type: PendingEvent['type'],
  sendId: string | null,
  s: number,
  linkName: string | null = null,
) => ({ id, type, at: at(s), sendId, linkName });

describe(milestonesOf.name, () => {
  const trial = event('1', 'clicked', '10', 5, 'trial');
  const trialAgain = event('2', 'clicked', '10', 9, 'trial');
  const page = event('3', 'clicked', '10', 20, 'page');
  const pageAgain = event('4', 'clicked', '10', 30, 'page');
  const otherPage = event('5', 'clicked', '11', 40, 'page');
  const open = event('6', 'opened', '10', 1);
  const converted = event('7', 'converted', null, 50);
  const events = [trial, trialAgain, page, pageAgain, otherPage, open, converted];

  it('takes the counted first click, each send’s first landing-page visit and every conversion', () => {
    expect(
      milestonesOf({
        events,
        human: [trial, trialAgain, page, pageAgain, otherPage, open],
        counted: new Set(['1', '5', '6']),
        pageVisited: new Set(),
      }),
    ).toEqual([
      { eventId: '1', at: at(5), kind: 'clicked' },
      { eventId: '3', at: at(20), kind: 'page_visited' },
      { eventId: '5', at: at(40), kind: 'page_visited' },
      { eventId: '7', at: at(50), kind: 'converted' },
    ]);
  });

  it('takes no machine’s click, and no visit of a send a person visited from already', () => {
    expect(
      milestonesOf({
        events,
        human: [page, pageAgain, otherPage],
        counted: new Set(['3']),
        pageVisited: new Set(['10']),
      }),
    ).toEqual([
      { eventId: '5', at: at(40), kind: 'page_visited' },
      { eventId: '7', at: at(50), kind: 'converted' },
    ]);
  });
});
