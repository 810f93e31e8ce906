import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { print } from './bench-line';

/** The built browser app (npm run build puts it beside dist/bench). */
const WEB = path.join(__dirname, '..', 'web');
const ASSETS = path.join(WEB, 'assets');
/** The route measured: the partner portal's catalogue, the page a partner lands on. */
const ROUTE_CHUNK = /^catalogue\.page-[\w-]+\.js$/;

const gzippedKb = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length / 1024;

/** Chunks a chunk imports statically (`from"./x.js"`, `import"./x.js"`): loaded with it, unlike `import("./x.js")`. */
function staticImports(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
}

/**
 * `portal_js_kb`: gzipped kB of the JavaScript the catalogue route loads: index.html's entry
 * and its preloads, the route's lazy chunk, and every chunk those import statically (what the
 * browser fetches before the page can show anything). Baseline: React and React DOM's own
 * production builds gzipped the same way, the floor any React page pays.
 */
export function portalJsBench(): Promise<void> {
  const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1]);
  const route = fs.readdirSync(ASSETS).find((f) => ROUTE_CHUNK.test(f));
  if (!entry.length || !route) throw new Error(`No built app in ${WEB}: run npm run build first`);

  const loaded = new Set<string>();
  const pending = [...entry, route];
  while (pending.length) {
    const file = pending.pop()!;
    if (loaded.has(file)) continue;
    loaded.add(file);
    pending.push(...staticImports(fs.readFileSync(path.join(ASSETS, file), 'utf8')));
  }
  const kb = [...loaded].reduce((sum, file) => sum + gzippedKb(fs.readFileSync(path.join(ASSETS, file))), 0);
  const all = fs.readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
  const allKb = all.reduce((sum, file) => sum + gzippedKb(fs.readFileSync(path.join(ASSETS, file))), 0);

  // The packages' exports hide their cjs files: found beside their package.json instead.
  const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
  const react = [
    path.join(packageDir('react'), 'cjs/react.production.js'),
    path.join(packageDir('react-dom'), 'cjs/react-dom-client.production.js'),
  ].map((file) => fs.readFileSync(file));
  const reactKb = gzippedKb(Buffer.concat(react));
  print({
    bench: 'portal_js_kb',
    value: kb,
    unit: 'kB gzipped',
    baseline: 'react_and_react_dom_gzipped',
    baseline_value: reactKb,
    chunks: loaded.size,
    app_total_kb: allKb,
    app_chunks: all.length,
    target: '<= 250 kB',
  });
  return Promise.resolve();
}
