/**
 * What earlier attempts of an import wrote: the batches committed (numbered from 0 in file
 * order) and what they inserted and merged. A retry parses the file again but skips these
 * batches, so nothing is written twice and the counts stay those of one clean run.
 */
export interface ImportProgress {
  batches: number[];
  inserted: number;
  merged: number;
}

export const NO_PROGRESS: ImportProgress = { batches: [], inserted: 0, merged: 0 };

/** One attempt at an import, as the queue runs it. */
export interface ImportAttempt {
  readonly progress: ImportProgress;
  /** Kept by the queue across attempts; called after each batch commits. */
  saveProgress(progress: ImportProgress): Promise<void>;
  /** Whether a transient failure of this attempt will be tried again. */
  readonly willRetry: boolean;
}

/** An attempt with nothing before it and nothing after it (a direct call). */
export const SINGLE_ATTEMPT: ImportAttempt = {
  progress: NO_PROGRESS,
  saveProgress: () => Promise.resolve(),
  willRetry: false,
};

/** Reads progress the queue kept, trusting nothing about its shape. */
export function importProgressOf(stored: unknown): ImportProgress {
  const p = stored as Partial<ImportProgress> | null;
  if (
    !p ||
    typeof p !== 'object' ||
    !Array.isArray(p.batches) ||
    !Number.isInteger(p.inserted) ||
    !Number.isInteger(p.merged)
  )
    return NO_PROGRESS;
  return {
    batches: p.batches.filter((b): b is number => Number.isInteger(b)),
    inserted: p.inserted as number,
    merged: p.merged as number,
  };
}
