import type { CampaignContent, EmailAsset, PageAsset, SocialAsset } from '@tcma/campaign-model';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { campaignXliff, importCampaignXliff, putTranslation } from './campaign-xliff';
import { collateralInLanguage, collateralVariantHolds } from './collateral-variants';
import { pageCopyFile, socialCopyFile } from './collateral-copy';
import { incompleteLanguages } from './email-variants';
import { copyOfHtml } from './html-copy';
import { withTranslations } from './mjml-copy';

const PAGE_HTML = fs.readFileSync(path.resolve(__dirname, '../../../templates/acme-cloud-backup/page.html'), 'utf8');
const at = new Date('2026-11-29T09:00:00Z');

/** A "translator": each source returned as its target, every run of text outside the inline codes marked. */
const translate = (xliff: string, mark: string) =>
  xliff.replace(/<source>([\s\S]*?)<\/source>/g, (_m, s: string) => {
    const target = s.replace(
      /(^|>)([^<]*\S[^<]*)(?=<|$)/g,
      (_t, lead: string, text: string) => `${lead}${mark}${text}`,
    );
    return `<source>${s}</source><target>${target}</target>`;
  });

const email: EmailAsset = {
  id: 'e1',
  kind: 'email',
  name: 'Welcome',
  subject: 'Welcome, {{prospect.first_name}}',
  preheader: '',
  mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hello</mj-text></mj-column></mj-section></mj-body></mjml>',
};
const social: SocialAsset = {
  id: 's1',
  kind: 'social',
  name: 'Post',
  image: { key: 'en.png', contentType: 'image/png', size: 1, width: 1200, height: 627 },
  slots: [],
  copy: {
    linkedin: 'Backups every 15 minutes.\n\nAsk {{partner.company_name}}: {{partner.website}}',
    x: '{{partner.website}}',
  },
};
const page: PageAsset = {
  id: 'g1',
  kind: 'page',
  name: 'Registration',
  title: 'Book a live demo with {{partner.company_name}}',
  html: PAGE_HTML,
  noindex: false,
  form: {
    fields: [
      { name: 'email', label: 'Work email', type: 'email', required: true },
      { name: 'company', label: 'Company', type: 'text', required: false },
    ],
    consent: { text: 'I agree that {{partner.company_name}} may contact me.', required: true },
    submitLabel: 'Book my demo',
    successMessage: 'Thank you.',
    onSubmit: 'none',
  },
};
const content = (): CampaignContent =>
  ({ language: 'en', assets: structuredClone([email, social, page]) }) as unknown as CampaignContent;

describe("a landing page's copy", () => {
  it('is each run of text between blocks, tags as codes, placeholders as written, and the words of images', () => {
    const texts = copyOfHtml(PAGE_HTML).map((u) => u.copy.text);
    expect(texts).toEqual([
      'Book a live demo of Acme Cloud Backup',
      expect.stringMatching(/^Automatic, encrypted backups .* \{\{partner\.company_name\}\} shows you how/),
      'Every file and mailbox backed up every 15 minutes',
      'Encrypted before it leaves your office',
      'Restores in minutes, from any device',
      expect.stringMatching(
        /^\{\{partner\.company_name\}\} · \{\{partner\.address\}\} · \[1\]\{\{partner\.website\}\}\[\/1\]\[2\/\]\s+An authorised Acme Cloud Backup partner\. \[3\]Pricing\[\/3\]$/,
      ),
    ]);
    // The logo (a Handlebars block around an image whose alt is the partner's name) has no words: not a unit.
    expect(texts.join(' ')).not.toContain('#if');

    const html =
      '<div>Loose <b>text</b><p>In a paragraph</p>and after<img alt="A chart of restores" src="c.png"></div><script>var s = "no words"</script><input placeholder="Your name">';
    const units = copyOfHtml(html);
    expect(units.map((u) => [u.kind, u.copy.text])).toEqual([
      ['element', 'Loose [1]text[/1]'],
      ['element', 'In a paragraph'],
      ['element', 'and after[1/]'],
      ['attribute', 'A chart of restores'],
      ['attribute', 'Your name'],
    ]);
    const out = withTranslations(html, units, new Map(units.map((u) => [u.id, `DE ${u.copy.text}`])));
    expect(out).toBe(
      '<div>DE Loose <b>text</b><p>DE In a paragraph</p>DE and after<img alt="DE A chart of restores" src="c.png"></div><script>var s = "no words"</script><input placeholder="DE Your name">',
    );
  });

  it('keeps a sentence with an image in it whole, the image a code and its words a unit put back into it', () => {
    const html = '<p>Call <img src="phone.png" alt="the phone icon" title=\'Phone\'> us &amp; save</p>';
    const units = copyOfHtml(html);
    expect(units.map((u) => [u.kind, u.copy.text])).toEqual([
      ['element', 'Call [1/] us & save'],
      ['attribute', 'the phone icon'],
      ['attribute', 'Phone'],
    ]);
    const [sentence, alt, title] = units;
    const targets = new Map([
      [sentence.id, 'Rufen Sie [1/] an & sparen Sie'],
      [alt.id, 'das „Telefon“-Symbol'],
      [title.id, 'Telefon <24/7>'],
    ]);
    expect(withTranslations(html, units, targets)).toBe(
      '<p>Rufen Sie <img src="phone.png" alt="das „Telefon“-Symbol" title=\'Telefon &lt;24/7&gt;\'> an &amp; sparen Sie</p>',
    );
    // The image's words alone translated: the sentence stays as written around them.
    expect(withTranslations(html, units, new Map([[alt.id, 'Telefon']]))).toBe(
      '<p>Call <img src="phone.png" alt="Telefon" title=\'Phone\'> us &amp; save</p>',
    );
  });

  it("is a file of the page's title, its HTML's units and its form's words", () => {
    expect(pageCopyFile(page).units.map((u) => u.id)).toEqual([
      'title',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'label.email',
      'label.company',
      'consent',
      'submit',
      'success',
    ]);
    // A network whose copy is only placeholders has nothing to translate.
    expect(socialCopyFile(social).units.map((u) => u.id)).toEqual(['copy.linkedin']);
  });
});

describe("a campaign's XLIFF with its posts and pages", () => {
  it("comes back as the post's and the page's variants, words translated, the rest the default's", () => {
    const draft = content();
    const xml = campaignXliff(draft, 'de');
    expect(xml).toContain('<file id="s1" original="social Post">');
    expect(xml).toContain('<file id="g1" original="page Registration">');
    const imported = importCampaignXliff(draft, 'de', translate(xml, 'DE '));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    for (const asset of draft.assets) {
      const targets = imported.targets.get(asset.id);
      if (asset.kind !== 'pdf' && targets) putTranslation(asset, 'de', targets, 'xliff', at);
    }
    const [, post, registration] = draft.assets as [EmailAsset, SocialAsset, PageAsset];
    expect(post.variants?.de).toEqual({
      copy: { linkedin: 'DE Backups every 15 minutes.\n\nAsk {{partner.company_name}}: {{partner.website}}' },
      sourceDigest: expect.any(String),
      origin: 'xliff',
      savedAt: at.toISOString(),
    });
    const german = collateralInLanguage(registration, draft, 'de-AT').asset;
    expect(german.title).toBe('DE Book a live demo with {{partner.company_name}}');
    expect(german.html).toContain('<h1 style="font-size:1.8rem;color:{{partner.primary_color_readable}}">DE Book');
    expect(german.html).toContain('{{#if partner.logo}}<img src="{{partner.logo}}"');
    expect(german.form?.fields.map((f) => [f.name, f.label, f.required])).toEqual([
      ['email', 'DE Work email', true],
      ['company', 'DE Company', false],
    ]);
    expect(german.form?.consent?.text).toBe('DE I agree that {{partner.company_name}} may contact me.');
    expect([german.form?.submitLabel, german.form?.successMessage]).toEqual(['DE Book my demo', 'DE Thank you.']);
  });

  it("takes a file without a post or page (they keep the default's), not one without part of one", () => {
    const draft = content();
    const xml = translate(campaignXliff(draft, 'de'), 'DE ');
    const withoutPage = xml.replace(/ {2}<file id="g1"[\s\S]*?<\/file>\n/, '');
    const imported = importCampaignXliff(draft, 'de', withoutPage);
    expect(imported.ok && [...imported.targets.keys()]).toEqual(['e1', 's1']);

    const lines = xml.split('\n');
    const unit = lines.findIndex((l) => l.includes('<unit id="h3">'));
    const partial = [...lines.slice(0, unit), ...lines.slice(lines.indexOf('    </unit>', unit) + 1)].join('\n');
    const refused = importCampaignXliff(draft, 'de', partial);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems.map((p) => p.message)).toEqual([
      'The unit h3 of g1 is missing from the file',
    ]);
    // An email left out is a gap, as before.
    const withoutEmail = xml.replace(/ {2}<file id="e1"[\s\S]*?<\/file>\n/, '');
    expect(importCampaignXliff(draft, 'de', withoutEmail).ok).toBe(false);
  });

  it("holds the language back while a model's draft of a post is not reviewed, as a stale one", () => {
    const draft = content();
    const [, post] = draft.assets as [EmailAsset, SocialAsset];
    putTranslation(post, 'fr', new Map([['copy.linkedin', '[fr] Sauvegardes']]), 'machine', at);
    expect(collateralVariantHolds(post, 'fr')).toBe(true);
    expect(
      incompleteLanguages(draft)
        .find((l) => l.language === 'fr')
        ?.assets.map((a) => a.id),
    ).toEqual(['s1']);
    // Published with fallback, the unreviewed post is never given: French readers get the default's.
    const fallback = { ...draft, languageChoices: { fr: 'fallback' as const } };
    expect(collateralInLanguage(post, fallback, 'fr').language).toBe('en');
    post.variants!.fr.review = { by: 'u1', at: at.toISOString() };
    expect(collateralVariantHolds(post, 'fr')).toBe(false);
    expect(collateralInLanguage(post, fallback, 'fr').asset.copy.linkedin).toBe('[fr] Sauvegardes');
  });
});
