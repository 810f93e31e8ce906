import { FIXTURE_MJML, FIXTURE_VOCABULARY } from '../testing/fixtures';
import { checkEmailAsset } from './email-asset-check';

const asset = (mjml: string, subject = 'Protect {{prospect.company}} with {{partner.company_name}}') => ({ subject, preheader: 'Backups that just work', mjml });

describe(checkEmailAsset.name, () => {
  it('accepts a complete template', async () => {
    expect(await checkEmailAsset(asset(FIXTURE_MJML), FIXTURE_VOCABULARY)).toEqual([]);
  });

  it('names an unknown variable with its line', async () => {
    const mjml = FIXTURE_MJML.replace('Hi {{prospect.first_name}}', 'Hi {{prospect.favourite_colour}}');
    const problems = await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY);
    expect(problems).toEqual([expect.objectContaining({ path: 'mjml', line: 9, message: expect.stringContaining('Unknown variable prospect.favourite_colour') })]);
  });

  it('requires the unsubscribe link outside conditional blocks', async () => {
    const missing = await checkEmailAsset(asset(FIXTURE_MJML.replace('<a href="{{links.unsubscribe}}">Unsubscribe</a>', '')), FIXTURE_VOCABULARY);
    expect(missing).toEqual([expect.objectContaining({ path: 'mjml', message: expect.stringContaining('{{links.unsubscribe}}') })]);
    const hidden = FIXTURE_MJML.replace('<a href="{{links.unsubscribe}}">Unsubscribe</a>', '{{#if prospect.email}}<a href="{{links.unsubscribe}}">Unsubscribe</a>{{/if}}');
    expect(await checkEmailAsset(asset(hidden), FIXTURE_VOCABULARY)).toEqual([expect.objectContaining({ message: expect.stringContaining('outside any {{#if}} block') })]);
  });

  it("requires the partner's postal address", async () => {
    const problems = await checkEmailAsset(asset(FIXTURE_MJML.replace('{{partner.address}}', '')), FIXTURE_VOCABULARY);
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('postal address') })]);
  });

  it('reports strict MJML errors at the line of the vendor source', async () => {
    const mjml = FIXTURE_MJML.replace('<mj-text font-size="11px">', '<mj-text font-size="eleven">');
    const problems = await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY);
    expect(problems).toEqual([expect.objectContaining({ path: 'mjml', line: 13, message: expect.stringContaining('font-size') })]);
  });

  it('refuses helpers, partials, triple-stash and else-if chains', async () => {
    const mjml = FIXTURE_MJML.replace('Hello,', '{{lookup prospect "x"}}{{> footer}}{{{prospect.email}}}');
    const messages = (await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY)).map((p) => p.message);
    expect(messages).toEqual([expect.stringContaining('Helpers are not allowed'), 'Partials are not allowed', expect.stringContaining('Unescaped output')]);
    const chain = FIXTURE_MJML.replace('{{else}}Hello,{{/if}}', '{{else if prospect.company}}Hello team,{{/if}}');
    expect((await checkEmailAsset(asset(chain), FIXTURE_VOCABULARY)).map((p) => p.message)).toEqual([expect.stringContaining('{{else if}}')]);
  });

  it('keeps partner text out of link targets and prospect data out of URLs and styles', async () => {
    const cases: Array<[string, string, string]> = [
      ['href="{{partner.website}}"', 'href="{{partner.company_name}}"', 'is a text slot and cannot be used in href'],
      ['href="{{links.trial}}"', 'href="{{prospect.email}}"', 'prospect data never chooses where a link goes'],
      ['background-color="{{partner.primary_color}}"', 'background-color="#000000" css-class="{{prospect.company}}"', 'cannot be used in css-class'],
      ['.brand { color: {{partner.primary_color}}; }', '.brand { content: "{{partner.company_name}}"; }', 'cannot be used in a style sheet'],
      ['<mj-image src', '<mj-image {{partner.company_name}} src', 'outside any attribute value'],
    ];
    for (const [from, to, message] of cases) {
      const problems = await checkEmailAsset(asset(FIXTURE_MJML.replace(from, to)), FIXTURE_VOCABULARY);
      expect(problems[0]).toEqual(expect.objectContaining({ path: 'mjml', message: expect.stringContaining(message) }));
    }
  });

  it('requires optional slots without fallback to be guarded', async () => {
    const mjml = FIXTURE_MJML.replace('{{#if partner.phone}} or call {{partner.phone}}{{/if}}', ' or call {{partner.phone}}');
    expect(await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY)).toEqual([expect.objectContaining({ line: 12, message: expect.stringContaining('wrap it in {{#if partner.phone}}') })]);
  });

  it('checks subject and preheader', async () => {
    const problems = await checkEmailAsset({ subject: 'Hi {{links.trial}}', preheader: 'x'.repeat(400), mjml: FIXTURE_MJML }, FIXTURE_VOCABULARY);
    expect(problems.map((p) => p.path)).toEqual(['subject', 'preheader']);
  });

  it('never follows mj-include', async () => {
    const mjml = FIXTURE_MJML.replace('<mj-body>', '<mj-body><mj-include path="/etc/passwd" />');
    expect((await checkEmailAsset(asset(mjml), FIXTURE_VOCABULARY)).map((p) => p.message)).toContain('<mj-include> is not supported: a template must be self-contained');
  });

  it('reports a template syntax error with its line', async () => {
    const problems = await checkEmailAsset(asset(FIXTURE_MJML.replace('{{/if}}</mj-text>', '{{/iff}}</mj-text>')), FIXTURE_VOCABULARY);
    expect(problems).toEqual([expect.objectContaining({ path: 'mjml', line: 9, message: expect.stringContaining('Template syntax error') })]);
  });
});
