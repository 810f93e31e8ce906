import type { CampaignContent } from '@tcma/campaign-model';
import { AppConfig } from '@tcma/config';
import type { CampaignVersionRow, PartnerRow, VendorRow } from '@tcma/persistence';
import {
  MAX_VERSIONS,
  SendProfileBrands,
  SendProfileCampaigns,
  SendProfilePartners,
  SendProfiles,
  SendProfileVendors,
} from './send-profiles';

const content = (name: string): CampaignContent => ({
  name,
  description: '',
  tags: [],
  language: 'en',
  eligibility: { tiers: [], regions: [] },
  slots: [],
  links: [],
  assets: [],
  sequence: null,
});

const version = (id: string): CampaignVersionRow => ({
  id,
  campaignId: 'c1',
  content: content(`version ${id}`),
  publishedAt: new Date(0),
  publishedBy: null,
  regions: [],
  tiers: [],
  version: 1,
});
const partner: PartnerRow = {
  id: 'p1',
  vendorId: 'v1',
  companyName: 'Northwind',
  contactsPrivate: false,
  externalId: null,
  language: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  region: 'EU',
  slug: 'northwind',
  status: 'active',
  tier: 'gold',
  timezone: 'UTC',
};
const vendor: VendorRow = {
  id: 'v1',
  name: 'Acme',
  slug: 'acme',
  sendingDomain: null,
  assistantMonthlyTokens: null,
  publishApproval: false,
  ssoRequiredVendorUsers: false,
  ssoRequiredPartnerUsers: false,
  scimTokenHash: null,
  createdAt: new Date(0),
};

/** The database behind the cache: every read counted, and the next `failures` reads failing as a dropped connection would. */
class Reads {
  versions: string[] = [];
  partners = 0;
  failures = 0;

  private read<T>(value: T): Promise<T> {
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new Error('Connection terminated unexpectedly'));
    }
    return Promise.resolve(value);
  }

  readonly campaigns: SendProfileCampaigns = {
    findVersionForSystem: (id) => {
      this.versions.push(id);
      return this.read(version(id));
    },
    slugForSystem: () => this.read('backups'),
  };
  readonly partnersRepo: SendProfilePartners = {
    findForSystem: () => {
      this.partners += 1;
      return this.read(partner);
    },
  };
  readonly vendors: SendProfileVendors = { findForSystem: () => Promise.resolve(vendor) };
  readonly brands: SendProfileBrands = {
    brandState: (p) =>
      Promise.resolve({
        partnerId: p.id,
        revision: 1,
        brand: {
          companyName: p.companyName,
          contactName: null,
          email: null,
          phone: null,
          website: null,
          address: null,
          primaryColor: null,
          secondaryColor: null,
          logoUrl: null,
        },
        sender: null,
      }),
  };
}

describe(SendProfiles.name, () => {
  let reads: Reads;
  let sut: SendProfiles;

  beforeEach(() => {
    reads = new Reads();
    sut = new SendProfiles(reads.campaigns, reads.partnersRepo, reads.vendors, reads.brands, new AppConfig({}));
  });

  it('reads a version once and serves later sends of it from memory', async () => {
    expect((await sut.content('v1'))?.name).toBe('version v1');
    expect((await sut.content('v1'))?.name).toBe('version v1');
    expect(reads.versions).toEqual(['v1']);
  });

  it('keeps no failed read of a version: one database error fails that send only, later sends of the version read it again', async () => {
    reads.failures = 1;
    // Two sends of the version at once share the failing read.
    const [first, second] = await Promise.allSettled([sut.content('v1'), sut.content('v1')]);
    expect([first.status, second.status]).toEqual(['rejected', 'rejected']);
    expect(reads.versions).toEqual(['v1']);
    // The next send reads again, and succeeds; the one after is served from memory.
    expect((await sut.content('v1'))?.name).toBe('version v1');
    expect((await sut.content('v1'))?.name).toBe('version v1');
    expect(reads.versions).toEqual(['v1', 'v1']);
  });

  it("keeps no failed read of a partner's details either", async () => {
    reads.failures = 1;
    await expect(sut.profile('v1', 'p1')).rejects.toThrow('Connection terminated unexpectedly');
    expect(await sut.profile('v1', 'p1')).toMatchObject({ partnerCompany: 'Northwind', vendorName: 'Acme' });
    expect(await sut.profile('v1', 'p1')).toMatchObject({ partnerCompany: 'Northwind' });
    expect(reads.partners).toBe(2);
  });

  it('bounds the versions it keeps: past MAX_VERSIONS, the least used is read again', async () => {
    for (let i = 0; i <= MAX_VERSIONS; i++) await sut.content(`v${i}`);
    expect(reads.versions).toHaveLength(MAX_VERSIONS + 1);
    // The newest is still held; the oldest was let go for it.
    await sut.content(`v${MAX_VERSIONS}`);
    expect(reads.versions).toHaveLength(MAX_VERSIONS + 1);
    await sut.content('v0');
    expect(reads.versions).toHaveLength(MAX_VERSIONS + 2);
  });
});
