import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BLOB_KEY_PATTERN, BlobStorage, BlobTooLargeError, StoredBlob } from './blob-storage';

/** Blobs as files under <dataDir>/blobs/ab/cd/<key>, written atomically (temp file + rename). */
export class LocalDiskStorage extends BlobStorage {
  private readonly root: string;

  constructor(dataDir: string) {
    super();
    this.root = path.join(dataDir, 'blobs');
  }

  async put(bytes: Buffer): Promise<string> {
    const key = `sha256-${createHash('sha256').update(bytes).digest('hex')}`;
    const file = this.fileOf(key);
    if (await this.touch(file)) return key;
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    if (!BLOB_KEY_PATTERN.test(key)) return null;
    try {
      return await fs.readFile(this.fileOf(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  has(key: string): Promise<boolean> {
    return BLOB_KEY_PATTERN.test(key) ? this.exists(this.fileOf(key)) : Promise.resolve(false);
  }

  async delete(key: string): Promise<void> {
    if (!BLOB_KEY_PATTERN.test(key)) return;
    await fs.rm(this.fileOf(key), { force: true });
  }

  async putStream(source: Readable, maxBytes: number): Promise<{ key: string; size: number }> {
    const hash = createHash('sha256');
    let size = 0;
    const tmpDir = path.join(this.root, 'tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomBytes(8).toString('hex')}.part`);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new BlobTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmp));
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
    const key = `sha256-${hash.digest('hex')}`;
    const file = this.fileOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.rename(tmp, file);
    return { key, size };
  }

  async openStream(key: string): Promise<Readable | null> {
    if (!BLOB_KEY_PATTERN.test(key) || !(await this.exists(this.fileOf(key)))) return null;
    return createReadStream(this.fileOf(key));
  }

  async modifiedAt(key: string): Promise<Date | null> {
    if (!BLOB_KEY_PATTERN.test(key)) return null;
    try {
      return (await fs.stat(this.fileOf(key))).mtime;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Walks blobs/ab/cd/<key> in key order, reading only the folders at or after `after`. */
  async list(after: string | null, limit: number): Promise<StoredBlob[]> {
    const from = after ? after.slice('sha256-'.length) : '';
    const out: StoredBlob[] = [];
    for (const top of await this.folders(this.root)) {
      if (top < from.slice(0, 2)) continue;
      for (const sub of await this.folders(path.join(this.root, top))) {
        if (top + sub < from.slice(0, 4)) continue;
        const dir = path.join(this.root, top, sub);
        const names = (await fs.readdir(dir)).filter((n) => BLOB_KEY_PATTERN.test(n) && (!after || n > after)).sort();
        for (const name of names) {
          const stat = await fs.stat(path.join(dir, name)).catch(() => null);
          if (stat) out.push({ key: name, modifiedAt: stat.mtime });
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }

  async removeStaleTemporary(before: Date): Promise<number> {
    let removed = 0;
    // put() leaves <key>.<random>.tmp beside the blob and putStream tmp/<random>.part when a process dies mid-write.
    const candidates = [
      ...(await this.entries(path.join(this.root, 'tmp'))).map((n) => path.join(this.root, 'tmp', n)),
    ];
    for (const top of await this.folders(this.root)) {
      for (const sub of await this.folders(path.join(this.root, top))) {
        const dir = path.join(this.root, top, sub);
        candidates.push(...(await this.entries(dir)).filter((n) => n.endsWith('.tmp')).map((n) => path.join(dir, n)));
      }
    }
    for (const file of candidates) {
      const stat = await fs.stat(file).catch(() => null);
      if (stat && stat.mtime < before) {
        await fs.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Two-hex-digit folders of `dir`, sorted. */
  private async folders(dir: string): Promise<string[]> {
    return (await this.entries(dir)).filter((n) => /^[0-9a-f]{2}$/.test(n)).sort();
  }

  private async entries(dir: string): Promise<string[]> {
    try {
      return await fs.readdir(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  /** Refreshes a stored file's time; false when there is none. */
  private async touch(file: string): Promise<boolean> {
    const now = new Date();
    try {
      await fs.utimes(file, now, now);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }

  private fileOf(key: string): string {
    const hex = key.slice('sha256-'.length);
    return path.join(this.root, hex.slice(0, 2), hex.slice(2, 4), key);
  }

  private async exists(file: string): Promise<boolean> {
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  }
}
