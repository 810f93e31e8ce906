import * as fs from 'node:fs';
import * as path from 'node:path';
import { referencePages } from '../../scripts/docs-reference';

const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs');
/** Generated at build time from the OpenAPI document, never committed: checked from the generator instead. */
const REFERENCE = path.join(DOCS, 'integrating/reference');
/** What the build writes (gitignored): a page may name it although a fresh clone does not have it. */
const OUTPUTS = ['docs/.vitepress/dist', 'docs/.vitepress/cache'];

/** The anchor VitePress gives a heading (@mdit-vue/shared's slugify), or its `{#id}`. */
function slugify(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/\p{Cc}/gu, '') // control characters
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

/** Markdown without its fenced code blocks, kept line for line (links inside code are not links). */
const withoutFences = (markdown: string) =>
  markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, (block) => block.replace(/[^\n]/g, ''));

/** The anchors of a page's headings, as VitePress makes them (a repeated one gets -1, -2…). */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, raw] of withoutFences(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const custom = /\{#([\w-]+)\}\s*$/.exec(raw);
    if (custom) {
      anchors.add(custom[1]);
      continue;
    }
    const plain = raw
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    const slug = slugify(plain);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n ? `${slug}-${n}` : slug);
  }
  return anchors;
}

/** Every `[text](target)` and `![alt](target)` outside code, with its line. */
function linksOf(markdown: string): Array<{ target: string; line: number }> {
  const links: Array<{ target: string; line: number }> = [];
  withoutFences(markdown)
    .split('\n')
    .forEach((text, i) => {
      const outsideCode = text.replace(/`[^`]*`/g, '');
      for (const [, target] of outsideCode.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
        links.push({ target, line: i + 1 });
    });
  return links;
}

/** Every npm script a page tells the reader to run: `npm run <name>`, `npm start`, `npm test`. */
function npmScriptsOf(markdown: string): Array<{ script: string; line: number }> {
  const scripts: Array<{ script: string; line: number }> = [];
  markdown.split('\n').forEach((text, i) => {
    for (const [, name] of text.matchAll(/\bnpm run(?:-script)? +([\w:.-]+)/g))
      scripts.push({ script: name, line: i + 1 });
    for (const [, name] of text.matchAll(/\bnpm (start|test)\b/g)) scripts.push({ script: name, line: i + 1 });
  });
  return scripts;
}

/** Every repository path a page names in inline code (`libs/queue/src/queue-names.ts`), without patterns. */
function repositoryPathsOf(markdown: string): Array<{ file: string; line: number }> {
  const paths: Array<{ file: string; line: number }> = [];
  withoutFences(markdown)
    .split('\n')
    .forEach((text, i) => {
      for (const [, file] of text.matchAll(/`((?:apps|libs|test|scripts|ops|templates|bench|docs)\/[\w./-]+)`/g))
        paths.push({ file, line: i + 1 });
    });
  return paths;
}

/** A set of pages, by absolute path, checked together: broken links, unknown npm scripts, missing files named. */
function problemsIn(pages: Map<string, string>, scripts: Set<string>): string[] {
  const problems: string[] = [];
  const anchors = new Map<string, Set<string>>();
  const anchorsFor = (file: string) => {
    if (!anchors.has(file)) anchors.set(file, anchorsOf(pages.get(file) ?? ''));
    return anchors.get(file)!;
  };
  // The reference is checked as the generator writes it, never as a previous build left it on disk.
  const exists = (file: string) => pages.has(file) || (!file.startsWith(REFERENCE) && fs.existsSync(file));
  for (const [file, markdown] of pages) {
    const where = (line: number) => `${path.relative(ROOT, file)}:${line}`;
    for (const { target, line } of linksOf(markdown)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // https:, mailto:
      const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
      const resolved = pathPart ? path.resolve(path.dirname(file), decodeURI(pathPart)) : file;
      if (!exists(resolved)) {
        problems.push(`${where(line)}: ${target}: no such file`);
        continue;
      }
      if (anchor && resolved.endsWith('.md') && !anchorsFor(resolved).has(anchor))
        problems.push(`${where(line)}: ${target}: no heading with the anchor #${anchor}`);
    }
    for (const { script, line } of npmScriptsOf(markdown))
      if (!scripts.has(script)) problems.push(`${where(line)}: npm ${script}: no such script in package.json`);
    for (const { file: named, line } of repositoryPathsOf(markdown))
      if (!OUTPUTS.some((output) => named.startsWith(output)) && !fs.existsSync(path.join(ROOT, named)))
        problems.push(`${where(line)}: ${named}: no such file in the repository`);
  }
  return problems;
}

function markdownUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '.vitepress' || full === REFERENCE ? [] : markdownUnder(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

describe('the README and docs/', () => {
  const scripts = new Set(Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts));
  const pages = new Map(
    [path.join(ROOT, 'README.md'), ...markdownUnder(DOCS)].map((file) => [file, fs.readFileSync(file, 'utf8')]),
  );
  const reference = new Map(
    Object.entries(referencePages()).map(([file, markdown]) => [path.join(REFERENCE, file), markdown]),
  );

  it('link only to files and headings that exist, and name only npm scripts and files that exist', () => {
    expect(pages.size).toBeGreaterThan(10);
    expect(problemsIn(new Map([...pages, ...reference]), scripts)).toEqual([]);
  });

  it('are checked for what they must be: broken links, missing anchors, unknown scripts and files fail', () => {
    const page = path.join(DOCS, 'planted.md');
    const planted = new Map([
      [
        page,
        [
          '# Planted',
          '## A heading, with `code`',
          '[fine](#a-heading-with-code) [fine too](getting-started.md#_1-start-the-engine) [outside](https://example.com)',
          '[gone](no-such-page.md) [no anchor](getting-started.md#no-such-heading) [self](#nowhere)',
          '`[in code](not-checked.md)`',
          '```bash',
          'npm run no-such-script-in-a-block',
          '[in a block](not-checked-either.md)',
          '```',
          'Run `npm run bench`, `npm start`, then `npm run docs:nope`.',
          'See `libs/queue/src/queue-names.ts`, `test/browser/*.browser-spec.ts` and `libs/no-such-lib/src/index.ts`.',
        ].join('\n'),
      ],
      [path.join(DOCS, 'getting-started.md'), pages.get(path.join(DOCS, 'getting-started.md'))!],
      ...reference,
    ]);
    expect(problemsIn(planted, scripts)).toEqual([
      'docs/planted.md:4: no-such-page.md: no such file',
      'docs/planted.md:4: getting-started.md#no-such-heading: no heading with the anchor #no-such-heading',
      'docs/planted.md:4: #nowhere: no heading with the anchor #nowhere',
      'docs/planted.md:7: npm no-such-script-in-a-block: no such script in package.json',
      'docs/planted.md:10: npm docs:nope: no such script in package.json',
      'docs/planted.md:11: libs/no-such-lib/src/index.ts: no such file in the repository',
    ]);
  });

  it('keep the README a front door: at most 250 lines', () => {
    expect(pages.get(path.join(ROOT, 'README.md'))!.split('\n').length).toBeLessThanOrEqual(250);
  });
});
