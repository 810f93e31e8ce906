import type { JobName } from '@tcma/queue';

/** A processor declares the jobs it handles, so the worker can check every job has one. */
export interface JobHandler {
  readonly queue: string;
  readonly jobNames: readonly JobName[];
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
