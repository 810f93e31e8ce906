import { createInstance } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { audienceLabel, launchedSummary, reasonLabel } from './format';
import en from './messages/en.json';

const i18n = createInstance();
const t = i18n.t.bind(i18n);

beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { programmes: en } }, interpolation: { escapeValue: false } });
});

describe('audienceLabel', () => {
  it('says who a launch goes to', () => {
    expect(audienceLabel(t, { type: 'all' })).toBe('All your prospects');
    expect(audienceLabel(t, { type: 'list', listId: 'l1' }, (id) => (id === 'l1' ? 'Customers' : undefined))).toBe(
      'List Customers',
    );
    expect(audienceLabel(t, { type: 'list', listId: 'gone' }, () => undefined)).toBe('List chosen');
    expect(audienceLabel(t, { type: 'filter', search: 'acme', country: ['PT', 'ES'] })).toBe(
      'Prospects containing “acme” and in PT, ES',
    );
    expect(audienceLabel(t, { type: 'filter', country: ['PL'] })).toBe('Prospects in PL');
    expect(audienceLabel(t, { type: 'filter' })).toBe('Prospects matching a filter');
  });
});

describe('reasonLabel', () => {
  it('says why a pending launch was skipped or cancelled', () => {
    expect(reasonLabel(t, 'weekly_cap')).toBe('over your weekly cap');
    expect(reasonLabel(t, 'something_new')).toBe('something new');
    expect(reasonLabel(t, null)).toBeNull();
  });
});

describe('launchedSummary', () => {
  it('says what launching the current version did', () => {
    expect(launchedSummary(t, 'Security', [])).toBe(
      '“Security” offers you no campaign right now: nothing was launched.',
    );
    expect(launchedSummary(t, 'Security', [{ state: 'started' }])).toBe('“Security”: 1 campaign started.');
    expect(
      launchedSummary(t, 'Security', [
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
