import { ForbiddenError } from '@tcma/errors';
import type { VendorScope } from '@tcma/persistence';
import type { Actor } from '@tcma/tenancy';
import type { CrmHeldBackRepository, HeldBackCount } from './crm-held-back.repository';
import { CrmHeldBackService, MAX_HELD_BACK_PARTNERS } from './crm-held-back.service';

const vendorAdmin: Actor = { userId: 'u1', vendorId: 'v1', partnerId: null, role: 'vendor_admin' };
const since = new Date('2026-10-28T00:00:00Z');

/** The repository's rows as it answers them: by partner name, then campaign name. */
function serviceOver(rows: HeldBackCount[]): { sut: CrmHeldBackService; scopes: VendorScope[] } {
  const scopes: VendorScope[] = [];
  const repository = {
    privatePartnersLeads: (scope: VendorScope) => {
      scopes.push(scope);
      return Promise.resolve(rows);
    },
  } as unknown as CrmHeldBackRepository;
  return { sut: new CrmHeldBackService(repository), scopes };
}

const row = (partner: string, campaign: string, leads: number): HeldBackCount => ({
  partnerId: `p-${partner}`,
  partnerName: partner,
  campaignId: `c-${campaign}`,
  campaignName: campaign,
  leads,
});

describe(CrmHeldBackService.name, () => {
  it('adds each partner’s campaigns up, most leads first, names keeping their order among equals', async () => {
    const { sut, scopes } = serviceOver([
      row('Alpha', 'Backup', 1),
      row('Beta', 'Backup', 2),
      row('Beta', 'Cloud', 3),
      row('Gamma', 'Cloud', 1),
    ]);
    expect(await sut.countSince(vendorAdmin, since)).toEqual({
      leads: 7,
      partnersTotal: 3,
      partners: [
        {
          partnerId: 'p-Beta',
          partnerName: 'Beta',
          leads: 5,
          campaigns: [
            { campaignId: 'c-Backup', campaignName: 'Backup', leads: 2 },
            { campaignId: 'c-Cloud', campaignName: 'Cloud', leads: 3 },
          ],
        },
        expect.objectContaining({ partnerName: 'Alpha', leads: 1 }),
        expect.objectContaining({ partnerName: 'Gamma', leads: 1 }),
      ],
    });
    expect(scopes.map((s) => [s.vendorId, s.partnerId])).toEqual([['v1', null]]);
  });

  it('lists at most MAX_HELD_BACK_PARTNERS partners, and counts the others in the totals', async () => {
    const many = Array.from({ length: MAX_HELD_BACK_PARTNERS + 2 }, (_, i) => row(`P${i}`, 'Backup', 1));
    const { sut } = serviceOver(many);
    const answer = await sut.countSince(vendorAdmin, since);
    expect(answer.partners).toHaveLength(MAX_HELD_BACK_PARTNERS);
    expect(answer).toMatchObject({ leads: MAX_HELD_BACK_PARTNERS + 2, partnersTotal: MAX_HELD_BACK_PARTNERS + 2 });
  });

  it('refuses a partner’s user (the counts cross partners) without asking the database', async () => {
    const { sut, scopes } = serviceOver([row('Alpha', 'Backup', 1)]);
    await expect(
      sut.countSince({ ...vendorAdmin, partnerId: 'p-Alpha', role: 'partner_admin' }, since),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(scopes).toEqual([]);
  });
});
