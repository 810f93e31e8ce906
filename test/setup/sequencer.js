// Orders the test files for Jest's workers: files that say `@long-running` in their header (the
// crash, pacing and fuzzing tests, each a minute or more, mostly waiting) start first, so they run
// beside the many short files instead of after them; then Jest's own order (failed first, then the
// slowest it remembers, then the largest). A fresh clone remembers nothing: the pragma is what
// keeps a long file from starting last and holding up the run's end.
const fs = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const HEAD_BYTES = 2048;

function isLongRunning(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const read = fs.readSync(fd, head, 0, HEAD_BYTES, 0);
    return /@long-running\b/.test(head.subarray(0, read).toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
}

class LongRunningFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const long = ordered.filter((test) => isLongRunning(test.path));
    return [...long, ...ordered.filter((test) => !long.includes(test))];
  }
}

module.exports = LongRunningFirst;
