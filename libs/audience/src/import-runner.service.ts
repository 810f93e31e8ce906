import { Injectable, Logger } from '@nestjs/common';
import { csvRow } from '@tcma/csv';
import { ProspectImportEntity } from '@tcma/persistence';
import { BlobStorage } from '@tcma/storage';
import { parse } from 'csv-parse';
import { PassThrough } from 'node:stream';
import { checkProspect, ColumnTarget, mapHeader, mergeProspects, NormalizedProspect, rowToInput } from './prospect-row';
import { ProspectImportsRepository } from './prospect-imports.repository';
import { ProspectListsRepository } from './prospect-lists.repository';
import { ProspectsRepository } from './prospects.repository';

/** Rows written to the database per statement. */
export const IMPORT_BATCH_SIZE = 10_000;
/** Batch writes in flight at once while the file is still being parsed. */
export const IMPORT_WRITES_IN_FLIGHT = 2;
/** A single CSV record larger than this is refused (the rest of the file still imports). */
const MAX_RECORD_BYTES = 64 * 1024;

export interface ImportOutcome {
  rows: number;
  inserted: number;
  merged: number;
  rejected: number;
}

/** A reason the partner can act on, shown as it is; any other failure is logged and described in general terms. */
class ImportRefused extends Error {}

const INTERNAL_FAILURE = 'The import stopped on an internal error; the rows written before it are kept, and importing the file again completes it';

interface CsvRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

/**
 * Runs a prospect import in the worker: the file is streamed through the CSV parser in
 * batches, never read whole; duplicates (by case-insensitive email) merge; a bad row is
 * reported with its line and reason and never stops the good ones. Safe to run again after
 * a crash: rows merge into what the first run wrote.
 */
@Injectable()
export class ImportRunnerService {
  private readonly logger = new Logger(ImportRunnerService.name);

  constructor(
    private readonly imports: ProspectImportsRepository,
    private readonly prospects: ProspectsRepository,
    private readonly lists: ProspectListsRepository,
    private readonly storage: BlobStorage,
  ) {}

  async run(importId: string): Promise<ImportOutcome | null> {
    const job = await this.imports.find(importId);
    if (!job || job.status === 'completed' || job.status === 'failed') return null;
    await this.imports.update(job.id, { status: 'running' });
    try {
      const outcome = await this.process(job);
      return outcome;
    } catch (e) {
      this.logger.error(`Import ${job.id} failed: ${(e as Error).message}`);
      const error = e instanceof ImportRefused ? e.message : INTERNAL_FAILURE;
      await this.imports.update(job.id, { status: 'failed', error, finishedAt: new Date() });
      return null;
    }
  }

  private async process(job: ProspectImportEntity): Promise<ImportOutcome> {
    const source = await this.storage.openStream(job.fileKey);
    if (!source) throw new ImportRefused('The uploaded file is no longer in storage');
    const report = new PassThrough();
    const stored = this.storage.putStream(report, Number.MAX_SAFE_INTEGER);
    // Awaited on every path below; until then a failure of its own must not go unhandled.
    stored.catch(() => undefined);
    const outcome: ImportOutcome = { rows: 0, inserted: 0, merged: 0, rejected: 0 };
    let columns: ColumnTarget[] | null = null;
    let ignored: string[] = [];
    let batch = new Map<string, NormalizedProspect>();
    let previousLines = 0;
    let previousEmpty = 0;

    // The report's header: line, reason, then the file's own header, so each rejected row reads as it was sent.
    let reportHeader: string[] | null = null;
    const startReport = (fileHeader: string[]) => {
      if (reportHeader) return;
      reportHeader = ['line', 'reason', ...fileHeader];
      report.write(csvRow(reportHeader));
    };
    const reject = (line: number, reason: string, cells: string[]) => {
      startReport([]);
      outcome.rejected++;
      if (!report.write(csvRow([line, reason, ...cells]))) return new Promise<void>((resolve) => report.once('drain', () => resolve()));
      return undefined;
    };
    const write = async (rows: NormalizedProspect[]) => {
      const result = await this.prospects.upsertMany(job.vendorId, job.partnerId, rows);
      outcome.inserted += result.inserted;
      outcome.merged += result.merged;
      if (job.listId) await this.lists.addMembers(job.listId, job.partnerId, result.ids);
    };
    // Batches are written while the next ones are parsed, up to IMPORT_WRITES_IN_FLIGHT at
    // once. A batch that shares an address with one still being written waits for it, so the
    // later row's values always win the merge (and two writes never lock the same row).
    const writes: Array<{ emails: Map<string, NormalizedProspect>; done: Promise<void> }> = [];
    let failure: Error | null = null;
    const stopIfFailed = () => {
      if (failure) throw failure;
    };
    const flush = async () => {
      if (!batch.size) return;
      const emails = batch;
      batch = new Map();
      while (writes.length >= IMPORT_WRITES_IN_FLIGHT) await writes[0].done.catch(() => undefined);
      for (const earlier of writes.filter((w) => [...emails.keys()].some((email) => w.emails.has(email)))) await earlier.done.catch(() => undefined);
      // Once a write has failed no other starts.
      stopIfFailed();
      const entry = { emails, done: write([...emails.values()]) };
      writes.push(entry);
      const settled = () => writes.splice(writes.indexOf(entry), 1);
      entry.done.then(settled, (e: Error) => {
        failure ??= e;
        settled();
      });
    };

    const parser = source.pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_RECORD_BYTES, skip_records_with_error: true }),
    );
    const parseErrors: Array<{ line: number; reason: string }> = [];
    parser.on('skip', (error: Error & { lines?: number }) => parseErrors.push({ line: error.lines ?? previousLines + 1, reason: `unreadable CSV: ${error.message}` }));

    try {
      for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
        // The line a record starts on, counted from the records themselves: csv-parse's own
        // count takes a CRLF inside a quoted field for two lines.
        const line = previousLines + 1 + (info.empty_lines - previousEmpty);
        previousLines = line + record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        previousEmpty = info.empty_lines;
        for (const e of parseErrors.splice(0)) {
          outcome.rows++;
          await reject(e.line, e.reason, []);
        }
        if (!columns) {
          const header = mapHeader(record);
          if (header.missingEmail) throw new ImportRefused('The first row must be a header with an email column');
          columns = header.columns;
          ignored = header.ignored;
          startReport(record.map((cell) => cell.replace(/^\uFEFF/, '')));
          continue;
        }
        outcome.rows++;
        const checked = checkProspect(rowToInput(columns, record));
        if (!checked.ok) {
          await reject(line, checked.reason, record);
          continue;
        }
        const earlier = batch.get(checked.prospect.emailLower);
        if (earlier) outcome.merged++;
        batch.set(checked.prospect.emailLower, earlier ? mergeProspects(earlier, checked.prospect) : checked.prospect);
        if (batch.size >= IMPORT_BATCH_SIZE) await flush();
      }
      for (const e of parseErrors.splice(0)) {
        outcome.rows++;
        await reject(e.line, e.reason, []);
      }
      await flush();
      await Promise.allSettled(writes.map((w) => w.done));
      stopIfFailed();
    } catch (e) {
      // Reported failed only once every write has settled, never while rows of it still arrive;
      // the half-written report is discarded.
      await Promise.allSettled(writes.map((w) => w.done));
      report.destroy();
      await stored.catch(() => undefined);
      throw e;
    } finally {
      source.destroy();
    }
    startReport([]);
    report.end();
    const { key: reportKey } = await stored;
    await this.imports.update(job.id, { status: 'completed', ...outcome, reportKey, ignoredColumns: ignored, finishedAt: new Date() });
    return outcome;
  }
}
