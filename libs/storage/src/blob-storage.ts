/**
 * Where uploaded and rendered files live. Keys are content addresses (the SHA-256 of the
 * bytes), so the same bytes are stored once and a key never changes meaning. Local disk is
 * the default (LocalDiskStorage); S3BlobStorage keeps them in an S3-compatible bucket, so
 * API and worker processes on several hosts share them.
 */
import type { Readable } from 'node:stream';

export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/** A stored blob as the garbage collector walks them. */
export interface StoredBlob {
  key: string;
  /** When its bytes were last written: storing the same bytes again counts as a write. */
  modifiedAt: Date;
}

export abstract class BlobStorage {
  /**
   * Stores the bytes and returns their key. Bytes already stored are written again (or their
   * time refreshed), so the garbage collector's grace period runs from the latest store.
   */
  abstract put(bytes: Buffer): Promise<string>;
  /** The bytes under a key, or null when there are none. */
  abstract get(key: string): Promise<Buffer | null>;
  abstract has(key: string): Promise<boolean>;
  abstract delete(key: string): Promise<void>;
  /** Stores a stream without holding it in memory; refuses (BlobTooLargeError) past maxBytes. */
  abstract putStream(source: Readable, maxBytes: number): Promise<{ key: string; size: number }>;
  abstract openStream(key: string): Promise<Readable | null>;
  /** When the bytes under a key were last written, or null when there are none. */
  abstract modifiedAt(key: string): Promise<Date | null>;
  /** Up to `limit` blobs in key order, after the key `after` (from the first when null). */
  abstract list(after: string | null, limit: number): Promise<StoredBlob[]>;
  /** Removes what interrupted writes left behind (partial files, unfinished uploads) older than `before`; returns how many. */
  abstract removeStaleTemporary(before: Date): Promise<number>;
}

export const BLOB_KEY_PATTERN = /^sha256-[0-9a-f]{64}$/;
