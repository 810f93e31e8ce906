import { Module } from '@nestjs/common';
import { TenancyModule } from '@tcma/tenancy';
import { ConsentRepository } from './consent.repository';
import { ImportFilesErasure } from './import-files-erasure';
import { ImportRunnerService } from './import-runner.service';
import { ProspectImportsRepository } from './prospect-imports.repository';
import { ProspectImportsService } from './prospect-imports.service';
import { ProspectListsRepository } from './prospect-lists.repository';
import { ProspectListsService } from './prospect-lists.service';
import { ProspectsRepository } from './prospects.repository';
import { ProspectsService } from './prospects.service';

/** Partners' prospects, saved lists and CSV imports. */
@Module({
  imports: [TenancyModule],
  providers: [
    ConsentRepository,
    ProspectsRepository,
    ProspectsService,
    ProspectListsRepository,
    ProspectListsService,
    ProspectImportsRepository,
    ProspectImportsService,
    ImportRunnerService,
    ImportFilesErasure,
  ],
  exports: [
    ConsentRepository,
    ProspectsRepository,
    ProspectsService,
    ProspectListsRepository,
    ProspectListsService,
    ProspectImportsService,
    ImportRunnerService,
    ImportFilesErasure,
  ],
})
export class AudienceModule {}
