import { describe, expect, it } from 'vitest';
import { audienceLabel, launchedSummary, reasonLabel } from './format';

describe('audienceLabel', () => {
  it('says who a launch goes to', () => {
    expect(audienceLabel({ type: 'all' })).toBe('All your prospects');
    expect(audienceLabel({ type: 'list', listId: 'l1' }, (id) => (id === 'l1' ? 'Customers' : undefined))).toBe(
      'List Customers',
    );
    expect(audienceLabel({ type: 'list', listId: 'gone' }, () => undefined)).toBe('List chosen');
    expect(audienceLabel({ type: 'filter', search: 'acme', country: ['PT', 'ES'] })).toBe(
      'Prospects containing “acme” and in PT, ES',
    );
    expect(audienceLabel({ type: 'filter' })).toBe('Prospects matching a filter');
  });
});

describe('reasonLabel', () => {
  it('says why a pending launch was skipped or cancelled', () => {
    expect(reasonLabel('weekly_cap')).toBe('over your weekly cap');
    expect(reasonLabel('something_new')).toBe('something new');
    expect(reasonLabel(null)).toBeNull();
  });
});

describe('launchedSummary', () => {
  it('says what launching the current version did', () => {
    expect(launchedSummary('Security', [])).toBe('“Security” offers you no campaign right now: nothing was launched.');
    expect(launchedSummary('Security', [{ state: 'started' }])).toBe('“Security”: 1 campaign started.');
    expect(
      launchedSummary('Security', [
        { state: 'started' },
        { state: 'started' },
        { state: 'waiting_readiness' },
        { state: 'skipped' },
      ]),
    ).toBe(
      '“Security”: 2 campaigns started, 1 campaign waiting for you under Pending launches, 1 campaign already skipped or cancelled.',
    );
  });
});
