import { ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LogoResult } from '../brand/normalize-logo';
import type { ImageInspection } from '../files/inspect-image';
import type { PdfInspection } from '../files/inspect-pdf';
import { reviveResult, SandboxInput, SandboxResult, SandboxTask, sandboxTasks } from './sandbox-tasks';

export interface FileSandboxOptions {
  /** Sandbox processes running at most one file each (started when needed). */
  processes: number;
  /** How long one file may take before its process is killed. */
  timeoutMs: number;
  /** A process idle this long exits, giving its memory back. */
  idleMs: number;
  /** Node's own options for the processes (none by default; e.g. a heap limit). */
  execArgv?: string[];
  /**
   * The processes' niceness (10 by default: below the process serving requests). On a machine
   * busy with other work a process at 10 gets a tenth of a process at 0's share of a core.
   */
  niceness?: number;
}

/** How long an untrusted file may take to check or normalise: a large logo takes a few seconds. */
export const UNTRUSTED_FILE_TIMEOUT_MS = 20_000;
export const DEFAULT_SANDBOX_OPTIONS: FileSandboxOptions = {
  processes: 2,
  timeoutMs: UNTRUSTED_FILE_TIMEOUT_MS,
  idleMs: 60_000,
};

export class SandboxTimeoutError extends Error {}

interface Job {
  tenant: string;
  task: SandboxTask;
  input: unknown;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Sandbox {
  child: ChildProcess;
  job: Job | null;
  jobId: number;
  timer?: NodeJS.Timeout;
  /** The process has loaded its code (sharp, the tasks) and said so: a file's time counts from then. */
  ready: boolean;
}

/**
 * How long a new sandbox process may take to load before it is killed (and its file refused as
 * the process ending). Its loading is not the file's time: on a loaded machine a process started
 * at low priority may need seconds before it reads its first byte.
 */
export const SANDBOX_START_MS = 30_000;

type Channel = { ref?(): void; unref?(): void } | undefined;

/**
 * Decodes and renders untrusted files (logos, vendor images and PDFs) in separate, lower-priority
 * processes, off the event loop and off the libuv thread pool of the process serving requests:
 * a file that takes too long is stopped by killing its process. Each tenant has at most one
 * file in progress, so another tenant's file waits at most for the files already running.
 * Without a built entry (unit tests from TypeScript sources) tasks run inline.
 */
export class FileSandbox {
  private readonly sandboxes: Sandbox[] = [];
  private readonly waiting: Job[] = [];
  private readonly busyTenants = new Set<string>();
  private readonly entry = FileSandbox.processEntry();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: FileSandboxOptions = DEFAULT_SANDBOX_OPTIONS) {}

  /** The compiled process entry: beside this file in dist/, or dist/'s copy when run from src/. */
  static processEntry(): string | null {
    const local = path.join(__dirname, 'sandbox-process.js');
    if (fs.existsSync(local)) return local;
    const root = path.resolve(__dirname, '../../../..');
    const built = path.join(root, 'dist', path.relative(root, __dirname), 'sandbox-process.js');
    return fs.existsSync(built) ? built : null;
  }

  get isolated(): boolean {
    return this.entry !== null;
  }

  /** A logo, normalised; a file that is too slow or kills its process is refused like any bad file. */
  async normalizeLogo(tenant: string, bytes: Uint8Array): Promise<LogoResult> {
    return this.refusing(this.run(tenant, 'normalizeLogo', bytes), (message) => ({
      ok: false,
      reason: 'invalid',
      message: `The logo ${message}`,
    }));
  }

  async inspectRaster(tenant: string, bytes: Uint8Array): Promise<ImageInspection> {
    return this.refusing(this.run(tenant, 'inspectRaster', bytes), (message) => ({
      ok: false,
      message: `The image ${message}`,
    }));
  }

  async inspectPdf(tenant: string, bytes: Uint8Array): Promise<PdfInspection> {
    return this.refusing(this.run(tenant, 'inspectPdf', bytes), (message) => ({
      ok: false,
      message: `The PDF ${message}`,
    }));
  }

  run<K extends SandboxTask>(tenant: string, task: K, input: SandboxInput<K>): Promise<SandboxResult<K>> {
    if (this.closed) return Promise.reject(new Error('The file sandbox is closed'));
    if (!this.entry) return (sandboxTasks[task] as (i: SandboxInput<K>) => Promise<SandboxResult<K>>)(input);
    return new Promise<SandboxResult<K>>((resolve, reject) => {
      this.waiting.push({ tenant, task, input, resolve: resolve as (r: unknown) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('The file sandbox is closed'));
    await Promise.all(this.sandboxes.map((s) => this.stop(s)));
  }

  private async refusing<T>(result: Promise<T>, refusal: (message: string) => T): Promise<T> {
    try {
      return await result;
    } catch (e) {
      if (e instanceof SandboxTimeoutError)
        return refusal(
          `took longer than ${Math.round(this.options.timeoutMs / 1000)} s to process; simplify it or save it in another format`,
        );
      if (this.closed) throw e;
      return refusal('could not be processed');
    }
  }

  /** Starts waiting files, oldest first, skipping tenants that already have one running. */
  private dispatch(): void {
    while (!this.closed) {
      const index = this.waiting.findIndex((job) => !this.busyTenants.has(job.tenant));
      if (index < 0) return;
      const sandbox =
        this.sandboxes.find((s) => !s.job) ?? (this.sandboxes.length < this.options.processes ? this.spawn() : null);
      if (!sandbox) return;
      const [job] = this.waiting.splice(index, 1);
      this.start(sandbox, job);
    }
  }

  private start(sandbox: Sandbox, job: Job): void {
    sandbox.job = job;
    sandbox.jobId = this.nextId++;
    this.busyTenants.add(job.tenant);
    clearTimeout(sandbox.timer);
    (sandbox.child.channel as Channel)?.ref?.();
    if (sandbox.ready) this.startClock(sandbox, job);
    else sandbox.timer = setTimeout(() => sandbox.child.kill('SIGKILL'), SANDBOX_START_MS);
    // A process that cannot take the file is killed; its exit refuses the file.
    sandbox.child.send(
      { id: sandbox.jobId, task: job.task, input: job.input },
      (error) => error && sandbox.child.kill('SIGKILL'),
    );
  }

  /** The file's own time limit, from when its process is ready to read it. */
  private startClock(sandbox: Sandbox, job: Job): void {
    clearTimeout(sandbox.timer);
    sandbox.timer = setTimeout(() => {
      // Out of the pool first: the next file must not be handed to a process being killed.
      this.retire(sandbox);
      this.finish(sandbox, (j) => j.reject(new SandboxTimeoutError(`${job.task} timed out`)));
      sandbox.child.kill('SIGKILL');
    }, this.options.timeoutMs);
  }

  private retire(sandbox: Sandbox): void {
    const index = this.sandboxes.indexOf(sandbox);
    if (index >= 0) this.sandboxes.splice(index, 1);
  }

  private finish(sandbox: Sandbox, settle: (job: Job) => void): void {
    const job = sandbox.job;
    if (!job) return;
    sandbox.job = null;
    clearTimeout(sandbox.timer);
    this.busyTenants.delete(job.tenant);
    settle(job);
    (sandbox.child.channel as Channel)?.unref?.();
    // An idle process exits after a while; a busy pool starts the next file at once.
    sandbox.timer = setTimeout(() => void this.stop(sandbox), this.options.idleMs);
    sandbox.timer.unref();
    queueMicrotask(() => this.dispatch());
  }

  private spawn(): Sandbox {
    const child = fork(this.entry as string, [], {
      serialization: 'advanced',
      execArgv: this.options.execArgv ?? [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const sandbox: Sandbox = { child, job: null, jobId: 0, ready: false };
    this.sandboxes.push(sandbox);
    child.unref();
    // Below the process serving requests, so a file being decoded never slows its answers.
    if (child.pid) {
      try {
        os.setPriority(child.pid, this.options.niceness ?? 10);
      } catch {
        // Not allowed here: the process still runs, only at normal priority.
      }
    }
    child.on('message', (m: { ready?: true; id: number; result?: unknown; error?: string }) => {
      if (m.ready) {
        sandbox.ready = true;
        if (sandbox.job) this.startClock(sandbox, sandbox.job);
        return;
      }
      if (!sandbox.job || m.id !== sandbox.jobId) return;
      const task = sandbox.job.task;
      this.finish(sandbox, (job) =>
        m.error !== undefined
          ? job.reject(new Error(m.error))
          : job.resolve(reviveResult(task, m.result as SandboxResult<typeof task>)),
      );
    });
    child.on('exit', () => {
      this.retire(sandbox);
      this.finish(sandbox, (job) => job.reject(new Error('The sandbox process ended')));
      clearTimeout(sandbox.timer);
    });
    child.on('error', () => child.kill('SIGKILL'));
    return sandbox;
  }

  private stop(sandbox: Sandbox): Promise<void> {
    clearTimeout(sandbox.timer);
    if (sandbox.child.exitCode !== null || sandbox.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      sandbox.child.once('exit', () => resolve());
      sandbox.child.kill('SIGKILL');
    });
  }
}
