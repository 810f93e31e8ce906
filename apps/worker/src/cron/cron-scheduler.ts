import { Injectable, Logger } from '@nestjs/common';
import cron, { ScheduledTask } from 'node-cron';

/**
 * Recurring sweeps of this worker, on node-cron. A sweep never overlaps itself: a slow run
 * makes the next tick wait instead of stacking up. All stop when the process shuts down
 * (see DrainBeforeShutdown), and a run in progress is waited for.
 */
@Injectable()
export class CronScheduler {
  private readonly logger = new Logger(CronScheduler.name);
  private readonly tasks = new Map<string, ScheduledTask>();
  private readonly running = new Set<Promise<void>>();

  /** Runs `run` every `seconds` (whole minutes above 60). */
  every(name: string, seconds: number, run: () => Promise<unknown>): void {
    this.schedule(
      name,
      seconds < 60 ? `*/${seconds} * * * * *` : `0 */${Math.max(1, Math.round(seconds / 60))} * * * *`,
      run,
    );
  }

  schedule(name: string, expression: string, run: () => Promise<unknown>): void {
    if (this.tasks.has(name)) throw new Error(`Cron task ${name} is scheduled twice`);
    const task = cron.schedule(
      expression,
      async () => {
        const current = run().then(
          () => undefined,
          (e: unknown) => this.logger.error(`${name} failed: ${(e as Error).message}`, (e as Error).stack),
        );
        this.running.add(current);
        await current.finally(() => this.running.delete(current));
      },
      { name, noOverlap: true },
    );
    this.tasks.set(name, task);
  }

  /** Schedules nothing more and waits for the runs in progress. */
  async stop(): Promise<void> {
    await Promise.all([...this.tasks.values()].map(async (t) => t.destroy()));
    this.tasks.clear();
    await Promise.all(this.running);
  }
}
