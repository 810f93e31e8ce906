import { Injectable } from '@nestjs/common';
import { csvRow, readCsv } from '@tcma/csv';
import type { PartnerScope } from '@tcma/persistence';
import { BlobStorage } from '@tcma/storage';
import { Readable } from 'node:stream';
import { ProspectImportsRepository } from './prospect-imports.repository';

/** As the report is written and listed: every record of the engine's own CSV reads whole. */
const MAX_RECORD_CHARS = 128 * 1024;

export interface ImportFilesErased {
  /** Rows taken out of rejected-rows reports. */
  reportRows: number;
  /** Uploaded files of finished imports deleted because they named the person. */
  files: number;
}

/**
 * Erasing a person from a partner's import files, which the database erasure cannot reach: each
 * rejected-rows report that has a row naming them (a cell equal to the address, any case, blanks
 * around it ignored) is written again without those rows, and a finished import's uploaded file
 * that names them is deleted now rather than when the stored-files sweep would take it. Files are
 * content-addressed and may be shared: an old report goes once no import names it, an uploaded
 * file is kept while an unfinished import still needs it.
 */
@Injectable()
export class ImportFilesErasure {
  constructor(
    private readonly imports: ProspectImportsRepository,
    private readonly storage: BlobStorage,
  ) {}

  async erase(scope: PartnerScope, email: string): Promise<ImportFilesErased> {
    const erased: ImportFilesErased = { reportRows: 0, files: 0 };
    for (const found of await this.imports.filesOf(scope)) {
      if (found.reportKey && (await this.rowsNaming(found.reportKey, email)) > 0) {
        const rewritten = await this.rewriteWithout(found.reportKey, email);
        await this.imports.replaceReport(scope, found.id, rewritten.key, rewritten.removed);
        if (!(await this.imports.fileNamedForSystem(found.reportKey))) await this.storage.delete(found.reportKey);
        erased.reportRows += rewritten.removed;
      }
      if (
        found.finished &&
        (await this.rowsNaming(found.fileKey, email)) > 0 &&
        !(await this.imports.fileNeededForSystem(found.fileKey))
      ) {
        await this.storage.delete(found.fileKey);
        erased.files++;
      }
    }
    return erased;
  }

  /** Records of the stored CSV naming the person; 0 when the file is gone. */
  private async rowsNaming(key: string, email: string): Promise<number> {
    const stream = await this.storage.openStream(key);
    if (!stream) return 0;
    let n = 0;
    try {
      for await (const item of readCsv(stream, { maxRecordChars: MAX_RECORD_CHARS }))
        if (item.kind === 'record' && names(item.cells, email)) n++;
    } finally {
      stream.destroy();
    }
    return n;
  }

  private async rewriteWithout(key: string, email: string): Promise<{ key: string; removed: number }> {
    const source = await this.storage.openStream(key);
    if (!source) throw new Error(`Import report ${key} vanished while it was being erased from`);
    let removed = 0;
    async function* kept() {
      try {
        for await (const item of readCsv(source!, { maxRecordChars: MAX_RECORD_CHARS })) {
          if (item.kind !== 'record') continue;
          if (names(item.cells, email)) removed++;
          else yield csvRow(item.cells);
        }
      } finally {
        source!.destroy();
      }
    }
    const stored = await this.storage.putStream(Readable.from(kept()), Number.MAX_SAFE_INTEGER);
    return { key: stored.key, removed };
  }
}

const names = (cells: string[], email: string) => cells.some((c) => c.trim().toLowerCase() === email);
