import { describe, expect, it } from 'vitest';
import type { components } from '../../api/client';
import { hasSomething } from './sections';

type PartnerHome = components['schemas']['PartnerHomeDto'];

const nothing: PartnerHome = {
  readyToLaunch: [],
  readyToLaunchTotal: 0,
  pendingLaunches: [],
  pendingLaunchesTotal: 0,
  runningLaunches: [],
  runningLaunchesTotal: 0,
  newLeads: { count: 0, since: '2026-11-18T12:00:00.000Z', latest: [] },
  checklist: { logo: true, senderConfirmed: true, prospects: true, launched: true, complete: true },
};

describe('hasSomething', () => {
  it('is false when every section is empty and the checklist complete: the page shows its empty state', () => {
    expect(hasSomething(nothing)).toBe(false);
  });

  it('is true while the checklist is incomplete, or when any section has an item', () => {
    expect(hasSomething({ ...nothing, checklist: { ...nothing.checklist, logo: false, complete: false } })).toBe(true);
    expect(hasSomething({ ...nothing, newLeads: { ...nothing.newLeads, count: 2 } })).toBe(true);
    expect(hasSomething({ ...nothing, readyToLaunch: [{} as PartnerHome['readyToLaunch'][number]] })).toBe(true);
  });
});
