import { Module } from '@nestjs/common';
import { EventPartitionsRepository } from './event-partitions.repository';
import { EventPartitionsService } from './event-partitions.service';
import { HousekeepingService } from './housekeeping.service';
import { StoredFilesSweepService } from './stored-files-sweep.service';
import { FileReferencesRepository } from './file-references.repository';
import { SamlRecordsRepository } from './saml-records.repository';

/** The events' partitions and retention, the stored-files sweep and expired SAML records (worker, sweep role). */
@Module({
  providers: [
    EventPartitionsRepository,
    EventPartitionsService,
    FileReferencesRepository,
    SamlRecordsRepository,
    StoredFilesSweepService,
    HousekeepingService,
  ],
  exports: [HousekeepingService, EventPartitionsService],
})
export class HousekeepingModule {}
