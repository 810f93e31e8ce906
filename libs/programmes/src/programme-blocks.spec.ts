import type { CampaignContent, SlotDefinition } from '@tcma/campaign-model';
import { emptyContent } from '@tcma/campaign-model';
import { programmeBlockProblems, programmeBlocks } from './programme-blocks';
import type { OfferedVersion } from './programme-versions.repository';

const block = (fields: Partial<SlotDefinition>): SlotDefinition => ({
  name: 'intro',
  type: 'text_block',
  required: false,
  ...fields,
});

function version(name: string, slots: SlotDefinition[], mjml: string): OfferedVersion {
  const content: CampaignContent = {
    ...emptyContent(name),
    slots,
    assets: [
      { id: `${name}-other`, kind: 'email', name: 'No block', subject: 's', preheader: 'p', mjml: '<mjml></mjml>' },
      { id: `${name}-email`, kind: 'email', name: 'Welcome', subject: 's', preheader: 'p', mjml },
    ],
  };
  return { campaignId: `${name}-id`, campaignName: name, version: 3, content };
}

describe('programme blocks', () => {
  const alpha = version(
    'Alpha',
    [block({ label: 'Your words', maxLength: 300, allowLinks: true, fallback: 'Hello.' })],
    '<mj-text>{{partner.intro}}</mj-text>',
  );
  const beta = version(
    'Beta',
    [block({ label: 'Intro', maxLength: 120, allowLinks: false, approval: 'vendor' })],
    '<mj-text>{{{ partner.intro }}}</mj-text>',
  );

  it('lists a block several campaigns share once, with the strictest of their limits and the email placing it', () => {
    expect(programmeBlocks([alpha, beta])).toEqual([
      {
        name: 'intro',
        label: 'Your words',
        maxLength: 120,
        allowLinks: false,
        approval: 'vendor',
        fallback: 'Hello.',
        campaigns: [
          { campaignId: 'Alpha-id', campaignName: 'Alpha', version: 3, assetId: 'Alpha-email' },
          { campaignId: 'Beta-id', campaignName: 'Beta', version: 3, assetId: 'Beta-email' },
        ],
      },
    ]);
    expect(programmeBlocks([version('Gamma', [block({ name: 'other' })], '<mj-text>none</mj-text>')])).toEqual([
      expect.objectContaining({
        name: 'other',
        maxLength: 600,
        approval: 'none',
        campaigns: [expect.objectContaining({ assetId: null })],
      }),
    ]);
  });

  it("checks a text against each campaign's own block, naming the campaign that refuses it", () => {
    expect(programmeBlockProblems([alpha, beta], { intro: 'x'.repeat(200) }, null)).toEqual([
      { path: 'slotValues.intro', message: 'must be at most 120 characters (in “Beta”)' },
    ]);
    expect(programmeBlockProblems([alpha], { intro: 'See https://partner.example/x' }, 'partner.example')).toEqual([]);
    expect(programmeBlockProblems([alpha], { intro: 'See https://elsewhere.example/x' }, 'partner.example')).toEqual([
      { path: 'slotValues.intro', message: expect.stringContaining("partner's own website") },
    ]);
    // An empty text is no text: the default is sent.
    expect(programmeBlockProblems([alpha, beta], { intro: '  ', company_name: 'x'.repeat(999) }, null)).toEqual([]);
  });
});
