import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { addMonths, EVENT_PARTITIONS_AHEAD, eventPartitionName, monthOf } from '@tcma/persistence';
import { EventPartitionsRepository } from './event-partitions.repository';

export interface EventPartitionsResult {
  created: string[];
  dropped: string[];
  /** Partitions past the retention still holding events to judge: dropped at a later run. */
  waiting: string[];
  /** Old judged events deleted from the default partition. */
  strays: number;
}

/** Stray events deleted per statement. */
const STRAY_BATCH = 10_000;

/**
 * Keeps the events' month partitions: the current month's and EVENT_PARTITIONS_AHEAD more
 * exist ahead of time, and with EVENTS_RETENTION_MONTHS = N, months before the N whole months
 * preceding the current one are dropped once all their events are judged (their rollups
 * final, so the funnels keep their totals).
 */
@Injectable()
export class EventPartitionsService {
  private readonly logger = new Logger(EventPartitionsService.name);

  constructor(
    private readonly partitions: EventPartitionsRepository,
    private readonly config: AppConfig,
  ) {}

  /** The first instant whose events are kept at `now`; null when every event is kept. */
  keptSince(now: Date): Date | null {
    return this.config.eventsRetentionMonths === undefined
      ? null
      : addMonths(monthOf(now), -this.config.eventsRetentionMonths);
  }

  /** Makes the partitions of the months from `from` to `to` that are missing (events already in the default partition move in); returns those made. */
  async ensure(from: Date, to: Date): Promise<string[]> {
    const created: string[] = [];
    for (let month = monthOf(from); month <= monthOf(to); month = addMonths(month, 1))
      if (await this.partitions.createForSystem(month)) created.push(eventPartitionName(month));
    return created;
  }

  async maintain(now: Date): Promise<EventPartitionsResult> {
    const result: EventPartitionsResult = { created: [], dropped: [], waiting: [], strays: 0 };
    const existing = await this.partitions.listForSystem();
    const names = new Set(existing.map((p) => p.name));
    for (let i = 0, month = monthOf(now); i <= EVENT_PARTITIONS_AHEAD; i++, month = addMonths(month, 1)) {
      if (!names.has(eventPartitionName(month)) && (await this.partitions.createForSystem(month)))
        result.created.push(eventPartitionName(month));
    }
    const keptSince = this.keptSince(now);
    if (keptSince) {
      for (const partition of existing.filter((p) => p.month && p.month < keptSince)) {
        if (await this.partitions.dropIfJudgedForSystem(partition)) result.dropped.push(partition.name);
        else result.waiting.push(partition.name);
      }
      for (let n = STRAY_BATCH; n === STRAY_BATCH;)
        result.strays += n = await this.partitions.deleteJudgedStraysForSystem(keptSince, STRAY_BATCH);
    }
    if (result.created.length || result.dropped.length)
      this.logger.log(
        `Event partitions: created ${result.created.join(', ') || 'none'}; dropped ${result.dropped.join(', ') || 'none'}`,
      );
    if (result.waiting.length)
      this.logger.warn(
        `Event partitions past the retention still hold events to judge, kept for now: ${result.waiting.join(', ')}`,
      );
    return result;
  }
}
