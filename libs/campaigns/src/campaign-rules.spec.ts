import type { CampaignContent, EmailAsset, PageAsset, PdfAsset, SequenceStep, SocialAsset } from '@tcma/campaign-model';
import { MAX_SEQUENCE_STEPS, SOCIAL_COPY_LIMITS, SOCIAL_MAX_CHARACTER_WEIGHT } from '@tcma/campaign-model';
import { maxLengthOf } from '@tcma/cobrand';
import { checkCampaignContent, LIMITS } from './campaign-rules';

const MJML = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hello from {{partner.company_name}}</mj-text>
<mj-text><a href="{{links.site}}">Read more</a></mj-text>
<mj-text>{{partner.address}} · <a href="{{links.unsubscribe}}">Unsubscribe</a></mj-text>
</mj-column></mj-section></mj-body></mjml>`;

const email = (overrides: Partial<EmailAsset> = {}): EmailAsset => ({
  id: 'e1',
  kind: 'email',
  name: 'Welcome',
  subject: 'Hello',
  preheader: 'A word',
  mjml: MJML,
  ...overrides,
});
const pdf = (overrides: Partial<PdfAsset> = {}): PdfAsset => ({
  id: 'p1',
  kind: 'pdf',
  name: 'One-pager',
  file: { key: 'sha256-x', contentType: 'application/pdf', size: 100, pages: [{ width: 600, height: 800 }] },
  slots: [{ slot: 'company_name', page: 1, x: 10, y: 10, width: 200, height: 40, align: 'left' }],
  ...overrides,
});
const social = (overrides: Partial<SocialAsset> = {}): SocialAsset => ({
  id: 's1',
  kind: 'social',
  name: 'Post',
  image: { key: 'sha256-y', contentType: 'image/png', size: 100, width: 1200, height: 627 },
  slots: [{ slot: 'logo', x: 20, y: 20, width: 200, height: 100, align: 'center' }],
  copy: { linkedin: 'Backups by {{partner.company_name}}' },
  ...overrides,
});
const page = (overrides: Partial<PageAsset> = {}): PageAsset => ({
  id: 'pg1',
  kind: 'page',
  name: 'Landing',
  title: '{{partner.company_name}}',
  html: '<p>Welcome</p>',
  noindex: false,
  form: null,
  ...overrides,
});
const step = (overrides: Partial<SequenceStep> = {}): SequenceStep => ({
  id: 'one',
  emailAssetId: 'e1',
  wait: { type: 'duration', days: 0 },
  ...overrides,
});

/** A campaign every rule accepts, for saving and for publishing. */
function valid(): CampaignContent {
  return {
    name: 'Backups',
    description: 'Cloud backup for small offices',
    tags: ['backup'],
    language: 'en',
    eligibility: { tiers: [], regions: [] },
    slots: [
      { name: 'company_name', type: 'text', required: true },
      { name: 'address', type: 'address', required: true },
      { name: 'logo', type: 'logo', required: false },
      { name: 'site', type: 'url', required: false, fallback: 'https://partner.example' },
      { name: 'brand', type: 'color', required: false },
    ],
    links: [{ name: 'site', url: 'https://vendor.example/backup' }],
    assets: [email(), pdf(), social(), page()],
    sequence: {
      steps: [
        step(),
        step({
          id: 'two',
          wait: { type: 'next_weekday', weekday: 'tuesday', time: '09:30' },
          window: { days: ['tuesday'], startHour: 9, endHour: 17 },
          condition: 'previous_not_opened',
        }),
      ],
      exit: { unsubscribed: true, converted: true, clickedLink: 'site' },
    },
  };
}

/** The problems of a changed copy of the valid campaign. */
const check = (change: (c: CampaignContent) => void, mode: 'save' | 'publish' = 'save') => {
  const content = valid();
  change(content);
  return checkCampaignContent(content, mode);
};

describe(checkCampaignContent.name, () => {
  it('accepts a complete campaign, for saving and for publishing', async () => {
    expect(await checkCampaignContent(valid(), 'save')).toEqual([]);
    expect(await checkCampaignContent(valid(), 'publish')).toEqual([]);
  });

  describe('details', () => {
    it.each([
      ['an empty name', (c: CampaignContent) => (c.name = '  '), [{ path: 'name', message: 'must not be empty' }]],
      [
        'a long name',
        (c: CampaignContent) => (c.name = 'x'.repeat(LIMITS.nameLength + 1)),
        [{ path: 'name', message: `must be at most ${LIMITS.nameLength} characters` }],
      ],
      [
        'a long description',
        (c: CampaignContent) => (c.description = 'x'.repeat(LIMITS.descriptionLength + 1)),
        [{ path: 'description', message: `must be at most ${LIMITS.descriptionLength} characters` }],
      ],
      [
        'too many tags',
        (c: CampaignContent) => (c.tags = Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`)),
        [{ path: 'tags', message: `at most ${LIMITS.tags} tags` }],
      ],
      [
        'an empty and a long tag',
        (c: CampaignContent) => (c.tags = ['ok', ' ', 'x'.repeat(LIMITS.tagLength + 1)]),
        [
          { path: 'tags[1]', message: `must be 1 to ${LIMITS.tagLength} characters` },
          { path: 'tags[2]', message: `must be 1 to ${LIMITS.tagLength} characters` },
        ],
      ],
      [
        'a language that is no tag',
        (c: CampaignContent) => (c.language = 'English'),
        [{ path: 'language', message: 'must be a language tag such as en or pt-BR' }],
      ],
      [
        'too many eligible tiers and regions',
        (c: CampaignContent) =>
          (c.eligibility = {
            tiers: Array(LIMITS.eligibilityEntries + 1).fill('gold'),
            regions: Array(LIMITS.eligibilityEntries + 1).fill('emea'),
          }),
        [
          { path: 'eligibility.tiers', message: `at most ${LIMITS.eligibilityEntries} entries` },
          { path: 'eligibility.regions', message: `at most ${LIMITS.eligibilityEntries} entries` },
        ],
      ],
    ])('refuses %s', async (_what, change, problems) => {
      expect(await check(change)).toEqual(problems);
    });

    it('accepts a regional language tag', async () => {
      expect(await check((c) => (c.language = 'pt-BR'))).toEqual([]);
    });
  });

  describe('slots', () => {
    it.each([
      [
        'a name that is not lower-case letters, digits and _',
        (c: CampaignContent) => c.slots.push({ name: 'Phone-1', type: 'phone', required: false }),
        [
          {
            path: 'slots[5].name',
            message: 'must be lower-case letters, digits and _ (starting with a letter, at most 40)',
          },
        ],
      ],
      [
        'a reserved name',
        (c: CampaignContent) => c.slots.push({ name: 'custom', type: 'text', required: false }),
        [{ path: 'slots[5].name', message: '"custom" is reserved' }],
      ],
      [
        'a name used twice',
        (c: CampaignContent) => c.slots.push({ name: 'logo', type: 'text', required: false }),
        [{ path: 'slots[5].name', message: 'duplicate slot name "logo"' }],
      ],
      [
        'the name of a colour derived from a colour slot',
        (c: CampaignContent) => c.slots.push({ name: 'brand_text', type: 'text', required: false }),
        [{ path: 'slots[5].name', message: '"brand_text" is the name of a colour derived from the colour slot brand' }],
      ],
      [
        'an unknown type (and checks nothing else of it)',
        (c: CampaignContent) => c.slots.push({ name: 'fax', type: 'fax' as never, required: false, maxLength: 0 }),
        [
          {
            path: 'slots[5].type',
            message: 'must be one of logo, text, url, email, phone, color, address, text_block',
          },
        ],
      ],
      [
        'a maximum length out of range',
        (c: CampaignContent) => c.slots.push({ name: 'tagline', type: 'text', required: false, maxLength: 501 }),
        [{ path: 'slots[5].maxLength', message: 'must be between 1 and 500' }],
      ],
      [
        'a maximum length on a slot that is not text',
        (c: CampaignContent) => c.slots.push({ name: 'hotline', type: 'phone', required: false, maxLength: 20 }),
        [{ path: 'slots[5].maxLength', message: 'applies to text and text_block slots only' }],
      ],
      [
        'a fallback for a logo',
        (c: CampaignContent) => (c.slots[2].fallback = 'https://img.example/logo.png'),
        [
          {
            path: 'slots[2].fallback',
            message: 'logo slots cannot have a fallback; make the slot required or guard it with {{#if}}',
          },
        ],
      ],
    ])('refuses %s', async (_what, change, problems) => {
      expect(await check(change)).toEqual(problems);
    });

    it('refuses a fallback that is not a value of its type', async () => {
      const problems = await check((c) => (c.slots[3].fallback = 'not a url'));
      expect(problems).toEqual([{ path: 'slots[3].fallback', message: expect.any(String) }]);
    });

    it(`refuses more than ${LIMITS.slots} slots`, async () => {
      const problems = await check((c) =>
        c.slots.push(
          ...Array.from({ length: LIMITS.slots }, (_, i) => ({
            name: `extra_${i}`,
            type: 'text' as const,
            required: false,
          })),
        ),
      );
      expect(problems).toEqual([{ path: 'slots', message: `at most ${LIMITS.slots} slots` }]);
    });
  });

  describe("a text_block's defaults in other languages", () => {
    const variant = { sourceDigest: 'x', origin: 'xliff' as const, savedAt: '2026-11-26T09:00:00.000Z' };
    const german = { ...variant, subject: 'Hallo', preheader: 'Ein Wort', mjml: MJML.replace('Hello', 'Hallo') };
    const block = (defaults: unknown) => ({
      name: 'intro',
      type: 'text_block' as const,
      required: false,
      maxLength: 40,
      fallback: 'Your partner is here to help.',
      defaults: defaults as Record<string, string>,
    });

    it('accepts a default per language of the emails, checked as the fallback is', async () => {
      const change = (c: CampaignContent) => {
        c.slots.push(block({ de: 'Ihr Partner hilft Ihnen gern.', 'pt-BR': 'Seu parceiro ajuda.' }));
        c.assets[0] = email({ variants: { de: german, 'pt-BR': german } });
      };
      expect(await check(change)).toEqual([]);
      expect(await check(change, 'publish')).toEqual([]);
    });

    it("refuses a key that is not a canonical tag, the campaign's own language, a text too long or linking", async () => {
      const problems = await check((c) =>
        c.slots.push(
          block({ 'pt-br': 'Olá', en: 'Hello', de: 'x'.repeat(41), fr: 'Voir https://partner.example/', es: '  ' }),
        ),
      );
      expect(problems).toEqual([
        {
          path: 'slots[5].defaults.pt-br',
          message: 'must be keyed by a BCP 47 language tag in its canonical form, such as de, fr-CA or pt-BR',
        },
        { path: 'slots[5].defaults.en', message: "is the campaign's own language (en): its default is the fallback" },
        { path: 'slots[5].defaults.de', message: expect.stringContaining('at most 40 characters') },
        { path: 'slots[5].defaults.fr', message: expect.any(String) },
        { path: 'slots[5].defaults.es', message: 'must be a text' },
      ]);
    });

    it('publishes only defaults in a language an email has a variant in (a draft may give one first)', async () => {
      const change = (c: CampaignContent) => c.slots.push(block({ de: 'Ihr Partner hilft Ihnen gern.' }));
      expect(await check(change)).toEqual([]);
      expect(await check(change, 'publish')).toEqual([
        {
          path: 'slots[5].defaults.de',
          message: "is not a language of the campaign's emails: none has a variant in it",
        },
      ]);
    });

    it('refuses defaults on a slot that is not a text_block, and defaults that are not an object', async () => {
      expect(
        await check((c) => c.slots.push({ name: 'tagline', type: 'text', required: false, defaults: { de: 'Hallo' } })),
      ).toEqual([{ path: 'slots[5].defaults', message: 'applies to text_block slots only' }]);
      expect(await check((c) => c.slots.push(block(['Hallo'])))).toEqual([
        { path: 'slots[5].defaults', message: 'must be an object of language tags to texts' },
      ]);
    });
  });

  describe('links', () => {
    it.each([
      [
        'a name that is not lower-case letters, digits and _',
        (c: CampaignContent) => c.links.push({ name: 'Pricing', url: 'https://vendor.example/p' }),
        [
          {
            path: 'links[1].name',
            message: 'must be lower-case letters, digits and _ (starting with a letter, at most 40)',
          },
        ],
      ],
      [
        'a reserved name',
        (c: CampaignContent) => c.links.push({ name: 'unsubscribe', url: 'https://vendor.example/u' }),
        [{ path: 'links[1].name', message: '"unsubscribe" is reserved' }],
      ],
      [
        'a name used twice',
        (c: CampaignContent) => c.links.push({ name: 'site', url: 'https://vendor.example/again' }),
        [{ path: 'links[1].name', message: 'duplicate link name "site"' }],
      ],
    ])('refuses %s', async (_what, change, problems) => {
      expect(await check(change)).toEqual(problems);
    });

    it('refuses an address that is not http(s)', async () => {
      expect(await check((c) => c.links.push({ name: 'pricing', url: 'javascript:alert(1)' }))).toEqual([
        { path: 'links[1].url', message: expect.any(String) },
      ]);
    });

    it(`refuses more than ${LIMITS.links} links`, async () => {
      const problems = await check((c) =>
        c.links.push(
          ...Array.from({ length: LIMITS.links }, (_, i) => ({ name: `l${i}`, url: 'https://vendor.example/' })),
        ),
      );
      expect(problems).toEqual([{ path: 'links', message: `at most ${LIMITS.links} links` }]);
    });
  });

  describe('assets', () => {
    it('refuses an asset id used twice and an asset without a name', async () => {
      expect(await check((c) => c.assets.push(email({ name: ' ' })))).toEqual([
        { path: 'assets[4].id', message: 'duplicate asset id "e1"' },
        { path: 'assets[4].name', message: 'must not be empty' },
      ]);
    });

    it(`refuses more than ${LIMITS.assets} assets`, async () => {
      const problems = await check((c) =>
        c.assets.push(...Array.from({ length: LIMITS.assets }, (_, i) => pdf({ id: `pdf${i}` }))),
      );
      expect(problems).toEqual([{ path: 'assets', message: `at most ${LIMITS.assets} assets` }]);
    });

    it("reports an email's own problems under its path", async () => {
      const problems = await check((c) => (c.assets[0] = email({ subject: '' })));
      expect(problems).toEqual([{ path: 'assets[0].subject', message: 'must not be empty' }]);
    });

    it("checks an email's language variants by the email's rules, keyed by a canonical tag other than the campaign's", async () => {
      const variant = { sourceDigest: 'x', origin: 'xliff' as const, savedAt: '2026-11-26T09:00:00.000Z' };
      const german = { ...variant, subject: 'Hallo', preheader: 'Ein Wort', mjml: MJML.replace('Hello', 'Hallo') };
      expect(await check((c) => (c.assets[0] = email({ variants: { de: german, 'pt-BR': german } })))).toEqual([]);
      expect(
        await check(
          (c) =>
            (c.assets[0] = email({
              variants: {
                de: { ...german, subject: '', mjml: MJML.replace('{{partner.address}}', '{{partner.nickname}}') },
                de_AT: german,
                EN: german,
              },
            })),
        ),
      ).toEqual([
        { path: 'assets[0].variants.de.subject', message: 'must not be empty' },
        expect.objectContaining({ path: 'assets[0].variants.de.mjml', message: expect.stringContaining('nickname') }),
        {
          path: 'assets[0].variants.de_AT',
          message: 'must be keyed by a BCP 47 language tag in its canonical form, such as de, fr-CA or pt-BR',
        },
        expect.objectContaining({ path: 'assets[0].variants.EN' }),
      ]);
    });

    it('checks only the changed asset when told which one changed', async () => {
      const content = valid();
      content.assets[0] = email({ subject: '' });
      expect(await checkCampaignContent(content, 'save', { changedAsset: 1 })).toEqual([]);
      expect(await checkCampaignContent(content, 'save', { changedAsset: 0 })).toEqual([
        { path: 'assets[0].subject', message: 'must not be empty' },
      ]);
      // Ids and names are checked whatever changed.
      content.assets[2] = social({ id: 'e1' });
      expect(await checkCampaignContent(content, 'save', { changedAsset: null })).toEqual([
        { path: 'assets[2].id', message: 'duplicate asset id "e1"' },
      ]);
    });

    it("reports a page's own problems under its path", async () => {
      expect(await check((c) => (c.assets[3] = page({ title: ' ' })))).toEqual([
        { path: 'assets[3].title', message: 'must not be empty' },
      ]);
    });

    describe('slot rectangles (PDF pages, social images)', () => {
      const rect = { slot: 'company_name', page: 1, x: 10, y: 10, width: 100, height: 20, align: 'left' as const };
      it.each([
        ['an unknown slot', { slot: 'nope' }, [{ path: 'assets[1].slots[0].slot', message: 'unknown slot "nope"' }]],
        [
          'a slot that cannot be drawn (a colour)',
          { slot: 'brand' },
          [{ path: 'assets[1].slots[0].slot', message: 'a color slot cannot be drawn into a rectangle' }],
        ],
        [
          'an unknown alignment',
          { align: 'justify' as never },
          [{ path: 'assets[1].slots[0].align', message: 'must be one of left, center, right' }],
        ],
        [
          'a text colour that is not hex',
          { textColor: 'blue' },
          [{ path: 'assets[1].slots[0].textColor', message: 'must be a hex colour' }],
        ],
        [
          'a font size out of range',
          { maxFontSize: 201 },
          [{ path: 'assets[1].slots[0].maxFontSize', message: 'must be between 4 and 200' }],
        ],
        [
          'a page the PDF does not have',
          { page: 2 },
          [{ path: 'assets[1].slots[0]', message: 'page must be between 1 and 1' }],
        ],
        ['no width', { width: 0 }, [{ path: 'assets[1].slots[0]', message: 'width and height must be positive' }]],
        [
          'a rectangle past the page',
          { x: 550 },
          [{ path: 'assets[1].slots[0]', message: 'the rectangle must lie within 600 × 800' }],
        ],
      ])('refuses %s', async (_what, change, problems) => {
        expect(await check((c) => (c.assets[1] = pdf({ slots: [{ ...rect, ...change }] })))).toEqual(problems);
      });

      it(`refuses more than ${LIMITS.rectsPerAsset} rectangles`, async () => {
        expect(await check((c) => (c.assets[1] = pdf({ slots: Array(LIMITS.rectsPerAsset + 1).fill(rect) })))).toEqual([
          { path: 'assets[1].slots', message: `at most ${LIMITS.rectsPerAsset} slot rectangles` },
        ]);
      });

      it('measures social rectangles against the image', async () => {
        expect(
          await check(
            (c) =>
              (c.assets[2] = social({
                slots: [{ slot: 'logo', x: 1100, y: 0, width: 200, height: 100, align: 'left' }],
              })),
          ),
        ).toEqual([{ path: 'assets[2].slots[0]', message: 'the rectangle must lie within 1200 × 627' }]);
      });
    });

    describe('social copy', () => {
      it('refuses a network it does not know', async () => {
        expect(await check((c) => (c.assets[2] = social({ copy: { myspace: 'hi' } as never })))).toEqual([
          { path: 'assets[2].copy.myspace', message: 'unknown network; use linkedin, x, facebook, instagram' },
        ]);
      });

      it('refuses a logo or a colour in post copy', async () => {
        const problems = await check(
          (c) => (c.assets[2] = social({ copy: { linkedin: 'Logo: {{partner.logo}}\nColour: {{partner.brand}}' } })),
        );
        expect(problems).toEqual([
          { path: 'assets[2].copy.linkedin', message: 'a logo slot cannot be used in post copy', line: 1 },
          { path: 'assets[2].copy.linkedin', message: 'a color slot cannot be used in post copy', line: 2 },
        ]);
      });

      it("refuses copy the longest partner values would take past the network's limit; on X a link counts 23", async () => {
        const limit = SOCIAL_COPY_LIMITS.x;
        // The text slot counts as the longest value it accepts, each character at its heaviest
        // (X counts a Chinese character as 2).
        const long = await check(
          (c) => (c.assets[2] = social({ copy: { x: `${'a'.repeat(250)} {{partner.company_name}}` } })),
        );
        expect(long).toEqual([
          {
            path: 'assets[2].copy.x',
            message: `can reach ${250 + 1 + maxLengthOf({ type: 'text' }) * SOCIAL_MAX_CHARACTER_WEIGHT.x} characters with the longest partner values; x allows ${limit}`,
          },
        ]);
        // X shortens every link to 23 characters, so a URL slot counts 23 there, whatever its length.
        const X_LINK = 23;
        expect(
          await check(
            (c) => (c.assets[2] = social({ copy: { x: `${'a'.repeat(limit - 1 - X_LINK)} {{partner.site}}` } })),
          ),
        ).toEqual([]);
        expect(
          await check((c) => (c.assets[2] = social({ copy: { x: `${'a'.repeat(limit - X_LINK)} {{partner.site}}` } }))),
        ).toEqual([
          {
            path: 'assets[2].copy.x',
            message: `can reach ${limit + 1} characters with the longest partner values; x allows ${limit}`,
          },
        ]);
      });
    });

    describe('the landing page', () => {
      it('allows one page per campaign', async () => {
        expect(await check((c) => c.assets.push(page({ id: 'pg2' })))).toEqual([
          {
            path: 'assets',
            message: 'a campaign has at most one landing page (its address is /p/<partner>/<campaign>)',
          },
        ]);
      });

      it('needs a page for {{links.page}} by the time the campaign is published, not before', async () => {
        const linking = (c: CampaignContent) => {
          c.assets = c.assets.filter((a) => a.kind !== 'page');
          c.assets[0] = email({ mjml: MJML.replace('{{links.site}}', '{{links.page}}') });
        };
        expect(await check(linking, 'save')).toEqual([]);
        expect(await check(linking, 'publish')).toEqual([
          {
            path: 'assets[0].mjml',
            message: "{{links.page}} links to the campaign's landing page: add a page asset first",
            line: 3,
          },
        ]);
      });
    });
  });

  describe('the sequence', () => {
    const steps = (change: (s: SequenceStep[]) => void) => (c: CampaignContent) => change(c.sequence!.steps);
    it.each([
      [
        'a step id used twice',
        steps((s) => (s[1].id = 'one')),
        [{ path: 'sequence.steps[1].id', message: 'duplicate step id "one"' }],
      ],
      [
        'a step of an email that does not exist',
        steps((s) => (s[1].emailAssetId = 'p1')),
        [{ path: 'sequence.steps[1].emailAssetId', message: 'no email asset with id "p1"' }],
      ],
      [
        'a negative or fractional wait',
        steps((s) => (s[0].wait = { type: 'duration', days: 1.5, hours: -1 })),
        [{ path: 'sequence.steps[0].wait', message: 'days, hours and minutes must be whole non-negative numbers' }],
      ],
      [
        'a wait over a year',
        steps((s) => (s[0].wait = { type: 'duration', days: LIMITS.maxWaitDays, minutes: 1 })),
        [{ path: 'sequence.steps[0].wait', message: `must be at most ${LIMITS.maxWaitDays} days` }],
      ],
      [
        'an unknown weekday and a time that is not HH:MM',
        steps((s) => (s[1].wait = { type: 'next_weekday', weekday: 'someday' as never, time: '9:30' })),
        [
          {
            path: 'sequence.steps[1].wait.weekday',
            message: 'must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday',
          },
          { path: 'sequence.steps[1].wait.time', message: 'must be HH:MM (24-hour)' },
        ],
      ],
      [
        'an unknown kind of wait',
        steps((s) => (s[0].wait = { type: 'sometime' } as never)),
        [{ path: 'sequence.steps[0].wait.type', message: 'must be duration or next_weekday' }],
      ],
      [
        'a window without days',
        steps((s) => (s[1].window = { days: [], startHour: 9, endHour: 17 })),
        [
          {
            path: 'sequence.steps[1].window.days',
            message: 'must list days among monday, tuesday, wednesday, thursday, friday, saturday, sunday',
          },
        ],
      ],
      [
        'a window that ends before it starts',
        steps((s) => (s[1].window = { days: ['monday'], startHour: 17, endHour: 9 })),
        [
          {
            path: 'sequence.steps[1].window',
            message: 'startHour and endHour must be whole hours with 0 ≤ startHour < endHour ≤ 24',
          },
        ],
      ],
      [
        'an unknown condition',
        steps((s) => (s[1].condition = 'previous_replied' as never)),
        [
          {
            path: 'sequence.steps[1].condition',
            message: 'must be one of always, previous_not_opened, previous_not_clicked, previous_clicked',
          },
        ],
      ],
      [
        'a condition on the first step',
        steps((s) => (s[0].condition = 'previous_clicked')),
        [{ path: 'sequence.steps[0].condition', message: 'the first step has no previous email to depend on' }],
      ],
      [
        'an exit on a link the campaign does not have',
        (c: CampaignContent) => (c.sequence!.exit.clickedLink = 'pricing'),
        [{ path: 'sequence.exit.clickedLink', message: 'no campaign link named "pricing"' }],
      ],
    ])('refuses %s', async (_what, change, problems) => {
      expect(await check(change)).toEqual(problems);
    });

    it(`refuses more than ${MAX_SEQUENCE_STEPS} steps`, async () => {
      const problems = await check(
        steps((s) => s.push(...Array.from({ length: MAX_SEQUENCE_STEPS }, (_, i) => step({ id: `s${i}` })))),
      );
      expect(problems).toEqual([{ path: 'sequence.steps', message: `at most ${MAX_SEQUENCE_STEPS} steps` }]);
    });

    it('saves a sequence without steps, and publishes none', async () => {
      const empty = steps((s) => s.splice(0));
      expect(
        await check((c) => {
          empty(c);
          c.sequence!.exit.clickedLink = null;
        }),
      ).toEqual([]);
      expect(await check((c) => empty(c), 'publish')).toEqual([
        { path: 'sequence.steps', message: 'a sequence needs at least one step' },
      ]);
    });
  });

  it('saves a campaign without assets, and does not publish it', async () => {
    const bare = (c: CampaignContent) => {
      c.assets = [];
      c.sequence = null;
    };
    expect(await check(bare, 'save')).toEqual([]);
    expect(await check(bare, 'publish')).toEqual([
      { path: 'assets', message: 'a campaign needs at least one asset to be published' },
    ]);
  });
});
