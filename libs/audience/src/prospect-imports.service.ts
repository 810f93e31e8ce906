import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { NotFoundError, TooLargeError } from '@tcma/errors';
import { ProspectImportEntity } from '@tcma/persistence';
import { ImportProspectsJob, JobName, QueueName } from '@tcma/queue';
import { BlobStorage, BlobTooLargeError } from '@tcma/storage';
import { Actor, PartnersService } from '@tcma/tenancy';
import { Queue } from 'bullmq';
import type { Readable } from 'node:stream';
import { ProspectImportsRepository } from './prospect-imports.repository';
import { ProspectListsService } from './prospect-lists.service';

/**
 * The API's side of imports: the upload streams straight to storage (never whole in
 * memory), the import is recorded and queued, and the caller gets its id at once.
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

  async start(actor: Actor, partnerId: string, body: Readable, listId?: string): Promise<ProspectImportEntity> {
    const partner = await this.partners.get(actor, partnerId);
    if (listId) await this.lists.get(actor, partnerId, listId);
    let stored: { key: string; size: number };
    try {
      stored = await this.storage.putStream(body, this.config.maxImportBytes);
    } catch (e) {
      if (e instanceof BlobTooLargeError) throw new TooLargeError(`Imports may be at most ${this.config.maxImportBytes} bytes`);
      throw e;
    }
    const created = await this.imports.create({ vendorId: partner.vendorId, partnerId: partner.id, listId: listId ?? null, fileKey: stored.key, fileSize: String(stored.size), createdBy: actor.userId });
    const job: ImportProspectsJob = { importId: created.id };
    await this.queue.add(JobName.ImportProspects, job, { jobId: `import-${created.id}`, attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: { age: 7 * 86400 } });
    return created;
  }

  async get(actor: Actor, partnerId: string, id: string): Promise<ProspectImportEntity> {
    const partner = await this.partners.get(actor, partnerId);
    const found = await this.imports.findInPartner(partner.id, id);
    if (!found) throw new NotFoundError('Import');
    return found;
  }

  async list(actor: Actor, partnerId: string): Promise<ProspectImportEntity[]> {
    const partner = await this.partners.get(actor, partnerId);
    return this.imports.listForPartner(partner.id);
  }

  /** The rejected rows (line, reason, the row as sent) as CSV, once the import has finished. */
  async report(actor: Actor, partnerId: string, id: string): Promise<Readable> {
    const found = await this.get(actor, partnerId, id);
    const stream = found.reportKey ? await this.storage.openStream(found.reportKey) : null;
    if (!stream) throw new NotFoundError('Import report');
    return stream;
  }
}
