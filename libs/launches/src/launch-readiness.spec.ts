import { CampaignContent, emptyContent } from '@tcma/campaign-model';
import type { BrandValues } from '@tcma/cobrand';
import { launchReadiness } from './launch-readiness';

const brand: BrandValues = {
  companyName: 'Northwind',
  contactName: null,
  email: null,
  phone: null,
  website: null,
  address: null,
  primaryColor: null,
  secondaryColor: null,
  logoUrl: null,
};
const content = (slots: CampaignContent['slots']): CampaignContent => ({
  ...emptyContent('C'),
  slots,
  sequence: {
    steps: [{ id: 's1', emailAssetId: 'e1', wait: { type: 'duration', minutes: 0 } }],
    exit: { unsubscribed: true, converted: false },
  },
});

describe(launchReadiness.name, () => {
  it('names each missing brand item, blocking only where a required slot needs it', () => {
    const sut = launchReadiness({
      content: content([
        { name: 'address', type: 'address', required: true },
        { name: 'logo', type: 'logo', required: false },
      ]),
      brand,
      hasSender: false,
    });
    expect(sut).toEqual({
      ready: false,
      items: [
        expect.objectContaining({ code: 'brand_kit.logo_missing', path: 'brandKit.logo', blocking: false }),
        expect.objectContaining({ code: 'brand_kit.address_missing', path: 'brandKit.address', blocking: true }),
        expect.objectContaining({ code: 'brand_kit.sender_missing', path: 'brandKit.sender', blocking: false }),
      ],
    });
  });

  it('is ready when a launch value fills the required slot, advice aside', () => {
    const sut = launchReadiness({
      content: content([{ name: 'address', type: 'address', required: true }]),
      brand,
      hasSender: true,
      slotValues: { address: '1 Main St' },
    });
    expect(sut.ready).toBe(true);
    expect(sut.items.map((i) => [i.code, i.blocking])).toEqual([
      ['brand_kit.logo_missing', false],
      ['brand_kit.address_missing', false],
    ]);
  });

  it('blocks a campaign outside its dates, without a sequence, or with a required slot unfilled', () => {
    const sut = launchReadiness({
      content: { ...content([{ name: 'website', type: 'url', required: true }]), sequence: null },
      brand: { ...brand, logoUrl: 'https://x/l.png', address: 'A' },
      hasSender: true,
      unavailable: 'the campaign is available from 2027-01-01T00:00:00.000Z',
    });
    expect(sut.items.map((i) => [i.code, i.path, i.blocking])).toEqual([
      ['campaign.unavailable', 'campaignId', true],
      ['campaign.no_sequence', 'campaignId', true],
      ['slot.value_missing', 'slots.website', true],
    ]);
  });
});
