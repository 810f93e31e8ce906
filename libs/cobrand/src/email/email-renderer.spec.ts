import type { CampaignContent, SlotDefinition } from '@tcma/campaign-model';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contrastRatio } from '../brand/contrast';
import { BrandValues, resolveSlotValues } from '../slots/resolve-slot-values';
import { CompiledEmailCache } from './compiled-email.cache';
import { compileEmail } from './email-compiler';
import { Recipient, renderEmail } from './email-renderer';

const DEMO = path.resolve(__dirname, '../../../../templates/acme-cloud-backup');
const manifest = JSON.parse(fs.readFileSync(path.join(DEMO, 'campaign.json'), 'utf8')) as {
  slots: SlotDefinition[];
  links: CampaignContent['links'];
  language: string;
  emails: Array<{ subject: string; preheader: string; file: string }>;
};
const content = { slots: manifest.slots, links: manifest.links, language: manifest.language };
const welcome = { ...manifest.emails[0], mjml: fs.readFileSync(path.join(DEMO, manifest.emails[0].file), 'utf8') };

const brand = (overrides: Partial<BrandValues> = {}): BrandValues => ({
  companyName: 'Northwind IT Services',
  contactName: 'Zofia Łukasiewicz',
  email: 'hello@northwind-it.example',
  phone: '+48 42 555 01 23',
  website: 'https://northwind-it.example/',
  address: 'ul. Piotrkowska 104\n90-926 Łódź\nPolska',
  primaryColor: '#0f766e',
  secondaryColor: null,
  logoUrl: 'https://engine.example/public/sha256-aaaa',
  ...overrides,
});

const recipient = (overrides: Partial<Recipient['prospect']> = {}): Recipient => ({
  prospect: { email: 'ann@prospect.example', first_name: 'Ann', company: 'Contoso', ...overrides },
  unsubscribeUrl: 'https://engine.example/u/TOKEN',
  viewInBrowserUrl: 'https://engine.example/v/TOKEN',
  preferencesUrl: 'https://engine.example/preferences/TOKEN',
  linkUrl: (link) => `https://engine.example/c/${link.index}`,
  openPixelUrl: 'https://engine.example/o/1.gif',
});

const compileFor = async (b: BrandValues) => compileEmail(welcome, content, resolveSlotValues(content.slots, b).values);

describe('email rendering', () => {
  it("renders the demo email with the partner's brand and the recipient's data", async () => {
    const compiled = await compileFor(brand());
    const email = renderEmail(compiled, recipient());
    expect(email.subject).toBe('Ann, is your business one click away from losing its data?');
    expect(email.preheader).toBe('Automatic, encrypted backups every 15 minutes, from Northwind IT Services.');
    expect(email.html).toContain('Hi Ann,');
    expect(email.html).toContain('src="https://engine.example/public/sha256-aaaa"');
    expect(email.html).toContain('ul. Piotrkowska 104<br />90-926 Łódź<br />Polska');
    expect(email.html).toContain('background-color:#0f766e');
    expect(email.html).toContain('href="https://engine.example/u/TOKEN"');
    expect(email.html).toContain(email.preheader);
    // Every web link is numbered for tracking: the trial link and the partner's website.
    expect(compiled.links.map((l) => [l.url, l.name])).toEqual([
      ['https://acme-backup.example/trial', 'trial'],
      ['https://northwind-it.example/', null],
    ]);
    expect(email.html).toContain('href="https://engine.example/c/0"');
    expect(email.html).not.toContain('acme-backup.example/trial');
    expect(email.html).not.toMatch(/\{\{|\}\}/);
    expect(email.text).toContain('Hi Ann,');
    expect(email.text).toContain('Start a free 30-day trial [https://engine.example/c/0]');
    expect(email.text).toContain('Unsubscribe [https://engine.example/u/TOKEN]');
    // The preference page is the recipient's own link, never rewritten for tracking.
    expect(email.html).toContain('href="https://engine.example/preferences/TOKEN"');
    expect(email.text).toContain('Email preferences [https://engine.example/preferences/TOKEN]');
    expect(email.text).toContain('Łódź');
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it('falls back where the partner left slots empty and skips optional blocks', async () => {
    const compiled = await compileFor(brand({ logoUrl: null, phone: null, contactName: null, primaryColor: null }));
    const email = renderEmail(compiled, recipient({ first_name: null }));
    expect(email.html).toContain('Hello,');
    expect(email.html).not.toMatch(/<img[^>]+\/public\//);
    expect(email.html).toContain('src="https://engine.example/o/1.gif"');
    expect(email.html).toContain('Your Acme partner team');
    expect(email.html).toContain('background-color:#1e4d8f');
    expect(email.html).not.toContain('tel:');
  });

  it('writes link addresses into the HTML with plain "=" and "&amp;" only where HTML needs it', async () => {
    const tracked = (link: { index: number; url: string; name: string | null }) =>
      `https://engine.example/c/7/${link.index}/s1g?u=${encodeURIComponent(link.url)}${link.name ? `&n=${link.name}` : ''}`;
    const email = renderEmail(await compileFor(brand()), {
      ...recipient(),
      linkUrl: tracked,
      unsubscribeUrl: 'https://engine.example/u/a=b&c',
    });
    expect(email.html).not.toContain('&#x3D;');
    expect(email.html).toContain(
      'href="https://engine.example/c/7/0/s1g?u=https%3A%2F%2Facme-backup.example%2Ftrial&amp;n=trial"',
    );
    expect(email.html).toContain('href="https://engine.example/c/7/1/s1g?u=https%3A%2F%2Fnorthwind-it.example%2F"');
    expect(email.html).toContain('href="https://engine.example/u/a=b&amp;c"');
    // The text part has the addresses exactly as they are.
    expect(email.text).toContain(
      '[https://engine.example/c/7/0/s1g?u=https%3A%2F%2Facme-backup.example%2Ftrial&n=trial]',
    );
    expect(email.text).toContain('[https://engine.example/u/a=b&c]');
  });

  it("declares the campaign's language on the HTML", async () => {
    const values = resolveSlotValues(content.slots, brand()).values;
    expect(
      renderEmail(await compileEmail(welcome, { ...content, language: 'pt-BR' }, values), recipient()).html,
    ).toMatch(/<html[^>]* lang="pt-BR"/);
    const declared = { ...welcome, mjml: welcome.mjml.replace('<mjml>', '<mjml lang="fr">') };
    expect(renderEmail(await compileEmail(declared, { ...content, language: 'pl' }, values), recipient()).html).toMatch(
      /<html[^>]* lang="pl"/,
    );
  });

  it('runs an email in a right-to-left language from the right, whatever the template said', async () => {
    const values = resolveSlotValues(content.slots, brand()).values;
    const html = async (language: string, mjml = welcome.mjml) =>
      renderEmail(await compileEmail({ ...welcome, mjml }, { ...content, language }, values), recipient()).html;
    expect(await html('ar')).toMatch(/<html[^>]* lang="ar" dir="rtl"/);
    expect(await html('he', welcome.mjml.replace('<mjml>', '<mjml dir="ltr">'))).toMatch(/<html[^>]* dir="rtl"/);
    expect(await html('az-Arab')).toMatch(/<html[^>]* dir="rtl"/);
    expect(await html('de')).not.toMatch(/dir="rtl"/);
  });

  it('keeps text readable on a light partner colour', async () => {
    const email = renderEmail(await compileFor(brand({ primaryColor: '#fde047' })), recipient());
    // The banner keeps the partner's yellow and its heading turns dark.
    const banner =
      /background-color:#fde047[\s\S]*?<div\s+style="[^"]*;color:(#[0-9a-f]{6});"\s*>Your files, safe in the cloud/.exec(
        email.html,
      );
    expect(banner?.[1]).toBe('#000000');
    // The button, white text on the colour, takes a darker shade of it that white reads on.
    const button =
      /<a\s+href="https:\/\/engine\.example\/c\/0" style="[^"]*background:(#[0-9a-f]{6});color:#ffffff;/.exec(
        email.html,
      );
    expect(button?.[1]).not.toBe('#fde047');
    expect(contrastRatio(button![1], '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps hostile partner values inert in every place they land', async () => {
    const hostile = '{{#each this}}{{@key}}{{/each}}<script>alert(1)</script>\\{{prospect.email}}"\' onmouseover=x';
    const values = resolveSlotValues(content.slots, brand()).values;
    values.set('company_name', hostile);
    values.set('contact_name', 'x'.repeat(10_000));
    values.set('website', 'javascript:alert(document.cookie)');
    values.set('logo', 'data:image/svg+xml,<svg onload=alert(1)>');
    const compiled = await compileEmail(welcome, content, values);
    const email = renderEmail(compiled, recipient());
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.html).toContain('&#123;&#123;#each this&#125;&#125;');
    // The bad URLs never become link or image targets (as plain text they are harmless).
    expect(email.html).not.toMatch(/(href|src)="\s*(javascript|data):/i);
    expect(email.html).toContain('<a href="#">javascript:alert(document.cookie)</a>');
    expect(email.html).not.toMatch(/\sonmouseover=/);
    expect(email.html).toContain('x'.repeat(10_000));
    // In the text part the value reads as the partner typed it, and is still not a template.
    expect(email.text).toContain('{{#each this}}{{@key}}{{/each}}<script>alert(1)</script>\\{{prospect.email}}');
    expect(email.text).not.toContain('ann@prospect.example');
    expect(email.subject).toBe('Ann, is your business one click away from losing its data?');
  });

  it('refuses hostile values before they reach a template at all', () => {
    const resolved = resolveSlotValues(
      content.slots,
      brand({
        companyName: 'Evil\u202Egnp.exe',
        website: 'javascript:alert(1)',
        primaryColor: 'red;background:url(x)',
      }),
    );
    expect(resolved.invalid.map((p) => p.path)).toEqual([
      'brandKit.companyName',
      'brandKit.website',
      'brandKit.primaryColor',
    ]);
    expect(resolved.missing).toEqual(['company_name', 'website']);
    expect(resolved.values.get('primary_color')).toBe('#1e4d8f');
  });

  it('keeps prospect data to allowed fields, escaped, without prototype tricks', async () => {
    const compiled = await compileFor(brand());
    const prospect = JSON.parse(
      '{"email":"p@x.example","first_name":"<b>Bob</b> \u202Eevil","__proto__":{"polluted":true},"custom":{"__proto__":{"x":1},"constructor":"c"}}',
    );
    const email = renderEmail(compiled, { ...recipient(), prospect });
    expect(email.html).toContain('Hi &lt;b&gt;Bob&lt;/b&gt; evil,');
    expect(email.text).toContain('Hi <b>Bob</b> evil,');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("leaves the vendor's copy byte-identical across partners outside the slots", async () => {
    const a = brand();
    const b = brand({
      companyName: 'Ελληνική Πληροφορική Α.Ε.',
      contactName: 'Νίκος Παπαδόπουλος',
      email: 'info@elliniki.example',
      phone: '+30 210 555 0100',
      website: 'https://elliniki.example/',
      address: 'Λεωφόρος Κηφισίας 124\n115 26 Αθήνα\nΕλλάδα',
      primaryColor: '#7c3aed',
      logoUrl: 'https://engine.example/public/sha256-bbbb',
    });
    const normalise = (html: string, values: BrandValues) => {
      const replacements: Array<[string, string]> = [
        [values.address!.replace(/\n/g, '<br />'), '⟦address⟧'],
        [values.companyName!, '⟦company⟧'],
        [values.contactName!, '⟦contact⟧'],
        [values.email!, '⟦email⟧'],
        [values.phone!, '⟦phone⟧'],
        [values.website!, '⟦website⟧'],
        [values.primaryColor!, '⟦colour⟧'],
        [values.logoUrl!, '⟦logo⟧'],
      ];
      return replacements.reduce((out, [from, to]) => out.split(from).join(to), html);
    };
    const htmlA = normalise(renderEmail(await compileFor(a), recipient()).html, a);
    const htmlB = normalise(renderEmail(await compileFor(b), recipient()).html, b);
    expect(htmlA.length).toBeGreaterThan(5000);
    expect(htmlB).toBe(htmlA);
  });

  it('compiles once per key and stays within its bounds', async () => {
    const cache = new CompiledEmailCache({ maxEntries: 3, maxBytes: 64 * 1024 * 1024 });
    const compile = () => compileFor(brand());
    const [first, second] = await Promise.all([cache.get('v1:a:1', compile), cache.get('v1:a:1', compile)]);
    expect(second).toBe(first);
    expect(cache.misses).toBe(1);
    expect(cache.hits).toBe(1);
    for (let i = 2; i < 8; i++) await cache.get(`v1:a:${i}`, compile);
    expect(cache.size).toBe(3);
  });
});
