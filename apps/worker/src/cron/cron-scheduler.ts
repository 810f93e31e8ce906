import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import cron, { ScheduledTask } from 'node-cron';

/**
 * Recurring sweeps of this worker, on node-cron. A sweep never overlaps itself: a slow run
 * makes the next tick wait instead of stacking up. All stop when the process shuts down.
 */
@Injectable()
export class CronScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(CronScheduler.name);
  private readonly tasks = new Map<string, ScheduledTask>();

  /** Runs `run` every `seconds` (whole minutes above 60). */
  every(name: string, seconds: number, run: () => Promise<unknown>): void {
    this.schedule(name, seconds < 60 ? `*/${seconds} * * * * *` : `0 */${Math.max(1, Math.round(seconds / 60))} * * * *`, run);
  }

  schedule(name: string, expression: string, run: () => Promise<unknown>): void {
    if (this.tasks.has(name)) throw new Error(`Cron task ${name} is scheduled twice`);
    const task = cron.schedule(
      expression,
      async () => {
        try {
          await run();
        } catch (e) {
          this.logger.error(`${name} failed: ${(e as Error).message}`, (e as Error).stack);
        }
      },
      { name, noOverlap: true },
    );
    this.tasks.set(name, task);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.tasks.values()].map(async (t) => t.destroy()));
    this.tasks.clear();
  }
}
