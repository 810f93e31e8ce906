import { PerformanceObserver } from 'node:perf_hooks';

/**
 * Every engine a test file starts collects prom-client's standard process series, whose GC
 * observer (a PerformanceObserver) nothing can stop: in a long-lived process that is one per
 * process, but one process runs every test file, and each observer's callback keeps its file's
 * whole module graph alive. Observers a file starts are recorded here and disconnected after
 * the file, as the file's other resources are closed.
 */
const OBSERVED = Symbol.for('tcma.test.performanceObservers');
type Patched = typeof PerformanceObserver.prototype & { [OBSERVED]?: Set<PerformanceObserver> };

const prototype = PerformanceObserver.prototype as Patched;
if (!prototype[OBSERVED]) {
  const observed = new Set<PerformanceObserver>();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the observer as `this`
  const observe = prototype.observe;
  Object.defineProperty(prototype, OBSERVED, { value: observed });
  prototype.observe = function (this: PerformanceObserver, ...args: Parameters<typeof observe>) {
    observed.add(this);
    return observe.apply(this, args);
  };
}

afterAll(() => {
  const observed = prototype[OBSERVED];
  for (const observer of observed ?? []) observer.disconnect();
  observed?.clear();
});
