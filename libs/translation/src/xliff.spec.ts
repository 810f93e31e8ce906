import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyOfMjml, htmlCopy, withTranslations } from './mjml-copy';
import { targetProblems } from './target-check';
import { importXliff } from './xliff-import';
import { readXliff } from './xliff-read';
import { writeXliff } from './xliff-write';

const LAST_CALL = fs.readFileSync(
  path.resolve(__dirname, '../../../templates/acme-cloud-backup/emails/03-last-call.mjml'),
  'utf8',
);

/** A "translator": rewrites each target the way a tool returns it, the XLIFF left as it was. */
const translate = (xliff: string, rewrite: (source: string) => string) =>
  xliff.replace(
    /<source>(.*?)<\/source>/g,
    (_m, s: string) => `<source>${s}</source>\n        <target>${rewrite(s)}</target>`,
  );

const expectedOf = (mjml: string) => ({
  srcLang: 'en',
  trgLang: 'de',
  files: [{ id: 'email-3', units: copyOfMjml(mjml).map((u) => ({ id: u.id, source: u.copy })) }],
});

describe('an email’s copy', () => {
  it('is each copy element’s content and each alt text, tags as numbered codes, placeholders as written', () => {
    const units = copyOfMjml(LAST_CALL);
    const texts = units.map((u) => u.copy.text);
    expect(texts[0]).toBe('Your free trial offer ends Friday');
    expect(texts).toContain('{{#if prospect.first_name}}Hi {{prospect.first_name}},{{else}}Hello,{{/if}}');
    expect(texts).toContain(
      '• Every laptop and server backed up every 15 minutes[1/]• Encrypted storage in the region you choose[2/]• One-click restore of a file, a folder or a whole machine',
    );
    expect(texts).toContain('Start my free trial');
    // Only placeholders (the partner's name, its logo's alt text): nothing to translate.
    expect(texts).not.toContain('{{partner.company_name}}');
    expect(units.map((u) => u.id)).toEqual(units.map((_, i) => `u${i + 1}`));
    expect(units.find((u) => u.copy.text.includes('[1/]'))!.copy.codes.get('1')).toBe('<br />');
  });

  it('pairs a tag with its end tag, decodes entities and reads alt and title attributes', () => {
    const html = htmlCopy(
      'Read <a href="{{links.case}}" style="color:#00f">the <b>case</b> study</a> &amp; more&nbsp;now',
    );
    expect(html.text).toBe('Read [1]the [2]case[/2] study[/1] & more\u00a0now');
    expect(html.codes.get('1')).toBe('<a href="{{links.case}}" style="color:#00f">');
    expect(html.codes.get('/1')).toBe('</a>');
    const [alt] = copyOfMjml('<mjml><mj-body><mj-image src="x.png" alt="Our team &amp; yours" /></mj-body></mjml>');
    expect(alt).toMatchObject({ kind: 'attribute', copy: { text: 'Our team & yours' } });
  });

  it('is put back translated, every tag and placeholder where the translation puts it, the rest untouched', () => {
    const mjml =
      '<mjml><mj-body><mj-text>Read <a href="{{links.case}}">the case study</a>, {{prospect.first_name}}.</mj-text><mj-image alt="Our team" src="a.png" /></mj-body></mjml>';
    const units = copyOfMjml(mjml);
    const out = withTranslations(
      mjml,
      units,
      new Map([
        ['u1', '{{prospect.first_name}}, lesen Sie [1]die Fallstudie[/1] & mehr.'],
        ['u2', 'Unser "Team"'],
      ]),
    );
    expect(out).toBe(
      '<mjml><mj-body><mj-text>{{prospect.first_name}}, lesen Sie <a href="{{links.case}}">die Fallstudie</a> &amp; mehr.</mj-text><mj-image alt="Unser &quot;Team&quot;" src="a.png" /></mj-body></mjml>',
    );
  });
});

describe('a translation', () => {
  it.each([
    ['keeps everything', 'Hallo [1]Welt[/1] {{a}}', []],
    ['drops a placeholder', 'Hallo [1]Welt[/1]', ['The placeholder {{a}} is missing']],
    [
      'alters a placeholder',
      'Hallo [1]Welt[/1] {{ a }}',
      [
        'The placeholder {{a}} is missing',
        'The placeholder {{ a }} is not in the source: placeholders are kept exactly as written',
      ],
    ],
    ['adds a code', 'Hallo [1]Welt[/1] [3/] {{a}}', ['The code [3/] is not in the source']],
    ['crosses codes', '[1]Hallo [2]Welt[/1][/2] {{a}}', ['The code [/1] closes before the codes opened inside it']],
    ['is empty', '[1][/1]{{a}}', ['The translation is empty']],
  ])('that %s is judged so', (_case, target, problems) => {
    const source = 'Hello [1]world[/1] {{a}}';
    const withNested = target.includes('[2]') ? 'Hello [1][2]world[/2][/1] {{a}}' : source;
    expect(targetProblems(withNested, target)).toEqual(problems);
  });
});

describe('XLIFF 2.0', () => {
  const units = copyOfMjml(LAST_CALL);
  const exported = writeXliff({
    srcLang: 'en',
    trgLang: 'de',
    files: [{ id: 'email-3', original: 'email 03-last-call', units: units.map((u) => ({ id: u.id, source: u.copy })) }],
  });

  it('is written with codes and placeholders as inline elements a tool protects', () => {
    expect(exported).toContain(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">',
    );
    expect(exported).toContain('<ph id="1" dataRef="d1"/>');
    expect(exported).toContain('<data id="d1">&lt;br /&gt;</data>');
    expect(exported).toMatch(
      /<ph id="p1" dataRef="dp1" equiv="\{\{#if prospect.first_name\}\}" disp="\{\{#if prospect.first_name\}\}"\/>Hi /,
    );
    const read = readXliff(exported);
    expect(read.problems).toEqual([]);
    expect(read.units.map((u) => u.id)).toEqual(units.map((u) => u.id));
  });

  it('refuses to write a target naming a placeholder its source lacks', () => {
    const unit = units.find((u) => u.copy.text.includes('{{prospect.first_name}}'))!;
    const write = (target: string) =>
      writeXliff({
        srcLang: 'en',
        trgLang: 'de',
        files: [{ id: 'email-3', original: 'email 03-last-call', units: [{ id: unit.id, source: unit.copy, target }] }],
      });
    expect(write(unit.copy.text)).toContain('<target>');
    expect(() => write(`${unit.copy.text} {{prospect.last_name}}`)).toThrow(
      "{{prospect.last_name}} is not one of the source's placeholders",
    );
  });

  it('comes back as the translated email: export, translate, import, apply', async () => {
    const translated = translate(exported, (s) =>
      s.replace('Start my free trial', 'Meine Testphase starten').replace(/Friday/g, 'Freitag'),
    );
    const imported = importXliff(translated, expectedOf(LAST_CALL));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const mjml = withTranslations(LAST_CALL, units, imported.targets.get('email-3')!);
    expect(mjml).toContain('>Meine Testphase starten</mj-button>');
    expect(mjml).toContain('<mj-title>Your free trial offer ends Freitag</mj-title>');
    // Still a template the renderer takes: Handlebars, then MJML's strict validation.
    const data = {
      partner: { company_name: 'Northwind IT', primary_color_readable: '#1d4ed8' },
      prospect: { first_name: 'Ana' },
      links: { trial: 'https://t.example/' },
    };
    const html = (await mjml2html(Handlebars.compile(mjml)(data), { validationLevel: 'strict' })).html;
    expect(html).toContain('Meine Testphase starten');
    expect(html).toContain('Hi Ana,');
    // Unchanged copy comes back byte for byte: tags, placeholders and entities where they were.
    expect(withTranslations(LAST_CALL, units, importOk(translate(exported, (s) => s)))).toBe(LAST_CALL);
  });

  it('refuses a file that drops a placeholder, naming the unit and the line of its target', () => {
    const translated = translate(exported, (s) =>
      s.includes('prospect.first_name') ? s.replace(/<ph id="p2"[^>]*\/>/, '') : s,
    );
    const imported = importXliff(translated, expectedOf(LAST_CALL));
    expect(imported.ok).toBe(false);
    const problems = (imported as { problems: Array<{ line: number; unit?: string; message: string }> }).problems;
    expect(problems).toHaveLength(1);
    const unit = units.find((u) => u.copy.text.includes('{{prospect.first_name}}'))!;
    expect(problems[0]).toMatchObject({ unit: unit.id, message: 'The placeholder {{prospect.first_name}} is missing' });
    const lines = translated.split('\n');
    expect(lines[problems[0].line - 1]).toContain('<target>');
    expect(
      lines
        .slice(0, problems[0].line)
        .reverse()
        .find((l) => l.includes('<unit ')),
    ).toContain(`id="${unit.id}"`);
  });

  it('refuses a file that is not well-formed, of other languages, or of an older version, at its lines', () => {
    const broken = importXliff(translate(exported, (s) => s).replace('</segment>', '</segmnt>'), expectedOf(LAST_CALL));
    expect(broken).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^Not well-formed XML/) }] });
    const french = importXliff(
      translate(exported, (s) => s).replace('trgLang="de"', 'trgLang="fr"'),
      expectedOf(LAST_CALL),
    );
    expect(french).toMatchObject({
      ok: false,
      problems: [{ line: 2, message: 'The file translates into fr, not de' }],
    });
    const newer = LAST_CALL.replace('Start my free trial', 'Start my trial');
    const stale = importXliff(
      translate(exported, (s) => s),
      expectedOf(newer),
    );
    expect(stale).toMatchObject({
      ok: false,
      problems: [{ message: 'The source text changed since the file was exported: export the version again' }],
    });
    const untranslated = importXliff(exported, expectedOf(LAST_CALL));
    expect((untranslated as { problems: unknown[] }).problems).toHaveLength(units.length);
  });

  function importOk(xliff: string): Map<string, string> {
    const imported = importXliff(xliff, expectedOf(LAST_CALL));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    return imported.targets.get('email-3')!;
  }
});
