import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { ALL_QUEUES } from '@tcma/queue';
import type { Queue } from 'bullmq';
import { BacklogRepository } from './backlog.repository';

/** What the queue dashboard shows beside BullMQ's own view: the work Postgres holds. */
export interface OperatorBacklog {
  at: Date;
  /** Steps due and not yet sent, across every tenant (Postgres is the truth; Redis holds only near-due work). */
  dueSteps: number;
  oldestDueAt: Date | null;
  oldestOverdueSeconds: number;
  /** Only steps due within this many milliseconds are put into Redis (QUEUE_HORIZON_MS). */
  queueHorizonMs: number;
  /** Jobs per queue and state in Redis, for comparison. */
  queues: Array<{ queue: string; waiting: number; delayed: number; active: number; failed: number }>;
}

/**
 * The installation-wide backlog for the instance operator (the caller has been checked to be
 * one before this is reached: README "Operations", queue dashboard). No tenant sees it.
 */
@Injectable()
export class OperatorBacklogService implements OnModuleInit {
  private queues: Queue[] = [];

  constructor(
    private readonly backlog: BacklogRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.queues = ALL_QUEUES.map((name) => this.modules.get<Queue>(getQueueToken(name), { strict: false }));
  }

  async backlogForOperator(): Promise<OperatorBacklog> {
    const at = this.clock.now();
    const [due, queues] = await Promise.all([
      this.backlog.dueBacklogForSystem(at),
      Promise.all(
        this.queues.map(async (q) => {
          const c = await q.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
          return {
            queue: q.name,
            waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
            delayed: c.delayed ?? 0,
            active: c.active ?? 0,
            failed: c.failed ?? 0,
          };
        }),
      ),
    ]);
    const oldestOverdueSeconds = due.oldestDueAt
      ? Math.max(0, Math.round((at.getTime() - due.oldestDueAt.getTime()) / 1000))
      : 0;
    return {
      at,
      dueSteps: due.steps,
      oldestDueAt: due.oldestDueAt,
      oldestOverdueSeconds,
      queueHorizonMs: this.config.queueHorizonMs,
      queues,
    };
  }
}
