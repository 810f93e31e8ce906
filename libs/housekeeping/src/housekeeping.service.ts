import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { SSO_REFUSAL_RETENTION_DAYS } from '@tcma/sso';
import { EventPartitionsResult, EventPartitionsService } from './event-partitions.service';
import { SamlRecordsRepository } from './saml-records.repository';
import { StoredFilesSweepResult, StoredFilesSweepService } from './stored-files-sweep.service';

export interface HousekeepingResult {
  events: EventPartitionsResult;
  storedFiles: StoredFilesSweepResult;
  /** Expired SAML AuthnRequest ids and used assertion ids, and single sign-on refusals past SSO_REFUSAL_RETENTION_DAYS, removed. */
  samlRecords: { requests: number; assertions: number; refusals: number };
}

/**
 * The sweep role's slow chores (HOUSEKEEPING_INTERVAL_MINUTES): the events' month partitions
 * and their retention, then stored files no longer referenced, then single sign-on's expired
 * SAML records. Safe to run from several sweepers at once: partition changes take a lock, and
 * removing a file or a row twice is harmless.
 */
@Injectable()
export class HousekeepingService {
  constructor(
    private readonly partitions: EventPartitionsService,
    private readonly storedFiles: StoredFilesSweepService,
    private readonly samlRecords: SamlRecordsRepository,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<HousekeepingResult> {
    const now = this.clock.now();
    const events = await this.partitions.maintain(now);
    const storedFiles = await this.storedFiles.sweep(now, this.partitions.keptSince(now));
    const samlRecords = await this.samlRecords.removeExpiredForSystem(
      now,
      new Date(now.getTime() - SSO_REFUSAL_RETENTION_DAYS * 86_400_000),
    );
    return { events, storedFiles, samlRecords };
  }
}
