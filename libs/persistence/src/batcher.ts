/** What a failed batch means for its members, and how many batches run at once. */
export interface BatcherOptions<I = unknown> {
  /**
   * Re-run each member of a failed batch on its own, so one member that cannot succeed (a
   * malformed id, a row that breaks a constraint) fails alone and the others go on. Only for
   * runs that are safe to repeat (reads, and writes that are idempotent for the same caller):
   * the failed batch may have taken effect before its answer was lost. A function answers for
   * each failure: true when it is safe (say, the database refused a transaction, so none of it
   * committed).
   */
  retryAlone?: boolean | ((error: unknown) => boolean);
  /**
   * One run at a time: calls made while a run is under way wait for it and go together in the
   * next (group commit). For a stream of small writes from many concurrent callers, such as each
   * message's outcome on the send path: under load a statement carries every call that arrived
   * during the last one's round trip instead of one each; idle, a call goes at once as before.
   */
  serial?: boolean;
  /** As serial, with up to this many runs at once (each may hold a database connection). */
  maxInFlight?: number;
  /** Members of one key never share a batch (one statement may touch a row only once): a later one waits for the next. */
  keyOf?: (item: I) => string;
}

/**
 * Coalesces calls made in the same tick into one bulk call: a send job works on dozens of
 * steps at once, and each stage (read, claim, hand over, record) becomes one statement for
 * all of them instead of one per step.
 */
export class Batcher<I, O> {
  private pending: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;
  private running = 0;
  /** Runs at once: unbounded unless serial or maxInFlight says otherwise. */
  private readonly limit: number;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 500,
    private readonly options: BatcherOptions<I> = {},
  ) {
    this.limit = options.serial ? 1 : (options.maxInFlight ?? Infinity);
  }

  call(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    // Bounded: a run that ends flushes what waits.
    if (this.running >= this.limit) return;
    const batch = this.take();
    if (!batch.length) return;
    this.running += 1;
    const ran = this.run(batch.map((b) => b.item)).then(
      (results) => batch.forEach((b, i) => b.resolve(results[i])),
      (error: unknown) => {
        const { retryAlone } = this.options;
        const alone = typeof retryAlone === 'function' ? retryAlone(error) : retryAlone === true;
        if (!alone || batch.length === 1) batch.forEach((b) => b.reject(error));
        else for (const b of batch) this.run([b.item]).then(([result]) => b.resolve(result), b.reject);
      },
    );
    if (Number.isFinite(this.limit)) {
      void ran.finally(() => {
        this.running -= 1;
        if (this.pending.length) this.flush();
      });
    } else {
      this.running -= 1;
    }
    if (this.pending.length && this.running < this.limit) this.schedule();
  }

  /** The oldest calls, at most one per key, up to maxBatch; the others keep their order. */
  private take(): typeof this.pending {
    const { keyOf } = this.options;
    if (!keyOf) return this.pending.splice(0, this.maxBatch);
    const keys = new Set<string>();
    const batch: typeof this.pending = [];
    const later: typeof this.pending = [];
    let i = 0;
    for (; i < this.pending.length && batch.length < this.maxBatch; i++) {
      const key = keyOf(this.pending[i].item);
      if (keys.has(key)) later.push(this.pending[i]);
      else {
        keys.add(key);
        batch.push(this.pending[i]);
      }
    }
    this.pending = [...later, ...this.pending.slice(i)];
    return batch;
  }
}
