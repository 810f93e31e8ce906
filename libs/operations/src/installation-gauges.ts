import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Clock } from '@tcma/clock';
import { Metrics } from '@tcma/metrics';
import { BacklogRepository } from './backlog.repository';
import { ALL_QUEUES } from '@tcma/queue';
import type { Queue } from 'bullmq';

/** Job states reported per queue; completed jobs are removed as they finish, so not counted. */
const QUEUE_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'failed'] as const;
/** Counting every enrollment reads the whole table: at most this often, whatever the scrape interval. */
const ENROLLMENT_COUNT_INTERVAL_MS = 60_000;

/**
 * Gauges that describe the whole installation rather than this process: the queues in Redis
 * and the due backlog in Postgres (Redis holds only near-due work). Read on scrape, by the API
 * only (the one importer of OperationsModule), so a fleet of workers does not repeat the same reads.
 */
@Injectable()
export class InstallationGauges implements OnModuleInit {
  private enrollmentsCountedAt = -Infinity;
  private queues: Queue[] = [];

  constructor(
    private readonly metrics: Metrics,
    private readonly backlog: BacklogRepository,
    private readonly clock: Clock,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.queues = ALL_QUEUES.map((name) => this.modules.get<Queue>(getQueueToken(name), { strict: false }));
    this.metrics.onScrape('queues', () => this.readQueues());
    this.metrics.onScrape('due-backlog', () => this.readBacklog());
    this.metrics.onScrape('enrollments', () => this.readEnrollments());
  }

  private async readQueues(): Promise<void> {
    await Promise.all(
      this.queues.map(async (queue) => {
        const counts = await queue.getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.metrics.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
        // The oldest job ready to run; a delayed job became ready when its delay ran out. No job
        // waiting is an age of 0 exactly (reading the time twice made it 0.001 s when a millisecond
        // passed between the reads, as it does on a loaded machine).
        const [oldest] = await queue.getJobs(['wait'], 0, 0, true);
        const age = oldest ? Math.max(0, Date.now() - (oldest.timestamp + (oldest.delay ?? 0))) / 1000 : 0;
        this.metrics.queueOldestWaiting.set({ queue: queue.name }, age);
      }),
    );
  }

  private async readBacklog(): Promise<void> {
    const now = this.clock.now();
    const backlog = await this.backlog.dueBacklogForSystem(now);
    this.metrics.dueBacklog.set(backlog.steps);
    this.metrics.dueBacklogOldest.set(
      backlog.oldestDueAt ? Math.max(0, now.getTime() - backlog.oldestDueAt.getTime()) / 1000 : 0,
    );
  }

  private async readEnrollments(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.enrollmentsCountedAt < ENROLLMENT_COUNT_INTERVAL_MS) return;
    this.enrollmentsCountedAt = now;
    const counts = await this.backlog.countByStatusForSystem();
    this.metrics.enrollments.reset();
    for (const { status, count } of counts) this.metrics.enrollments.set({ status }, count);
  }
}
