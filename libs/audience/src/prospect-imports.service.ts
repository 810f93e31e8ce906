import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { readCsv } from '@tcma/csv';
import { ConflictError, InvalidError, NotFoundError, TooLargeError } from '@tcma/errors';
import { Found, PageWindow, ProspectImportRow, Transactions } from '@tcma/persistence';
import { ImportProspectsJob, jobOptions, JobName, QueueName, traced } from '@tcma/queue';
import { BlobStorage, BlobTooLargeError } from '@tcma/storage';
import { Actor, PartnersService } from '@tcma/tenancy';
import { Queue } from 'bullmq';
import { Readable } from 'node:stream';
import { csvUpload } from './csv-upload';
import { ProspectImportsRepository } from './prospect-imports.repository';
import { ProspectListsRepository } from './prospect-lists.repository';
import { ProspectListsService } from './prospect-lists.service';

/** Where an import's prospects go besides the partner's prospects: an existing list, or a new one it creates. */
export interface ImportInto {
  listId?: string;
  /** The name of a list the import creates (with the import, once the file is stored). */
  newList?: string;
}

/** A row the import refused, as its report lists it. */
export interface RejectedRow {
  /** The line of the file the row starts on (1 is the header). */
  line: number;
  reason: string;
  /** The row's values as they were sent (none for a row that could not be read). */
  values: string[];
}

/** A report row is read whole; the same bound as the import's own records, plus line and reason. */
const MAX_REPORT_RECORD_CHARS = 128 * 1024;

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
    private readonly listRows: ProspectListsRepository,
    private readonly transactions: Transactions,
    private readonly storage: BlobStorage,
    private readonly config: AppConfig,
  ) {}

  async start(actor: Actor, partnerId: string, body: Readable, into: ImportInto = {}): Promise<ProspectImportRow> {
    const scope = await this.partners.contactsScope(actor, partnerId);
    const newList = into.newList?.trim();
    if (into.newList !== undefined && !newList)
      throw new InvalidError('The new list needs a name', [{ path: 'newList', message: 'must not be empty' }]);
    if (newList && into.listId)
      throw new InvalidError('Import into a list or into a new list, not both', [
        { path: 'newList', message: 'cannot be combined with listId' },
      ]);
    if (into.listId) await this.lists.get(actor, partnerId, into.listId);
    // Checked before the upload is read, so a taken name costs the partner no wait.
    if (newList && (await this.listRows.nameUsed(scope, newList))) throw listNameTaken();
    let stored: { key: string; size: number };
    try {
      stored = await this.storage.putStream(Readable.from(csvUpload(body)), this.config.maxImportBytes);
    } catch (e) {
      if (e instanceof BlobTooLargeError)
        throw new TooLargeError(`Imports may be at most ${this.config.maxImportBytes} bytes`);
      throw e;
    }
    const file = { fileKey: stored.key, fileSize: String(stored.size), createdBy: actor.userId };
    const created = newList
      ? // The list and the import are created together: a list is never left behind by an import that was not recorded.
        await this.transactions
          .run(async (tx) =>
            this.imports.create(scope, { ...file, listId: (await this.listRows.create(scope, newList, tx)).id }, tx),
          )
          .catch((e: unknown) => {
            throw (e as { code?: string }).code === '23505' ? listNameTaken() : e;
          })
      : await this.imports.create(scope, { ...file, listId: into.listId ?? null });
    const job: ImportProspectsJob = traced({ importId: created.id });
    await this.queue.add(JobName.ImportProspects, job, jobOptions[JobName.ImportProspects](created.id));
    return created;
  }

  async get(actor: Actor, partnerId: string, id: string): Promise<ProspectImportRow> {
    const found = await this.imports.find(await this.partners.contactsScope(actor, partnerId), id);
    if (!found) throw new NotFoundError('Import');
    return found;
  }

  async list(actor: Actor, partnerId: string, window: PageWindow): Promise<Found<ProspectImportRow>> {
    return this.imports.list(await this.partners.contactsScope(actor, partnerId), window);
  }

  /** The rejected rows (line, reason, the row as sent) as CSV, once the import has finished. */
  async report(actor: Actor, partnerId: string, id: string): Promise<Readable> {
    const found = await this.get(actor, partnerId, id);
    const stream = found.reportKey ? await this.storage.openStream(found.reportKey) : null;
    if (!stream) throw new NotFoundError('Import report');
    return stream;
  }

  /**
   * A page of the rejected rows, read from the stored report in file order (so the first page
   * is the first lines refused). Listed once the import has finished: 409 before.
   */
  async rejections(actor: Actor, partnerId: string, id: string, window: PageWindow): Promise<Found<RejectedRow>> {
    const found = await this.get(actor, partnerId, id);
    if (found.status !== 'completed')
      throw new ConflictError(
        found.status === 'failed'
          ? 'The import failed: it has no report of rejected rows'
          : 'The import has not finished: its rejected rows are listed once it has',
      );
    const stream = found.reportKey ? await this.storage.openStream(found.reportKey) : null;
    if (!stream) throw new NotFoundError('Import report');
    const items: RejectedRow[] = [];
    let index = -1; // the report's own header is record -1
    try {
      for await (const item of readCsv(stream, { maxRecordChars: MAX_REPORT_RECORD_CHARS })) {
        if (index++ < window.offset) continue;
        if (items.length >= window.limit) break;
        // The report is the engine's own CSV: every record reads whole.
        if (item.kind !== 'record') continue;
        const [line, reason, ...values] = item.cells;
        items.push({ line: Number(line), reason: reason ?? '', values });
      }
    } finally {
      stream.destroy();
    }
    return { items, total: found.rejected };
  }
}

function listNameTaken(): ConflictError {
  return new ConflictError('A list with this name exists', [
    { path: 'newList', message: 'is already used by another list' },
  ]);
}
