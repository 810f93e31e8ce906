import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { currentRequestId } from '@tcma/logging';
import { jobOptions, JobName, QueueName, SendStepRef, SendStepsJob } from '@tcma/queue';
import { Queue } from 'bullmq';
import { Batcher } from '@tcma/persistence';

/** Steps per send job: the queue's cost is paid per job, so a job carries many steps. */
export const STEPS_PER_JOB = 50;
/** Steps due within this span of each other travel in the same job. */
const SAME_JOB_SPAN_MS = 1000;

interface Timed {
  ref: SendStepRef;
  /** Milliseconds from now until the step should be tried. */
  inMs: number;
  /** The request (or job) that queued it; a job whose steps all share one carries it. */
  requestId: string | undefined;
}

/** A job's payload: its steps, and the request id they share if they share one. */
function jobData(items: Timed[]): SendStepsJob {
  const first = items[0]?.requestId;
  const shared = first !== undefined && items.every((i) => i.requestId === first);
  return { steps: items.map((i) => i.ref), ...(shared ? { requestId: first } : {}) };
}

/**
 * Puts steps into the send queue, grouped into jobs of up to STEPS_PER_JOB steps due at
 * about the same time. Calls made in the same tick share jobs.
 */
@Injectable()
export class SendQueue {
  private readonly batcher = new Batcher<Timed, void>((items) => this.add(items), 5000);

  constructor(@InjectQueue(QueueName.Send) private readonly queue: Queue) {}

  /** Steps due at the given times (`now` on the same clock). */
  async enqueue(items: Array<{ id: string; step: number; due: Date }>, now: Date): Promise<void> {
    const requestId = currentRequestId();
    await Promise.all(
      items.map((i) =>
        this.batcher.call({
          ref: { enrollmentId: i.id, step: i.step },
          inMs: Math.max(0, i.due.getTime() - now.getTime()),
          requestId,
        }),
      ),
    );
  }

  /** Steps to try again after a delay (a retry, a rate limit, an early job). */
  async later(items: Array<{ ref: SendStepRef; ms: number }>): Promise<void> {
    const requestId = currentRequestId();
    await Promise.all(items.map((i) => this.batcher.call({ ref: i.ref, inMs: Math.max(0, i.ms), requestId })));
  }

  private async add(items: Timed[]): Promise<void[]> {
    const sorted = [...items].sort((a, b) => a.inMs - b.inMs);
    const jobs: Timed[][] = [];
    for (const item of sorted) {
      const current = jobs[jobs.length - 1];
      if (current && current.length < STEPS_PER_JOB && item.inMs - current[0].inMs <= SAME_JOB_SPAN_MS)
        current.push(item);
      else jobs.push([item]);
    }
    await this.queue.addBulk(
      jobs.map((job) => ({
        name: JobName.SendSteps,
        data: jobData(job),
        opts: jobOptions[JobName.SendSteps](job[job.length - 1].inMs),
      })),
    );
    return items.map(() => undefined);
  }
}
