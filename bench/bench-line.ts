/** One benchmark result, printed as one JSON line (see DEVELOPERS.md). */
export interface BenchLine {
  bench: string;
  value: number;
  unit: string;
  baseline: string;
  baseline_value: number;
  /** Given when value ÷ baseline_value is not the figure that counts (e.g. a median of paired ratios). */
  ratio?: number;
  [extra: string]: unknown;
}

export function print(line: BenchLine): void {
  const ratio = line.ratio ?? (line.baseline_value ? line.value / line.baseline_value : null);
  const round = (n: unknown) => (typeof n === 'number' ? Math.round(n * 1000) / 1000 : n);
  const out = Object.fromEntries(Object.entries({ ...line, ratio }).map(([k, v]) => [k, round(v)]));
  process.stdout.write(
    `${JSON.stringify({ bench: out.bench, value: out.value, unit: out.unit, baseline: out.baseline, baseline_value: out.baseline_value, ratio: out.ratio, ...out })}\n`,
  );
}

/** Calls `fn` repeatedly for about `ms` milliseconds; returns calls per second. */
export function rate(fn: () => void, ms = 2000): number {
  for (let i = 0; i < 1000; i++) fn();
  const start = process.hrtime.bigint();
  let n = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 500; i++) fn();
    n += 500;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (n * 1000) / elapsed;
}

/** Like rate() for async work run `concurrency` at a time. */
export async function rateAsync(
  fn: (i: number) => Promise<unknown>,
  total: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await fn(next++);
    }),
  );
  return (total * 1e9) / Number(process.hrtime.bigint() - start);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface Paired<T> {
  on: T[];
  off: T[];
  /** on ÷ off of each round, in round order. */
  ratios: number[];
  /** The median of `ratios`: the figure that counts. */
  ratio: number;
}

/**
 * Runs `run('on')` and `run('off')` `rounds` times each, interleaved and alternating which goes
 * first (on, off, off, on, on, off…), so that a machine whose speed drifts, or tables that grow
 * from run to run, weigh on both alike. Each round gives one ratio (on ÷ off of runs made
 * seconds apart, under the same load); the median of those ratios is robust to a round that
 * another process on the machine disturbed, where a best-of or a single pair is not.
 */
export async function pairedRuns<T>(
  rounds: number,
  run: (setting: 'on' | 'off', round: number) => Promise<T>,
  value: (result: T) => number,
): Promise<Paired<T>> {
  const { on, off } = await interleavedRuns(rounds, ['on', 'off'] as const, run);
  return { on, off, ...medianRoundRatio(on, off, value) };
}

/**
 * Runs each of `variants` once per round for `rounds` rounds, the order turned by one each round
 * (a, b, c; b, c, a; c, a, b…), so that each variant goes first, in the middle and last alike:
 * pairedRuns for more than two. A round's runs are seconds apart, so a ratio between two of them
 * is taken under the same load, which a baseline measured once, minutes from the engine, is not
 * (this machine's bare HTTP server was seen at 10,000 and 18,000 requests/s five minutes apart).
 */
export async function interleavedRuns<V extends string, T>(
  rounds: number,
  variants: readonly V[],
  run: (variant: V, round: number) => Promise<T>,
): Promise<Record<V, T[]>> {
  if (rounds < 1) throw new Error('At least one round');
  const results = Object.fromEntries(variants.map((v) => [v, [] as T[]])) as Record<V, T[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(round + i) % variants.length];
      results[variant].push(await run(variant, round));
    }
  }
  return results;
}

/** The median of the rounds' ratios of `top` to `bottom` (the runs of one round are paired by index). */
export function medianRoundRatio<T>(
  top: T[],
  bottom: T[],
  value: (result: T) => number,
): { ratios: number[]; ratio: number } {
  const ratios = top.map((r, i) => value(r) / value(bottom[i]));
  return { ratios, ratio: median(ratios) };
}

export const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

/** Distinct, realistic partner names (Latin with diacritics), so caches cannot help unfairly. */
export function partnerName(i: number): string {
  const first = [
    'Northwind',
    'Contoso',
    'Fabrikam',
    'Łódź',
    'Adventure',
    'Tailspin',
    'Żółć',
    'Wingtip',
    'Litware',
    'Proseware',
    'Bärenstark',
    'Crème',
  ];
  const second = ['IT', 'Systems', 'Solutions', 'Networks', 'Services', 'Cloud', 'Data', 'Consulting'];
  const third = ['Sp. z o.o.', 'GmbH', 'Ltd', 'S.A.', 'AB', 'Inc.', 'SARL', 'BV'];
  return `${first[i % first.length]} ${second[Math.floor(i / first.length) % second.length]} ${i} ${third[i % third.length]}`;
}
