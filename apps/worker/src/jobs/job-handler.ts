import type { JobName } from '@tcma/queue';

/** A processor declares the jobs it handles, so the worker can check every job has one. */
export interface JobHandler {
  readonly queue: string;
  readonly jobNames: readonly JobName[];
  /** The BullMQ worker consuming `queue` (every processor is a WorkerHost). */
  readonly worker: { close(): Promise<void>; on(event: 'error', listener: (error: Error) => void): unknown };
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
