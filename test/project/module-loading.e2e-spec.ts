import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The packages a process loads only when it first uses them, and what each costs to load. */
const ON_FIRST_USE = [
  'typeorm', // migrations only: about 300 modules with the entities and migrations
  'mjml', // the first template compiled: about 0.7 s with juice, cheerio and js-beautify
  'pdf-lib', // the first PDF rendered or inspected
  '@pdf-lib/fontkit',
];

/** The npm packages a built entry module loads, read in a Node process of its own (as the engine starts). */
function packagesLoadedBy(entry: string): string[] {
  const script = `
    require(${JSON.stringify(path.join(ROOT, entry))});
    const names = new Set();
    for (const file of Object.keys(require.cache)) {
      const at = file.lastIndexOf('node_modules/');
      if (at < 0) continue;
      const parts = file.slice(at + 'node_modules/'.length).split('/');
      names.add(parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0]);
    }
    process.stdout.write(JSON.stringify([...names]));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
}

/**
 * Every API and worker process, and every integration test file, loads the whole module graph of
 * the engine: heavy libraries that few of them use are loaded on first use instead. This keeps it
 * so (a plain import of one of them from a module everything imports would bring it back).
 */
describe('what a process loads when it starts', () => {
  it.each(['dist/apps/api/src/api-app.js', 'dist/apps/worker/src/worker.module.js'])(
    '%s leaves the heavy libraries for their first use',
    (entry) => {
      const loaded = packagesLoadedBy(entry);
      expect(loaded).toContain('@nestjs/core'); // the probe read something
      expect(ON_FIRST_USE.filter((name) => loaded.includes(name))).toEqual([]);
    },
  );
});
