import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { BlobStorage, PublicBlobsRepository, S3BlobStorage } from '@tcma/storage';
import { FileReferencesRepository } from './file-references.repository';

export interface StoredFilesSweepResult {
  /** Rows no request can ask for again, removed (their files go once nothing else names them). */
  renders: number;
  uploads: number;
  /** Stored files removed from the store. */
  files: number;
  /** Leftovers of interrupted writes removed. */
  leftovers: number;
  /** Whether the walk over the store reached its end (it goes on from where it stopped otherwise). */
  walked: boolean;
}

/** Rows removed per statement. */
const ROW_BATCH = 1000;
/** Stored files looked at per page of the walk, and pages per run: a run covers at most 50,000, the next goes on from there. */
const PAGE = 1000;
const PAGES_PER_RUN = 50;
/** Published files copied to the bucket's public folder per run. */
const COPY_BATCH = 500;

/**
 * Removes stored files no longer referenced, STORAGE_GC_GRACE_HOURS after they stopped being
 * wanted (and after they were last written: storing the same bytes again restarts the
 * wait, so a file being referenced anew is never taken away):
 * - renders nothing can ask for again (see FileReferencesRepository.removeUnwantedRendersForSystem);
 * - vendors' uploads none of their campaigns uses;
 * - a finished prospect import's CSV (its rejected-rows report stays with the import);
 * - logos no brand kit has, except those linked from emails whose events are kept;
 * - files no row names at all (an upload whose request failed half-way).
 * Then it walks the store in key order and removes every file older than the grace period
 * that nothing names, and the leftovers of interrupted writes.
 */
@Injectable()
export class StoredFilesSweepService {
  private readonly logger = new Logger(StoredFilesSweepService.name);

  constructor(
    private readonly files: FileReferencesRepository,
    private readonly storage: BlobStorage,
    private readonly published: PublicBlobsRepository,
    private readonly config: AppConfig,
  ) {}

  async sweep(now: Date, eventsKeptSince: Date | null): Promise<StoredFilesSweepResult> {
    const before = new Date(now.getTime() - this.config.storageGcGraceMs);
    const result: StoredFilesSweepResult = { renders: 0, uploads: 0, files: 0, leftovers: 0, walked: false };
    for (let n = ROW_BATCH; n === ROW_BATCH;)
      result.renders += n = (await this.files.removeUnwantedRendersForSystem(before, ROW_BATCH)).length;
    for (const vendorId of await this.files.vendorIdsForSystem())
      result.uploads += (await this.files.removeUnreferencedUploadsForSystem(vendorId, before)).length;
    for (let n = ROW_BATCH; n === ROW_BATCH;) n = await this.files.settleReplacedLogosForSystem(before, ROW_BATCH);

    let after = await this.files.walkCursorForSystem();
    for (let page = 0; page < PAGES_PER_RUN; page++) {
      const blobs = await this.storage.list(after, PAGE);
      const old = blobs.filter((b) => b.modifiedAt < before).map((b) => b.key);
      const referenced = await this.files.referencedForSystem(old, before, eventsKeptSince);
      result.files += await this.remove(
        old.filter((k) => !referenced.has(k)),
        before,
      );
      after = blobs.length === PAGE ? blobs[PAGE - 1].key : null;
      if (!after) {
        result.walked = true;
        break;
      }
    }
    await this.files.saveWalkCursorForSystem(after);
    result.leftovers = await this.storage.removeStaleTemporary(before);
    await this.copyPublished();
    if (result.renders || result.uploads || result.files || result.leftovers) {
      this.logger.log(
        `Stored files: ${result.files} removed (${result.renders} renders and ${result.uploads} uploads no longer referenced); ${result.leftovers} leftovers of interrupted writes`,
      );
    }
    return result;
  }

  /** Removes files nothing names, each only if it was not written again since the walk saw it. */
  private async remove(keys: string[], before: Date): Promise<number> {
    const removed: string[] = [];
    for (const key of keys) {
      const modified = await this.storage.modifiedAt(key);
      if (!modified || modified >= before) continue;
      await this.storage.delete(key);
      if (this.storage instanceof S3BlobStorage) await this.storage.unpublish(key);
      removed.push(key);
    }
    await this.published.remove(removed);
    return removed.length;
  }

  /** With PUBLIC_FILE_URLS=public: copies files published before it was chosen to where the bucket serves them. */
  private async copyPublished(): Promise<void> {
    if (this.config.publicFileUrls !== 'public' || !(this.storage instanceof S3BlobStorage)) return;
    const copied: string[] = [];
    for (const row of await this.published.withoutPublicCopy(COPY_BATCH)) {
      if (await this.storage.has(row.key)) await this.storage.publish(row.key, row.contentType);
      copied.push(row.key);
    }
    await this.published.markCopied(copied);
  }
}
