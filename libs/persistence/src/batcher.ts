/** What a failed batch means for its members. */
export interface BatcherOptions {
  /**
   * Re-run each member of a failed batch on its own, so one member that cannot succeed (a
   * malformed id, a row that breaks a constraint) fails alone and the others go on. Only for
   * runs that are safe to repeat (reads, and writes that are idempotent for the same caller):
   * the failed batch may have taken effect before its answer was lost.
   */
  retryAlone?: boolean;
  /**
   * One run at a time: calls made while a run is under way wait for it and go together in the
   * next (group commit). For a stream of small writes from many concurrent callers, such as each
   * message's outcome on the send path: under load a statement carries every call that arrived
   * during the last one's round trip instead of one each; idle, a call goes at once as before.
   */
  serial?: boolean;
}

/**
 * Coalesces calls made in the same tick into one bulk call: a send job works on dozens of
 * steps at once, and each stage (read, claim, hand over, record) becomes one statement for
 * all of them instead of one per step.
 */
export class Batcher<I, O> {
  private pending: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;
  private running = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 500,
    private readonly options: BatcherOptions = {},
  ) {}

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
    // Serial: the run under way flushes what waits when it ends.
    if (this.options.serial && this.running) return;
    const batch = this.pending.splice(0, this.maxBatch);
    if (!batch.length) return;
    this.running = this.options.serial === true;
    const ran = this.run(batch.map((b) => b.item)).then(
      (results) => batch.forEach((b, i) => b.resolve(results[i])),
      (error: unknown) => {
        if (!this.options.retryAlone || batch.length === 1) batch.forEach((b) => b.reject(error));
        else for (const b of batch) this.run([b.item]).then(([result]) => b.resolve(result), b.reject);
      },
    );
    if (this.options.serial) {
      void ran.finally(() => {
        this.running = false;
        if (this.pending.length) this.flush();
      });
    } else if (this.pending.length) this.schedule();
  }
}
