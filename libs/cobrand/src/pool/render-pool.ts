import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderTasks, RenderTasks } from './render-tasks';

interface Pending {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Runs CPU-heavy renders (pdf-lib, MuPDF) on worker threads so they use every core and never
 * block the event loop that sends email. Tasks go to the thread with the fewest in flight.
 * With zero threads, or from TypeScript sources without a build (unit tests), tasks run inline.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly threads: number) {
    const entry = RenderPool.threadEntry();
    if (!entry) return;
    for (let i = 0; i < threads; i++) this.slots.push(this.start(entry));
  }

  /** The compiled thread entry: beside this file in dist/, or dist/'s copy when run from src/. */
  static threadEntry(): string | null {
    const local = path.join(__dirname, 'render-thread.js');
    if (fs.existsSync(local)) return local;
    const root = path.resolve(__dirname, '../../../..');
    const built = path.join(root, 'dist', path.relative(root, __dirname), 'render-thread.js');
    return fs.existsSync(built) ? built : null;
  }

  get size(): number {
    return this.slots.length;
  }

  run<K extends keyof RenderTasks>(
    task: K,
    input: Parameters<RenderTasks[K]>[0],
    transfer: ArrayBuffer[] = [],
  ): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('The render pool is closed'));
    if (!this.slots.length) return (renderTasks[task] as (i: typeof input) => Promise<Uint8Array>)(input);
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, task, input }, transfer);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private start(entry: string): Slot {
    const slot: Slot = { worker: new Worker(entry), pending: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
      const p = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.bytes as Uint8Array);
    });
    slot.worker.on('error', (error) => {
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
      // A crashed thread is replaced so the pool keeps its size.
      if (!this.closed) this.slots.splice(this.slots.indexOf(slot), 1, this.start(entry));
    });
    return slot;
  }
}
