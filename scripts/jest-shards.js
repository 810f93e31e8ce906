#!/usr/bin/env node
/**
 * Runs Jest in SHARDS consecutive processes (default 4), each over its share of the test files.
 * On a 2-core machine Jest runs in band, in one process for every file, and what each file's
 * engines leave on the heap adds up: past about 60 files the process ran out of its 4 GB heap.
 * A fresh process per shard starts from an empty heap. Arguments are passed to every shard;
 * every shard runs even when one fails, and the exit code is the first failure's.
 */
const { spawnSync } = require('node:child_process');

const shards = Number(process.env.JEST_SHARDS ?? 4);
const args = process.argv.slice(2);
let status = 0;
for (let i = 1; i <= shards; i++) {
  console.log(`\n== Jest shard ${i}/${shards}`);
  // The first shard builds (unless SKIP_BUILD is set); the others use that build.
  const env = i === 1 ? process.env : { ...process.env, SKIP_BUILD: '1' };
  const run = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), `--shard=${i}/${shards}`, ...args], {
    stdio: 'inherit',
    env,
  });
  if (status === 0 && run.status !== 0) status = run.status ?? 1;
}
process.exit(status);
