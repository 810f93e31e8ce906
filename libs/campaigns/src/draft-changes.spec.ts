import { CampaignContent, emptyContent } from '@tcma/campaign-model';
import { diffCampaignContent, sameValue } from './draft-changes';

const base = (): CampaignContent => ({
  ...emptyContent('Backup nurture'),
  tags: ['backup'],
  slots: [
    { name: 'company_name', type: 'text', required: true },
    { name: 'logo', type: 'logo', required: false },
  ],
  links: [{ name: 'trial', url: 'https://acme.example/trial' }],
  assets: [
    { id: 'e1', kind: 'email', name: 'Welcome', subject: 'Hi', preheader: 'p', mjml: '<mjml></mjml>' },
    { id: 'e2', kind: 'email', name: 'Follow-up', subject: 'Again', preheader: 'p', mjml: '<mjml></mjml>' },
  ],
  sequence: {
    steps: [
      { id: 'step-1', emailAssetId: 'e1', wait: { type: 'duration', minutes: 0 }, window: null, condition: 'always' },
      { id: 'step-2', emailAssetId: 'e2', wait: { type: 'duration', days: 3 }, window: null, condition: 'always' },
    ],
    exit: { unsubscribed: true, clickedLink: null, converted: true },
  },
});

describe(diffCampaignContent.name, () => {
  it('finds nothing when the draft is the published content, whatever the key order', () => {
    const draft = JSON.parse(
      JSON.stringify(base(), (_k, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    ) as CampaignContent;
    const sut = diffCampaignContent({ version: 3, content: base() }, draft);
    expect(sut).toEqual({
      baseVersion: 3,
      hasChanges: false,
      metadata: [],
      slots: { added: [], removed: [], changed: [] },
      links: { added: [], removed: [], changed: [] },
      assets: { added: [], removed: [], changed: [] },
      steps: { added: [], removed: [], changed: [] },
      exitChanged: false,
    });
  });

  it('names each metadata field changed with its values before and after', () => {
    const draft = { ...base(), name: 'Backup nurture 2', tags: ['backup', 'q3'] };
    expect(diffCampaignContent({ version: 1, content: base() }, draft).metadata).toEqual([
      { field: 'name', before: 'Backup nurture', after: 'Backup nurture 2' },
      { field: 'tags', before: ['backup'], after: ['backup', 'q3'] },
    ]);
  });

  it('lists slots, links and assets added, removed and changed by their names and ids', () => {
    const draft = base();
    draft.slots = [
      { name: 'company_name', type: 'text', required: true, maxLength: 40 },
      { name: 'phone', type: 'phone', required: false },
    ];
    draft.links = [];
    draft.assets[1] = { ...draft.assets[1], name: 'Follow-up v2' };
    draft.assets.push({
      id: 'p1',
      kind: 'page',
      name: 'Register',
      title: 't',
      html: '<p>x</p>',
      noindex: false,
      form: null,
    });
    const sut = diffCampaignContent({ version: 1, content: base() }, draft);
    expect(sut.slots).toEqual({ added: ['phone'], removed: ['logo'], changed: ['company_name'] });
    expect(sut.links).toEqual({ added: [], removed: ['trial'], changed: [] });
    expect(sut.assets).toEqual({
      added: [{ id: 'p1', kind: 'page', name: 'Register' }],
      removed: [],
      changed: [{ id: 'e2', kind: 'email', name: 'Follow-up v2' }],
    });
    expect(sut.hasChanges).toBe(true);
  });

  it('counts a moved step as changed, and reads an absent condition as always', () => {
    const draft = base();
    const [first, second] = draft.sequence!.steps;
    draft.sequence!.steps = [
      { ...second },
      { ...first },
      { id: 'step-3', emailAssetId: 'e2', wait: { type: 'next_weekday', weekday: 'monday', time: '09:00' } },
    ];
    delete draft.sequence!.steps[0].condition;
    const sut = diffCampaignContent({ version: 1, content: base() }, draft);
    expect(sut.steps).toEqual({
      added: [{ id: 'step-3', index: 3, emailAssetId: 'e2' }],
      removed: [],
      changed: [
        { id: 'step-2', index: 1, emailAssetId: 'e2' },
        { id: 'step-1', index: 2, emailAssetId: 'e1' },
      ],
    });
    expect(sut.exitChanged).toBe(false);
    const sameOrder = base();
    delete sameOrder.sequence!.steps[1].condition;
    expect(diffCampaignContent({ version: 1, content: base() }, sameOrder).hasChanges).toBe(false);
  });

  it('sees the exit rules and a removed sequence', () => {
    const draft = { ...base(), sequence: null };
    const sut = diffCampaignContent({ version: 2, content: base() }, draft);
    expect(sut.steps.removed.map((s) => s.id)).toEqual(['step-1', 'step-2']);
    expect(sut.exitChanged).toBe(true);
  });

  it('reports everything as new before the first publication', () => {
    const sut = diffCampaignContent(null, base());
    expect(sut.baseVersion).toBeNull();
    expect(sut.metadata.map((m) => m.field)).toEqual(['name', 'tags']);
    expect(sut.assets.added.map((a) => a.id)).toEqual(['e1', 'e2']);
    expect(sut.steps.added).toHaveLength(2);
    expect(sut.hasChanges).toBe(true);
  });
});

describe(sameValue.name, () => {
  it('treats an undefined property as absent and compares arrays in order', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: null }, {})).toBe(false);
  });
});
