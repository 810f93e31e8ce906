// Orders the test files for Jest's workers: files that say `@long-running` or `@long-computing` in
// their header (test/setup/long-running.js: the crash, pacing and fuzzing tests) start first, so they run
// beside the many short files instead of after them; then Jest's own order (failed first, then the
// slowest it remembers, then the largest). A fresh clone remembers nothing: the pragma is what
// keeps a long file from starting last and holding up the run's end.
const Sequencer = require('@jest/test-sequencer').default;
const { isLong } = require('./long-running');

class LongRunningFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const long = ordered.filter((test) => isLong(test.path));
    return [...long, ...ordered.filter((test) => !long.includes(test))];
  }
}

module.exports = LongRunningFirst;
