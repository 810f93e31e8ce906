import fc from 'fast-check';
import { SAMPLE_SLOT_VALUES } from '../slots/slot-values';
import { FIXTURE_MJML, FIXTURE_SLOTS, FIXTURE_VOCABULARY } from '../testing/fixtures';
import { checkEmailAsset } from './email-asset-check';
import { compileEmail } from './email-compiler';
import { renderEmail } from './email-renderer';

const content = { slots: FIXTURE_SLOTS, links: [{ name: 'trial', url: 'https://acme.example/trial' }], language: 'en' };

/** Variables as a vendor might write them: canonical, and in every other syntax Handlebars parses. */
const PATHS = [
  'prospect.email',
  'prospect.first_name',
  'prospect.custom.plan',
  'partner.company_name',
  'partner.phone',
  'partner.primary_color',
  'partner.website',
  'links.trial',
  'links.unsubscribe',
  'prospect/email',
  'prospect.[email]',
  'prospect.[first name]',
  'partner/company_name',
  'this.prospect.email',
  './prospect.email',
  '../prospect.email',
  '@root.prospect.email',
  'prospect.email.length',
  'prospect',
  'partner',
  'prospect.custom',
];

const canonical = fc.constantFrom(...PATHS.slice(0, 9));
/** Mostly variables the validator knows, sometimes any other spelling. */
const path = fc.oneof({ weight: 5, arbitrary: canonical }, { weight: 1, arbitrary: fc.constantFrom(...PATHS) });
const tilde = fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constant('~') });
const mustache = fc.tuple(tilde, path, tilde).map(([a, p, b]) => `{{${a}${p}${b}}}`);
/** Text that HTML or Handlebars might read as something else. */
const text = fc.constantFrom(
  'Hi ',
  'a',
  ' ',
  '\n',
  '<b>',
  '</b>',
  '<br />',
  '&amp;',
  '&lbrace;',
  '&#123;',
  '&#x7b;',
  '&#X7D;',
  '&rcub;',
  '&bsol;',
  '{',
  '}',
  '}}',
  '\\',
  '\\{{prospect.email}}',
  '\\\\',
  '"',
  "'",
  '=',
  '&#61;',
  '%7B%7B',
);
const odd = fc.constantFrom(
  '{{',
  '{{! a comment }}',
  '{{!-- {{prospect.email}} --}}',
  '{{~! stripped ~}}',
  '{{{prospect.email}}}',
  '{{{{raw}}}}{{prospect.email}}{{{{/raw}}}}',
  '{{> footer}}',
  '{{#> layout}}x{{/layout}}',
  '{{*decorator}}',
  '{{lookup prospect "email"}}',
  '{{(prospect.email)}}',
  '{{"text"}}',
  '{{1}}',
  '{{true}}',
  '{{null}}',
  '{{undefined}}',
  '{{else}}',
  '{{^}}',
  '{{#each prospect}}x{{/each}}',
  '{{#with prospect}}{{email}}{{/with}}',
  '{{#if prospect.email as |e|}}{{e}}{{/if}}',
  '{{#if partner.phone}}{{else if prospect.email}}x{{/if}}',
);

const { fragment } = fc.letrec<{ fragment: string; block: string }>((tie) => ({
  fragment: fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: text },
        { weight: 5, arbitrary: mustache },
        { weight: 1, arbitrary: odd },
        { weight: 2, arbitrary: tie('block') },
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join('')),
  block: fc
    .tuple(
      fc.constantFrom('if', 'if', 'unless'),
      fc.boolean(),
      path,
      tie('fragment'),
      fc.option(tie('fragment'), { nil: undefined }),
      tilde,
    )
    .map(
      ([helper, inverted, p, body, inverse, t]) =>
        `{{${t}${inverted ? '^' : '#'}${helper} ${p}}}${body}${inverse === undefined ? '' : `{{else}}${inverse}`}{{/${helper}${t}}}`,
    ),
}));

/** Places in the demo-like template where a fragment can land: text, an attribute, a link, a style. */
const PLACES: Array<(f: string) => string> = [
  (f) => FIXTURE_MJML.replace('Acme Cloud Backup keeps every file safe.', f),
  (f) => FIXTURE_MJML.replace('alt="{{partner.company_name}}"', `alt="${f.replace(/"/g, '')}"`),
  (f) => FIXTURE_MJML.replace('href="{{links.trial}}"', `href="${f.replace(/"/g, '')}"`),
  (f) => FIXTURE_MJML.replace('color: {{partner.primary_color}};', `color: ${f};`),
];

const filled = new Map(FIXTURE_SLOTS.map((s) => [s.name, SAMPLE_SLOT_VALUES[s.type]]));
const sparse = new Map(
  FIXTURE_SLOTS.map((s) => [s.name, s.required ? SAMPLE_SLOT_VALUES[s.type] : (s.fallback ?? null)]),
);
const recipients = [
  { email: 'ann@prospect.example', first_name: 'Ann', custom: { plan: 'pro' } },
  { email: 'bob@prospect.example', first_name: null, custom: null },
];

/** Whatever the validator accepts, the renderer renders: for every partner and recipient. */
async function acceptedRenders(asset: { subject: string; preheader: string; mjml: string }): Promise<boolean> {
  const problems = await checkEmailAsset(asset, FIXTURE_VOCABULARY);
  if (problems.length) return true;
  for (const values of [filled, sparse]) {
    const compiled = await compileEmail(asset, content, values);
    for (const prospect of recipients) {
      renderEmail(compiled, {
        prospect,
        unsubscribeUrl: 'https://engine.example/u/t',
        viewInBrowserUrl: 'https://engine.example/v/t',
        preferencesUrl: 'https://engine.example/preferences/t',
        linkUrl: (link) => `https://engine.example/c/${link.index}?u=${encodeURIComponent(link.url)}`,
        openPixelUrl: 'https://engine.example/o/t.gif',
      });
    }
  }
  return true;
}

describe(`${checkEmailAsset.name} (property)`, () => {
  it.each([
    ['{{prospect/email}}', 'Write {{prospect.email}}'],
    ['{{~prospect.email~}}', 'Whitespace control'],
    ['{{prospect/custom/plan}}', 'Write {{prospect.custom.plan}}'],
  ])('refuses %s, which Handlebars parses but the renderer cannot render as written', async (expression, message) => {
    const mjml = FIXTURE_MJML.replace('Acme Cloud Backup keeps every file safe.', `Dear ${expression}.`);
    const problems = await checkEmailAsset({ subject: 's', preheader: 'p', mjml }, FIXTURE_VOCABULARY);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'mjml', line: 10, message: expect.stringContaining(message) }),
    ]);
  });

  it('refuses the same syntax in the subject', async () => {
    const problems = await checkEmailAsset(
      { subject: 'Hi {{~prospect.first_name}}', preheader: '{{prospect/email}}', mjml: FIXTURE_MJML },
      FIXTURE_VOCABULARY,
    );
    expect(problems.map((p) => p.path)).toEqual(['subject', 'preheader']);
  });

  it('renders every email body it accepts, for every partner and recipient', async () => {
    await fc.assert(
      fc.asyncProperty(fragment, fc.integer({ min: 0, max: PLACES.length - 1 }), async (f, place) =>
        acceptedRenders({ subject: 'Hello', preheader: 'Backups', mjml: PLACES[place](f) }),
      ),
      {
        numRuns: 150,
        examples: [
          ['{{prospect/email}}', 0],
          ['{{~prospect.email~}}', 0],
          ['&lbrace;&lbrace;prospect.nickname}}', 0],
        ],
      },
    );
  }, 120_000);

  it('renders every subject and preheader it accepts', async () => {
    const line = fragment.map((f) => f.replace(/[\r\n]/g, ' '));
    await fc.assert(
      fc.asyncProperty(line, line, async (subject, preheader) =>
        acceptedRenders({ subject: `S ${subject}`, preheader, mjml: FIXTURE_MJML }),
      ),
      { numRuns: 150, examples: [['{{~prospect.email~}}', '{{prospect/email}}']] },
    );
  }, 120_000);
});
