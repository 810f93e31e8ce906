/**
 * Where uploaded and rendered files live. Keys are content addresses (the SHA-256 of the
 * bytes), so the same bytes are stored once and a key never changes meaning. Local disk is
 * the default; an S3-compatible store can implement the same methods.
 */
import type { Readable } from 'node:stream';

export class BlobTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

export abstract class BlobStorage {
  /** Stores the bytes (if not already there) and returns their key. */
  abstract put(bytes: Buffer): Promise<string>;
  /** The bytes under a key, or null when there are none. */
  abstract get(key: string): Promise<Buffer | null>;
  abstract has(key: string): Promise<boolean>;
  abstract delete(key: string): Promise<void>;
  /** Stores a stream without holding it in memory; refuses (BlobTooLargeError) past maxBytes. */
  abstract putStream(source: Readable, maxBytes: number): Promise<{ key: string; size: number }>;
  abstract openStream(key: string): Promise<Readable | null>;
}

export const BLOB_KEY_PATTERN = /^sha256-[0-9a-f]{64}$/;
