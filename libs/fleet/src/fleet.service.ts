import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { hostname } from 'node:os';
import { WORKER_ID } from './worker-id';
import { WorkersRepository } from './workers.repository';

/**
 * The worker processes of the installation as Postgres knows them. A worker is alive while
 * its heartbeat (every WORKER_HEARTBEAT_SECONDS) is at most two intervals old: one missed beat
 * is tolerated, two mean it is gone, and the sweep recovers what it held.
 */
@Injectable()
export class FleetService {
  private readonly logger = new Logger(FleetService.name);
  private beatFailing = false;

  constructor(
    private readonly workers: WorkersRepository,
    private readonly config: AppConfig,
  ) {}

  /** How long after its last heartbeat a worker counts as dead. */
  get deadAfterMs(): number {
    return 2 * this.config.workerHeartbeatSeconds * 1000;
  }

  /** This worker's heartbeat. A failure (Postgres away) is logged once, not once per beat. */
  async beat(): Promise<void> {
    try {
      await this.workers.beatForSystem({
        id: WORKER_ID,
        hostname: hostname(),
        pid: process.pid,
        roles: this.config.workerRoles,
      });
      if (this.beatFailing) this.logger.log('Heartbeats written again');
      this.beatFailing = false;
    } catch (e) {
      if (!this.beatFailing) this.logger.warn(`Heartbeat not written (will keep trying): ${(e as Error).message}`);
      this.beatFailing = true;
    }
  }

  /** A worker stopping cleanly leaves at once instead of being judged dead later. */
  async leave(): Promise<void> {
    await this.workers.removeForSystem(WORKER_ID).catch(() => undefined);
  }

  liveWorkers(): Promise<number> {
    return this.workers.countAliveForSystem(this.deadAfterMs);
  }

  /** Forgets workers silent for longer than `ms`. */
  forgetSilent(ms: number): Promise<void> {
    return this.workers.pruneForSystem(ms);
  }

  /** Resolves when Postgres answers. */
  databaseAnswers(): Promise<void> {
    return this.workers.pingForSystem();
  }
}
