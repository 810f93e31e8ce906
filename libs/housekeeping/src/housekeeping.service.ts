import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { EventPartitionsResult, EventPartitionsService } from './event-partitions.service';
import { StoredFilesSweepResult, StoredFilesSweepService } from './stored-files-sweep.service';

export interface HousekeepingResult {
  events: EventPartitionsResult;
  storedFiles: StoredFilesSweepResult;
}

/**
 * The sweep role's slow chores (HOUSEKEEPING_INTERVAL_MINUTES): the events' month partitions
 * and their retention, then stored files no longer referenced. Safe to run from several
 * sweepers at once: partition changes take a lock, and removing a file twice is harmless.
 */
@Injectable()
export class HousekeepingService {
  constructor(
    private readonly partitions: EventPartitionsService,
    private readonly storedFiles: StoredFilesSweepService,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<HousekeepingResult> {
    const now = this.clock.now();
    const events = await this.partitions.maintain(now);
    const storedFiles = await this.storedFiles.sweep(now, this.partitions.keptSince(now));
    return { events, storedFiles };
  }
}
