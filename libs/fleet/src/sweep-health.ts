/**
 * Whether this process's sweeps have succeeded for long enough to judge other workers dead.
 * After a Postgres outage every worker missed beats, and must have a chance to beat again
 * before a sweeper that has just recovered takes their work. Wall time, not the injected
 * clock: it measures this process's own uptime, as the heartbeats do.
 */
export class SweepHealth {
  /** Since when every sweep has succeeded (null after a failure). */
  private healthySince: number | null = null;

  /** Runs one sweep, remembering whether it failed. */
  async track<T>(sweep: () => Promise<T>): Promise<T> {
    try {
      const result = await sweep();
      this.healthySince ??= Date.now();
      return result;
    } catch (e) {
      this.healthySince = null;
      throw e;
    }
  }

  /** True once the sweeps have all succeeded for at least `deadAfterMs`. */
  settled(deadAfterMs: number): boolean {
    return this.healthySince !== null && Date.now() - this.healthySince >= deadAfterMs;
  }
}
