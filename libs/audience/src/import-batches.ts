import { ImportAttempt, ImportProgress } from './import-job';
import type { NormalizedProspect } from './prospect-row';

/** Rows written to the database per statement. */
export const IMPORT_BATCH_SIZE = 10_000;
/** Batch writes in flight at once while the file is still being parsed. */
export const IMPORT_WRITES_IN_FLIGHT = 2;

/** Prospects by lower-case email: each address once per batch. */
export type ImportBatch = Map<string, NormalizedProspect>;
export type WriteBatch = (rows: NormalizedProspect[]) => Promise<{ inserted: number; merged: number }>;

const settled = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    () => undefined,
  );

/**
 * Writes an import's batches while the next ones are parsed, IMPORT_WRITES_IN_FLIGHT at a
 * time. A batch that shares an address with one still being written waits for it, so the
 * later row's values always win the merge (and two writes never lock the same row). Once a
 * write has failed no other starts. Batches an earlier attempt committed are skipped, and
 * each commit is recorded for a later attempt.
 */
export class ImportBatchWriter {
  private readonly writing: Array<{ batch: ImportBatch; done: Promise<void> }> = [];
  private readonly skip: Set<number>;
  private progress: ImportProgress;
  private failure: Error | null = null;
  private numbered = 0;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: WriteBatch,
    private readonly attempt: ImportAttempt,
  ) {
    this.progress = attempt.progress;
    this.skip = new Set(attempt.progress.batches);
  }

  /** Starts writing a batch once the rules above allow it; fails if a write already has. */
  async add(batch: ImportBatch): Promise<void> {
    const number = this.numbered++;
    if (this.skip.has(number)) return;
    while (this.writing.length >= IMPORT_WRITES_IN_FLIGHT) await settled(this.writing[0].done);
    for (const earlier of this.writing.filter((w) => [...batch.keys()].some((email) => w.batch.has(email))))
      await settled(earlier.done);
    this.throwIfFailed();
    const entry = { batch, done: this.commit(number, batch) };
    this.writing.push(entry);
    const remove = () => this.writing.splice(this.writing.indexOf(entry), 1);
    entry.done.then(remove, (e: Error) => {
      this.failure ??= e;
      remove();
    });
  }

  /** Waits for every write; what they committed, with what earlier attempts did. */
  async finish(): Promise<ImportProgress> {
    await this.settle();
    this.throwIfFailed();
    return this.progress;
  }

  /** Waits for every write to end, however it ends. */
  async settle(): Promise<void> {
    await Promise.all(this.writing.map((w) => settled(w.done)));
    await this.saving;
  }

  private async commit(number: number, batch: ImportBatch): Promise<void> {
    const written = await this.write([...batch.values()]);
    const progress = {
      batches: [...this.progress.batches, number],
      inserted: this.progress.inserted + written.inserted,
      merged: this.progress.merged + written.merged,
    };
    this.progress = progress;
    // One save at a time, in commit order, so the last one kept is the latest.
    this.saving = this.saving.then(() => settled(this.attempt.saveProgress(progress)));
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
