// Test files of a minute or more say so in their header, and what they spend it on:
// - `@long-running`: mostly waiting on the engine (sends paced to the default rate, takeovers
//   after a worker is killed). CI runs these in a Jest run of their own, one at a time, beside
//   the rest (jest.config.js, JEST_LONG_RUNNING).
// - `@long-computing`: keeping a core busy (the OpenAPI fuzz): these stay with the rest.
// The sequencer starts both kinds first, so they run beside the many short files, not after them.
const fs = require('node:fs');
const path = require('node:path');

const HEAD_BYTES = 2048;

/** 'running' or 'computing' for a file whose header says `@long-running` or `@long-computing`, else null. */
function longKind(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const read = fs.readSync(fd, head, 0, HEAD_BYTES, 0);
    return /@long-(running|computing)\b/.exec(head.subarray(0, read).toString('utf8'))?.[1] ?? null;
  } finally {
    fs.closeSync(fd);
  }
}

const isLong = (file) => longKind(file) !== null;
const isLongRunning = (file) => longKind(file) === 'running';

/** The `@long-running` (mostly waiting) test files under `dir` (absolute paths), in a stable order. */
function longRunningFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(e2e|medium)-spec\.ts$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .filter(isLongRunning)
    .sort();
}

module.exports = { isLong, longRunningFiles };
