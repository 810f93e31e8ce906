#!/usr/bin/env node
// The engine's build: every TypeScript file of apps (but the web app), libs and bench into dist/
// at the same path, compiled by SWC with the settings Jest's transform uses (.swcrc), so the code
// the tests run in-process and the code the processes run are compiled alike. It checks no types:
// `npm run typecheck` does (CI runs it beside the build); tsc built the same files in about 30 s
// of CPU against about 3 s here, and the type-check ran twice in every CI run.
const fs = require('node:fs');
const path = require('node:path');
const { transformFile } = require('@swc/core');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist');
const SOURCES = ['apps', 'libs', 'bench'];
const SKIPPED = [/^apps\/web\//, /\.spec\.ts$/, /\.d\.ts$/];

const swcrc = JSON.parse(fs.readFileSync(path.join(ROOT, '.swcrc'), 'utf8'));
const options = {
  ...swcrc,
  swcrc: false,
  sourceMaps: true,
  jsc: { ...swcrc.jsc, baseUrl: ROOT, paths: { '@tcma/*': ['libs/*/src'] } },
  // import() stays import(), as tsc's node16 output kept it: ESM-only packages (mupdf) load through it.
  module: { ...swcrc.module, ignoreDynamic: true },
};

const files = SOURCES.flatMap((dir) =>
  fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((file) => `${dir}/${file.split(path.sep).join('/')}`)
    .filter((file) => file.endsWith('.ts') && !SKIPPED.some((skip) => skip.test(file))),
);

/** Compiles `file` (relative to the root) into dist/; answers the TypeScript files its code requires. */
async function compile(file) {
  const source = path.join(ROOT, file);
  const target = path.join(OUT, file.replace(/\.ts$/, '.js'));
  const { code, map } = await transformFile(source, { ...options, filename: source, outputPath: target });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
  if (map) fs.writeFileSync(`${target}.map`, map);
  return [...code.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)]
    .map((m) => path.resolve(path.dirname(source), m[1]))
    .flatMap((required) => [`${required}.ts`, path.join(required, 'index.ts')])
    .filter((candidate) => fs.existsSync(candidate))
    .map((candidate) => path.relative(ROOT, candidate).split(path.sep).join('/'));
}

async function build() {
  // What an earlier build wrote, not dist/web: build:api alone leaves the browser app's build in place.
  for (const dir of [...SOURCES, 'test']) fs.rmSync(path.join(OUT, dir), { recursive: true, force: true });
  // What the sources require outside them is built too, as tsc did: the benchmarks reuse test helpers.
  const built = new Set(files);
  let next = files;
  while (next.length) {
    const required = (await Promise.all(next.map(compile))).flat();
    next = [...new Set(required)].filter((file) => !built.has(file));
    for (const file of next) built.add(file);
  }
}

build().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
