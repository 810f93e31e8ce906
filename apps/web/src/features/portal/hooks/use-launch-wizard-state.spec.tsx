import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { components } from '../../../api/client';
import type { PublishedCampaign } from './use-campaign';
import type { LaunchImport } from './use-launch-import';
import {
  audienceOf,
  INITIAL_STATE,
  launchBody,
  useLaunchWizardState,
  waitingFor,
  wizardReducer,
  type AudienceFacts,
  type WizardAction,
  type WizardState,
} from './use-launch-wizard-state';

type ProspectList = components['schemas']['ListViewDto'];

const campaign = { id: 'c1', version: 3 } as PublishedCampaign;
const list = (id: string, size: number) => ({ id, name: id, size }) as ProspectList;
const facts = (over: Partial<AudienceFacts> = {}): AudienceFacts => ({
  loading: false,
  lists: [],
  prospects: 10,
  imported: undefined,
  ...over,
});
const run = (...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, INITIAL_STATE);

describe('the launch wizard’s preselected audience', () => {
  it('is the newest list that has members', () => {
    const lists = [list('empty', 0), list('newest', 5), list('older', 9)];
    expect(audienceOf(INITIAL_STATE, facts({ lists }))).toMatchObject({ choice: 'list', listId: 'newest' });
  });

  it('is every prospect without such a list, and a CSV to upload for a partner with none', () => {
    expect(audienceOf(INITIAL_STATE, facts({ lists: [list('empty', 0)] })).choice).toBe('all');
    expect(audienceOf(INITIAL_STATE, facts({ prospects: 0 })).choice).toBe('csv');
  });

  it('gives way to what the partner chooses', () => {
    const state = run({ type: 'choose', choice: 'filter' }, { type: 'chooseList', listId: 'older' });
    expect(audienceOf(state, facts({ lists: [list('newest', 5)] }))).toMatchObject({
      choice: 'filter',
      listId: 'older',
    });
  });

  it('stays a CSV once a file is sent, whatever list its import creates', () => {
    const file = new File(['email\n'], 'people.csv');
    const state = run({ type: 'fileSent', file, listName: 'people.csv (now)' });
    expect(state).toMatchObject({ chosen: 'csv', file, listName: 'people.csv (now)' });
    expect(audienceOf(state, facts({ lists: [list('imported', 3)] })).choice).toBe('csv');
    expect(run({ type: 'fileSent', file, listName: 'x' }, { type: 'fileForgotten' })).toMatchObject({
      chosen: 'csv',
      file: null,
      listName: null,
    });
  });
});

describe('the launch body', () => {
  it('names the list, the filter or every prospect', () => {
    const lists = [list('newest', 5)];
    expect(launchBody(INITIAL_STATE, facts({ lists }), campaign)).toEqual({
      campaignId: 'c1',
      version: 3,
      audience: { type: 'list', listId: 'newest' },
    });
    const filtered = run(
      { type: 'choose', choice: 'filter' },
      { type: 'filter', filter: { search: '  acme ', country: ['PT'] } },
    );
    expect(launchBody(filtered, facts(), campaign).audience).toEqual({
      type: 'filter',
      search: 'acme',
      country: ['PT'],
    });
    expect(launchBody(INITIAL_STATE, facts(), campaign).audience).toEqual({ type: 'all' });
  });

  it('targets the list an uploaded CSV was imported into, once it is', () => {
    const state = run({ type: 'choose', choice: 'csv' });
    const running = { status: 'running', listId: null } as unknown as LaunchImport;
    const done = { status: 'completed', listId: 'imported' } as unknown as LaunchImport;
    expect(launchBody(state, facts({ imported: running }), campaign).audience).toEqual({ type: 'list' });
    expect(launchBody(state, facts({ imported: done }), campaign).audience).toEqual({
      type: 'list',
      listId: 'imported',
    });
  });

  it('carries a later start and the slot values filled in here', () => {
    const state = run(
      { type: 'start', start: 'later' },
      { type: 'startAt', value: '2026-12-04T15:00' },
      { type: 'slotValue', name: 'phone', value: '+351 1' },
    );
    expect(launchBody(state, facts(), campaign)).toMatchObject({
      startAt: new Date('2026-12-04T15:00').toISOString(),
      slotValues: { phone: '+351 1' },
    });
    // A start "now" sends no time, whatever the field held.
    expect(launchBody(run({ type: 'startAt', value: '2026-12-04T15:00' }), facts(), campaign)).not.toHaveProperty(
      'startAt',
    );
  });
});

describe('what keeps the review back', () => {
  it('is the lists loading, then a CSV not imported yet, then nothing', () => {
    const csv = run({ type: 'choose', choice: 'csv' });
    expect(waitingFor(INITIAL_STATE, facts({ loading: true }))).toBe('lists');
    expect(waitingFor(csv, facts())).toBe('upload');
    const failed = { status: 'failed', listId: null } as unknown as LaunchImport;
    expect(waitingFor(csv, facts({ imported: failed }))).toBe('importFailed');
    expect(waitingFor(INITIAL_STATE, facts())).toBeNull();
  });
});

describe('the steps', () => {
  it('go to the review and back', () => {
    expect(run({ type: 'reviewed' }).step).toBe(1);
    expect(run({ type: 'reviewed' }, { type: 'back' }).step).toBe(0);
  });
});

describe(useLaunchWizardState.name, () => {
  const container = document.createElement('div');
  const root = createRoot(container);
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  afterEach(() => act(() => root.render(null)));

  it('keeps what the partner entered across renders and derives the rest', () => {
    let wizard: ReturnType<typeof useLaunchWizardState> | undefined;
    function Probe({ audience }: { audience: AudienceFacts }) {
      wizard = useLaunchWizardState(audience, campaign);
      return null;
    }
    act(() => root.render(<Probe audience={facts({ lists: [list('newest', 5)] })} />));
    expect(wizard?.choice).toBe('list');
    act(() => wizard?.dispatch({ type: 'choose', choice: 'all' }));
    act(() => root.render(<Probe audience={facts({ lists: [list('newest', 5)], loading: false })} />));
    expect(wizard?.choice).toBe('all');
    expect(wizard?.body()).toEqual({ campaignId: 'c1', version: 3, audience: { type: 'all' } });
    expect(wizard?.waitingFor).toBeNull();
  });
});
