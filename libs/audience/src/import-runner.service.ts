import { Injectable, Logger } from '@nestjs/common';
import { CsvItem, readCsv } from '@tcma/csv';
import { isTransientDatabaseError, PartnerScope, ProspectImportRow, Transactions } from '@tcma/persistence';
import { Clock } from '@tcma/clock';
import { BlobStorage } from '@tcma/storage';
import type { Readable } from 'node:stream';
import { ImportBatch, ImportBatchWriter, IMPORT_BATCH_SIZE } from './import-batches';
import { ImportAttempt, SINGLE_ATTEMPT } from './import-job';
import { ImportReport } from './import-report';
import { ProspectImportsRepository } from './prospect-imports.repository';
import { ProspectListsRepository } from './prospect-lists.repository';
import {
  checkProspect,
  ColumnTarget,
  fieldCountProblem,
  mapHeader,
  mergeProspects,
  NormalizedProspect,
  rowToInput,
} from './prospect-row';
import { ProspectsRepository } from './prospects.repository';

/** A single CSV record longer than this is refused (the rest of the file still imports). */
const MAX_RECORD_CHARS = 64 * 1024;
/** While the file is read, the rows read and rejected so far are recorded this often (in rows), for the import's progress. */
export const IMPORT_PROGRESS_ROWS = 5_000;

export interface ImportOutcome {
  rows: number;
  inserted: number;
  merged: number;
  rejected: number;
}

/** A reason the partner can act on, shown as it is; any other failure is logged and described in general terms. */
class ImportRefused extends Error {}

const INTERNAL_FAILURE =
  'The import stopped on an internal error; the rows written before it are kept, and importing the file again completes it';

interface FileHeader {
  cells: string[];
  columns: ColumnTarget[];
  ignored: string[];
}

type RowCheck = { ok: true; prospect: NormalizedProspect } | { ok: false; reason: string };

/** What reading the file found, before the database has had its say. */
interface ReadOutcome {
  rows: number;
  /** Rows merged into an earlier row of the file itself. */
  mergedInFile: number;
  ignored: string[];
}

/**
 * Runs a prospect import in the worker, as a pipeline: the stored file is read record by
 * record (never whole), the header maps columns, each row is checked (a bad one goes to the
 * report with its line and reason and never stops the good ones), good rows are merged by
 * email into batches, and batches are written while the next are read. A transient database
 * failure is thrown for the queue to retry; the retry skips the batches already committed.
 */
@Injectable()
export class ImportRunnerService {
  private readonly logger = new Logger(ImportRunnerService.name);

  constructor(
    private readonly imports: ProspectImportsRepository,
    private readonly prospects: ProspectsRepository,
    private readonly lists: ProspectListsRepository,
    private readonly storage: BlobStorage,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async run(importId: string, attempt: ImportAttempt = SINGLE_ATTEMPT): Promise<ImportOutcome | null> {
    let job: ProspectImportRow | null = null;
    try {
      job = await this.imports.findForSystem(importId);
      if (!job || job.status === 'completed' || job.status === 'failed') return null;
      await this.imports.updateForSystem(job.id, { status: 'running' });
      return await this.importFile(job, attempt);
    } catch (e) {
      return this.fail(importId, job, attempt, e);
    }
  }

  private async importFile(job: ProspectImportRow, attempt: ImportAttempt): Promise<ImportOutcome> {
    const source = await this.storage.openStream(job.fileKey);
    if (!source) throw new ImportRefused('The uploaded file is no longer in storage');
    const report = new ImportReport(this.storage);
    const writer = new ImportBatchWriter((rows) => this.writeBatch(job, rows), attempt);
    try {
      const read = await this.readFile(source, report, writer, (rows) =>
        this.imports.updateForSystem(job.id, { rows, rejected: report.rejected }),
      );
      const written = await writer.finish();
      const outcome: ImportOutcome = {
        rows: read.rows,
        inserted: written.inserted,
        merged: read.mergedInFile + written.merged,
        rejected: report.rejected,
      };
      const reportKey = await report.finish();
      await this.imports.updateForSystem(job.id, {
        status: 'completed',
        ...outcome,
        reportKey,
        ignoredColumns: read.ignored,
        finishedAt: new Date(),
      });
      this.logger.log(
        `Import ${job.id} of partner ${job.partnerId} completed: ${outcome.rows} rows, ${outcome.inserted} inserted, ${outcome.merged} merged, ${outcome.rejected} rejected${outcome.rejected ? ' (its report lists them)' : ''}`,
      );
      return outcome;
    } catch (e) {
      // Reported only once every write has settled, never while rows of it still arrive.
      await writer.settle();
      await report.discard();
      throw e;
    } finally {
      source.destroy();
    }
  }

  /**
   * Reads the file: header, then rows checked, merged into batches and handed to the writer;
   * every IMPORT_PROGRESS_ROWS rows the count so far is recorded, so a large file shows progress.
   */
  private async readFile(
    source: Readable,
    report: ImportReport,
    writer: ImportBatchWriter,
    recordProgress: (rows: number) => Promise<void>,
  ): Promise<ReadOutcome> {
    let header: FileHeader | null = null;
    let batch: ImportBatch = new Map();
    const outcome: ReadOutcome = { rows: 0, mergedInFile: 0, ignored: [] };
    for await (const item of readCsv(source, { maxRecordChars: MAX_RECORD_CHARS })) {
      if (!header) {
        header = this.header(item);
        outcome.ignored = header.ignored;
        report.start(header.cells);
        continue;
      }
      outcome.rows++;
      if (outcome.rows % IMPORT_PROGRESS_ROWS === 0) await recordProgress(outcome.rows);
      const checked = this.checkRow(header, item);
      if (!checked.ok) {
        await report.reject(item.line, checked.reason, item.kind === 'record' ? item.cells : []);
        continue;
      }
      if (this.addToBatch(batch, checked.prospect)) outcome.mergedInFile++;
      if (batch.size >= IMPORT_BATCH_SIZE) {
        await writer.add(batch);
        batch = new Map();
      }
    }
    if (!header) throw new ImportRefused('The file is empty: the first row must be a header with an email column');
    if (batch.size) await writer.add(batch);
    return outcome;
  }

  private header(item: CsvItem): FileHeader {
    if (item.kind === 'unreadable')
      throw new ImportRefused(`The header row (line ${item.line}) cannot be read: ${item.reason}`);
    const mapped = mapHeader(item.cells);
    if (mapped.missingEmail) throw new ImportRefused('The first row must be a header with an email column');
    return {
      cells: item.cells.map((cell) => cell.replace(/^\uFEFF/, '')),
      columns: mapped.columns,
      ignored: mapped.ignored,
    };
  }

  private checkRow(header: FileHeader, item: CsvItem): RowCheck {
    if (item.kind === 'unreadable') return { ok: false, reason: `unreadable CSV: ${item.reason}` };
    const misaligned = fieldCountProblem(header.cells.length, item.cells);
    if (misaligned) return { ok: false, reason: misaligned };
    return checkProspect(rowToInput(header.columns, item.cells));
  }

  /** Duplicates within a batch merge (later non-empty values win); true when this one did. */
  private addToBatch(batch: ImportBatch, prospect: NormalizedProspect): boolean {
    const earlier = batch.get(prospect.emailLower);
    batch.set(prospect.emailLower, earlier ? mergeProspects(earlier, prospect) : prospect);
    return earlier !== undefined;
  }

  /**
   * One batch commits whole (prospects, the consent records of those it created, list
   * memberships), so a retry can skip it.
   */
  private writeBatch(
    job: ProspectImportRow,
    rows: NormalizedProspect[],
  ): Promise<{ inserted: number; merged: number }> {
    // The import names its partner: every row it writes is that partner's.
    const scope = new PartnerScope(job.vendorId, job.partnerId);
    return this.transactions.run(async (tx) => {
      const result = await this.prospects.upsertMany(scope, rows, tx, this.clock.now());
      if (job.listId) await this.lists.addMembers(scope, job.listId, result.ids, tx);
      return result;
    });
  }

  /**
   * A transient database failure with a retry to come is thrown for the queue (the import
   * waits `queued`); anything else, or the last attempt, fails the import with a reason.
   */
  private async fail(
    importId: string,
    job: ProspectImportRow | null,
    attempt: ImportAttempt,
    e: unknown,
  ): Promise<null> {
    const message = (e as Error)?.message ?? String(e);
    if (attempt.willRetry && isTransientDatabaseError(e)) {
      this.logger.warn(`Import ${importId} interrupted by a database error (${message}); it will be tried again`);
      if (job) await this.imports.updateForSystem(job.id, { status: 'queued' }).catch(() => undefined);
      throw e;
    }
    // A file the partner must fix is a warning about their file; only the engine's own failures are errors.
    if (e instanceof ImportRefused)
      this.logger.warn(
        `Import ${importId}${job ? ` of partner ${job.partnerId}` : ''} refused the partner's file: ${message}`,
      );
    else this.logger.error(`Import ${importId} failed: ${message}`);
    if (!job) throw e;
    const error = e instanceof ImportRefused ? e.message : INTERNAL_FAILURE;
    await this.imports.updateForSystem(job.id, { status: 'failed', error, finishedAt: new Date() });
    return null;
  }
}
