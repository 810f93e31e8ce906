import { CampaignContent } from '@tcma/campaign-model';
import { checkCampaignContent } from '@tcma/campaigns';
import { loadDemo } from './demo-manifest';

describe('demo campaign', () => {
  it('is valid content with three emails that pass every publish check', async () => {
    const demo = loadDemo();
    const m = demo.manifest;
    const emails = m.emails.map((e) => ({
      id: `${e.key}-id`,
      kind: 'email' as const,
      name: e.name,
      subject: e.subject,
      preheader: e.preheader,
      mjml: demo.readText(e.file),
    }));
    const content: CampaignContent = {
      name: m.name,
      description: m.description,
      tags: m.tags,
      language: m.language,
      eligibility: m.eligibility,
      slots: m.slots,
      links: m.links,
      assets: emails,
      sequence: {
        steps: m.sequence.steps.map((s) => ({
          id: s.id,
          emailAssetId: `${s.email}-id`,
          wait: s.wait,
          window: s.window ?? null,
          condition: 'always',
        })),
        exit: { unsubscribed: true, ...m.sequence.exit },
      },
    };
    expect(await checkCampaignContent(content, 'publish')).toEqual([]);
    expect(emails).toHaveLength(3);
  });
});
