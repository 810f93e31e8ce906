import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { NotFoundError, TooLargeError } from '@tcma/errors';
import { Found, PageWindow, PartnerScope, ProspectImportRow } from '@tcma/persistence';
import { ImportProspectsJob, JobName, QueueName } from '@tcma/queue';
import { BlobStorage, BlobTooLargeError } from '@tcma/storage';
import { Actor, PartnersService, scopeOfPartner } from '@tcma/tenancy';
import { Queue } from 'bullmq';
import { Readable } from 'node:stream';
import { csvUpload } from './csv-upload';
import { IMPORT_JOB_OPTIONS } from './import-job';
import { ProspectImportsRepository } from './prospect-imports.repository';
import { ProspectListsService } from './prospect-lists.service';

/**
 * The API's side of imports: the upload streams straight to storage (never whole in
 * memory; refused unless it starts like CSV text), the import is recorded and queued, and
 * the caller gets its id at once.
 */
@Injectable()
export class ProspectImportsService {
  constructor(
    @InjectQueue(QueueName.Enroll) private readonly queue: Queue,
    private readonly imports: ProspectImportsRepository,
    private readonly partners: PartnersService,
    private readonly lists: ProspectListsService,
    private readonly storage: BlobStorage,
    private readonly config: AppConfig,
  ) {}

  async start(actor: Actor, partnerId: string, body: Readable, listId?: string): Promise<ProspectImportRow> {
    const scope = await this.partnerScope(actor, partnerId);
    if (listId) await this.lists.get(actor, partnerId, listId);
    let stored: { key: string; size: number };
    try {
      stored = await this.storage.putStream(Readable.from(csvUpload(body)), this.config.maxImportBytes);
    } catch (e) {
      if (e instanceof BlobTooLargeError) throw new TooLargeError(`Imports may be at most ${this.config.maxImportBytes} bytes`);
      throw e;
    }
    const created = await this.imports.create(scope, { listId: listId ?? null, fileKey: stored.key, fileSize: String(stored.size), createdBy: actor.userId });
    const job: ImportProspectsJob = { importId: created.id };
    await this.queue.add(JobName.ImportProspects, job, { ...IMPORT_JOB_OPTIONS, jobId: `import-${created.id}` });
    return created;
  }

  async get(actor: Actor, partnerId: string, id: string): Promise<ProspectImportRow> {
    const found = await this.imports.find(await this.partnerScope(actor, partnerId), id);
    if (!found) throw new NotFoundError('Import');
    return found;
  }

  async list(actor: Actor, partnerId: string, window: PageWindow): Promise<Found<ProspectImportRow>> {
    return this.imports.list(await this.partnerScope(actor, partnerId), window);
  }

  /** The rejected rows (line, reason, the row as sent) as CSV, once the import has finished. */
  async report(actor: Actor, partnerId: string, id: string): Promise<Readable> {
    const found = await this.get(actor, partnerId, id);
    const stream = found.reportKey ? await this.storage.openStream(found.reportKey) : null;
    if (!stream) throw new NotFoundError('Import report');
    return stream;
  }

  /** The named partner's scope, once the actor may act for it (404 otherwise). */
  private async partnerScope(actor: Actor, partnerId: string): Promise<PartnerScope> {
    return scopeOfPartner(await this.partners.get(actor, partnerId));
  }
}
