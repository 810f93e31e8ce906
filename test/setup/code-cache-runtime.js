'use strict';
/**
 * Jest's runtime with V8's code cache kept across the test files of one worker (jest.config.js's
 * `runtime`). Jest gives each file a fresh module registry, so every file compiles the ~3,700
 * modules an API boot loads all over again: `vm.compileFunction` was 17 % of a run of short
 * end-to-end files (0.6 s a file). A worker runs many files; here the first one that loads a
 * module keeps V8's cached data for it, and the next ones hand it back, which V8 accepts in a
 * fraction of the time (the same module source only: the data is keyed by file and checked
 * against the source, and data V8 rejects is made again). Nothing else changes: the modules are
 * still evaluated afresh in each file's own context.
 */
const vm = require('node:vm');

const compileFunction = vm.compileFunction;
/** @type {Map<string, { source: string, data: Buffer }>} */
const cache = new Map();

vm.compileFunction = function compileWithCache(code, params, options) {
  // Jest's module wrapper compiles in the test file's context, named by the module's path.
  if (!options || !options.parsingContext || typeof options.filename !== 'string') {
    return compileFunction.call(this, code, params, options);
  }
  const kept = cache.get(options.filename);
  const reuse = kept !== undefined && kept.source === code;
  const fn = compileFunction.call(
    this,
    code,
    params,
    reuse ? { ...options, cachedData: kept.data } : { ...options, produceCachedData: true },
  );
  if (reuse && fn.cachedDataRejected) cache.delete(options.filename);
  else if (!reuse && fn.cachedDataProduced && fn.cachedData)
    cache.set(options.filename, { source: code, data: fn.cachedData });
  return fn;
};

module.exports = require('jest-runtime');
