import { csvRow } from '@tcma/csv';
import { BlobStorage } from '@tcma/storage';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';

/**
 * The rejected rows of an import, streamed to storage as CSV while the file is read: line,
 * reason, then the row as it was sent, under the file's own header.
 */
export class ImportReport {
  private readonly out = new PassThrough();
  private readonly stored: Promise<{ key: string }>;
  private started = false;
  rejected = 0;

  constructor(storage: BlobStorage) {
    this.stored = storage.putStream(this.out, Number.MAX_SAFE_INTEGER);
    // Awaited by finish or discard; until then a failure of its own must not go unhandled.
    this.stored.catch(() => undefined);
  }

  /** The header: line, reason, then the file's own, so each rejected row reads as it was sent. */
  start(fileHeader: string[]): void {
    if (this.started) return;
    this.started = true;
    this.out.write(csvRow(['line', 'reason', ...fileHeader]));
  }

  async reject(line: number, reason: string, cells: string[]): Promise<void> {
    this.start([]);
    this.rejected++;
    if (!this.out.write(csvRow([line, reason, ...cells]))) await once(this.out, 'drain');
  }

  /** Stores the report; its key. */
  async finish(): Promise<string> {
    this.start([]);
    this.out.end();
    return (await this.stored).key;
  }

  /** Drops a half-written report. */
  async discard(): Promise<void> {
    this.out.destroy();
    await this.stored.catch(() => undefined);
  }
}
