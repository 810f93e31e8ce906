import { describe, expect, it } from 'vitest';
import type { CampaignContent } from '../hooks/use-edited-campaign';
import { assetsMentioning } from './slot-mentions';

const assets = [
  { id: 'a', name: 'Welcome', subject: 'Hi from {{partner.company}}', mjml: '' },
  { id: 'b', name: 'Follow-up', subject: 'Call {{partner.company_phone}}', mjml: '' },
] as unknown as CampaignContent['assets'];

describe('assetsMentioning', () => {
  it('names the assets whose text mentions the slot, and not a longer one', () => {
    expect(assetsMentioning(assets, 'company')).toEqual(['Welcome']);
    expect(assetsMentioning(assets, 'company_phone')).toEqual(['Follow-up']);
  });

  it('finds nothing for an unnamed slot', () => {
    expect(assetsMentioning(assets, '')).toEqual([]);
  });
});
