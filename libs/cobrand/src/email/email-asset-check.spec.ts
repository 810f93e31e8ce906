import { FIXTURE_MJML, FIXTURE_VOCABULARY } from '../testing/fixtures';
import { checkEmailAsset } from './email-asset-check';

const asset = (mjml: string, subject = 'Protect {{prospect.company}} with {{partner.company_name}}') => ({
  subject,
  preheader: 'Backups that just work',
  mjml,
});

describe(checkEmailAsset.name, () => {
  it('accepts a complete template', async () => {
    expect(await checkEmailAsset(asset(FIXTURE_MJML), FIXTURE_VOCABULARY)).toEqual([]);
  });

  it('names an unknown variable with its line', async () => {
    const mjml = FIXTURE_MJML.replace('Hi {{prospect.first_name}}', 'Hi {{prospect.favourite_colour}}');
    const problems = await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'mjml',
        line: 9,
        message: expect.stringContaining('Unknown variable prospect.favourite_colour'),
      }),
    ]);
  });

  it('requires the unsubscribe link outside conditional blocks', async () => {
    const missing = await checkEmailAsset(
      asset(FIXTURE_MJML.replace('<a href="{{links.unsubscribe}}">Unsubscribe</a>', '')),
      FIXTURE_VOCABULARY,
    );
    // Shown at the closing </mj-body>, where the footer belongs.
    expect(missing).toEqual([
      expect.objectContaining({ path: 'mjml', line: 16, message: expect.stringContaining('{{links.unsubscribe}}') }),
    ]);
    const hidden = FIXTURE_MJML.replace(
      '<a href="{{links.unsubscribe}}">Unsubscribe</a>',
      '{{#if prospect.email}}<a href="{{links.unsubscribe}}">Unsubscribe</a>{{/if}}',
    );
    expect(await checkEmailAsset(asset(hidden), FIXTURE_VOCABULARY)).toEqual([
      expect.objectContaining({ message: expect.stringContaining('outside any {{#if}} block') }),
    ]);
  });

  it("requires the partner's postal address", async () => {
    const problems = await checkEmailAsset(asset(FIXTURE_MJML.replace('{{partner.address}}', '')), FIXTURE_VOCABULARY);
    expect(problems).toEqual([
      expect.objectContaining({ line: 16, message: expect.stringContaining('postal address') }),
    ]);
  });

  it('shows a missing footer at the last line when the template has no </mj-body>', async () => {
    const problems = await checkEmailAsset(asset('<mjml>\n<mj-text>Hi</mj-text>\n</mjml>\n'), FIXTURE_VOCABULARY);
    expect(problems.filter((p) => p.message.startsWith('Every email must contain'))).toEqual([
      expect.objectContaining({ line: 3 }),
      expect.objectContaining({ line: 3 }),
    ]);
  });

  it('reports strict MJML errors at the line of the vendor source', async () => {
    const mjml = FIXTURE_MJML.replace('<mj-text font-size="11px">', '<mj-text font-size="eleven">');
    const problems = await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'mjml', line: 13, message: expect.stringContaining('font-size') }),
    ]);
  });

  it('refuses helpers, partials, triple-stash and else-if chains', async () => {
    const mjml = FIXTURE_MJML.replace('Hello,', '{{lookup prospect "x"}}{{> footer}}{{{prospect.email}}}');
    const messages = (await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY)).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringContaining('Helpers are not allowed'),
      'Partials are not allowed',
      expect.stringContaining('Unescaped output'),
    ]);
    const chain = FIXTURE_MJML.replace('{{else}}Hello,{{/if}}', '{{else if prospect.company}}Hello team,{{/if}}');
    expect((await checkEmailAsset(asset(chain), FIXTURE_VOCABULARY)).map((p) => p.message)).toEqual([
      expect.stringContaining('{{else if}}'),
    ]);
  });

  it('keeps partner text out of link targets and prospect data out of URLs and styles', async () => {
    const cases: Array<[string, string, string]> = [
      ['href="{{partner.website}}"', 'href="{{partner.company_name}}"', 'is a text slot and cannot be used in href'],
      ['href="{{links.trial}}"', 'href="{{prospect.email}}"', 'prospect data never chooses where a link goes'],
      [
        'background-color="{{partner.primary_color}}"',
        'background-color="#000000" css-class="{{prospect.company}}"',
        'cannot be used in css-class',
      ],
      [
        '.brand { color: {{partner.primary_color}}; }',
        '.brand { content: "{{partner.company_name}}"; }',
        'cannot be used in a style sheet',
      ],
      ['<mj-image src', '<mj-image {{partner.company_name}} src', 'outside any attribute value'],
    ];
    for (const [from, to, message] of cases) {
      const problems = await checkEmailAsset(asset(FIXTURE_MJML.replace(from, to)), FIXTURE_VOCABULARY);
      expect(problems[0]).toEqual(expect.objectContaining({ path: 'mjml', message: expect.stringContaining(message) }));
    }
  });

  it('accepts the derived readable colours wherever a colour slot may go, and nowhere else', async () => {
    const readable = FIXTURE_MJML.replace(
      '.brand { color: {{partner.primary_color}}; }',
      '.brand { color: {{partner.primary_color_readable}}; }',
    ).replace(
      '<mj-button background-color="{{partner.primary_color}}"',
      '<mj-button background-color="{{partner.primary_color}}" color="{{partner.primary_color_text}}"',
    );
    expect(await checkEmailAsset(asset(readable), FIXTURE_VOCABULARY)).toEqual([]);
    const inLink = await checkEmailAsset(
      asset(FIXTURE_MJML.replace('href="{{links.trial}}"', 'href="{{partner.primary_color_text}}"')),
      FIXTURE_VOCABULARY,
    );
    expect(inLink).toEqual([
      expect.objectContaining({ message: expect.stringContaining('is a color slot and cannot be used in href') }),
    ]);
    const ofText = await checkEmailAsset(
      asset(FIXTURE_MJML.replace('{{partner.primary_color}}; }', '{{partner.company_name_text}}; }')),
      FIXTURE_VOCABULARY,
    );
    expect(ofText).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Unknown variable partner.company_name_text') }),
    ]);
  });

  it('lets a derived colour of an optional colour be guarded by the colour itself', async () => {
    const vocabulary = {
      ...FIXTURE_VOCABULARY,
      slots: new Map([
        ...FIXTURE_VOCABULARY.slots,
        ['accent', { name: 'accent', type: 'color' as const, required: false }],
      ]),
    };
    const guarded = FIXTURE_MJML.replace(
      '<mj-text font-size="11px">',
      '{{#if partner.accent}}<mj-text color="{{partner.accent_text}}">x</mj-text>{{/if}}<mj-text font-size="11px">',
    );
    expect(await checkEmailAsset(asset(guarded), vocabulary)).toEqual([]);
    const bare = FIXTURE_MJML.replace(
      '<mj-text font-size="11px">',
      '<mj-text color="{{partner.accent_text}}">x</mj-text><mj-text font-size="11px">',
    );
    expect(await checkEmailAsset(asset(bare), vocabulary)).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('wrap it in {{#if partner.accent_text}}') }),
    );
  });

  it.each([
    ['a script', '<mj-raw><script>alert(1)</script></mj-raw>', '<script>'],
    ['an embedded frame', '<mj-raw><iframe src="https://evil.example/"></iframe></mj-raw>', '<iframe>'],
    ['a meta refresh', '<mj-raw><meta http-equiv="refresh" content="0;url=https://evil.example/"></mj-raw>', 'refresh'],
    ['an event handler', '<mj-text><img src="https://acme.example/x.png" onerror="alert(1)"></mj-text>', 'onerror'],
    ['a javascript: link', '<mj-text><a href="javascript:alert(1)">x</a></mj-text>', 'javascript:'],
    [
      'a disguised javascript: link',
      '<mj-text><a href=" jav&#x61;&#9;script&colon;alert(1)">x</a></mj-text>',
      'javascript:',
    ],
    ['a javascript: button', '<mj-button href="JavaScript:alert(1)">x</mj-button>', 'javascript:'],
    [
      'a javascript: in SVG animation',
      '<mj-raw><svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg></mj-raw>',
      'javascript:',
    ],
    ['a script behind an escaped expression', '<mj-text>\\{{<script>alert(1)</script>}}</mj-text>', '<script>'],
  ])('refuses %s with its line', async (_what, markup, message) => {
    const mjml = FIXTURE_MJML.replace('<mj-text font-size="11px">', `${markup}\n        <mj-text font-size="11px">`);
    const problems = await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY);
    expect(problems).toContainEqual({ path: 'mjml', line: 13, message: expect.stringContaining(message) });
    expect(problems.filter((p) => /active content/.test(p.message))).toHaveLength(1);
  });

  it('refuses styles that run code, and leaves words that merely look like code alone', async () => {
    const styled = FIXTURE_MJML.replace(
      '.brand { color: {{partner.primary_color}}; }',
      '.brand { color: {{partner.primary_color}}; background: url("javascript:alert(1)"); width: expression(alert(1)); }',
    );
    const problems = await checkEmailAsset(asset(styled), FIXTURE_VOCABULARY);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, expect.stringContaining('javascript:')],
      [3, expect.stringContaining('expression(')],
    ]);
    const words = FIXTURE_MJML.replace(
      'Acme Cloud Backup keeps every file safe.',
      'Onboarding is simple; javascript: is not needed, nor <b>scripts</b>.',
    );
    expect(await checkEmailAsset(asset(words), FIXTURE_VOCABULARY)).toEqual([]);
  });

  it('requires optional slots without fallback to be guarded', async () => {
    const mjml = FIXTURE_MJML.replace(
      '{{#if partner.phone}} or call {{partner.phone}}{{/if}}',
      ' or call {{partner.phone}}',
    );
    expect(await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY)).toEqual([
      expect.objectContaining({ line: 12, message: expect.stringContaining('wrap it in {{#if partner.phone}}') }),
    ]);
  });

  it('checks subject and preheader', async () => {
    const problems = await checkEmailAsset(
      { subject: 'Hi {{links.trial}}', preheader: 'x'.repeat(400), mjml: FIXTURE_MJML },
      FIXTURE_VOCABULARY,
    );
    expect(problems.map((p) => p.path)).toEqual(['subject', 'preheader']);
  });

  it('never follows mj-include', async () => {
    const mjml = FIXTURE_MJML.replace('<mj-body>', '<mj-body><mj-include path="/etc/passwd" />');
    expect((await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY)).map((p) => p.message)).toContain(
      '<mj-include> is not supported: a template must be self-contained',
    );
  });

  it('reports a template syntax error with its line', async () => {
    const problems = await checkEmailAsset(
      asset(FIXTURE_MJML.replace('{{/if}}</mj-text>', '{{/iff}}</mj-text>')),
      FIXTURE_VOCABULARY,
    );
    expect(problems).toEqual([
      expect.objectContaining({ path: 'mjml', line: 9, message: expect.stringContaining('Template syntax error') }),
    ]);
  });
});
