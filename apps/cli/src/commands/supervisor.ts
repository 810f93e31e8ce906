import type { LoggerService } from '@nestjs/common';
import { ChildProcess, fork } from 'node:child_process';

/** The first wait before a crashed process is started again; it doubles with each crash in a row. */
export const RESTART_DELAY_MS = 1_000;
export const MAX_RESTART_DELAY_MS = 30_000;
/** A process that stayed up this long was healthy: its next crash is counted as the first. */
export const HEALTHY_AFTER_MS = 60_000;
/** The exit code of a process refusing its configuration; starting it again cannot help. */
const EX_CONFIG = 78;

interface Supervised {
  name: string;
  entry: string;
  process: ChildProcess | null;
  startedAt: number;
  crashes: number;
  restart: NodeJS.Timeout | null;
}

/**
 * Keeps the engine's processes running: a process that dies is started again after a wait
 * that grows while it keeps dying (1 s, 2 s, 4 s… at most 30 s), with a log line each time;
 * a signal to the supervisor is passed on to every process, and `done` resolves with the
 * exit code once all of them have stopped.
 */
export class Supervisor {
  private readonly supervised: Supervised[] = [];
  private stopping = false;
  private exitCode = 0;
  private resolveDone: (code: number) => void = () => undefined;
  readonly done = new Promise<number>((resolve) => (this.resolveDone = resolve));

  constructor(
    private readonly logger: LoggerService,
    private readonly env: NodeJS.ProcessEnv,
    private readonly forkProcess: (entry: string, env: NodeJS.ProcessEnv) => ChildProcess = (entry, env) =>
      fork(entry, [], { env, stdio: 'inherit' }),
  ) {}

  add(name: string, entry: string): void {
    const supervised: Supervised = { name, entry, process: null, startedAt: 0, crashes: 0, restart: null };
    this.supervised.push(supervised);
    this.launch(supervised);
  }

  /** Passes the signal on to every process and starts none again; repeated signals change nothing. */
  stop(signal: NodeJS.Signals): void {
    if (this.stopping) return;
    this.stopping = true;
    this.logger.log(`${signal} received; stopping ${this.supervised.map((s) => s.name).join(', ')}`);
    for (const s of this.supervised) {
      if (s.restart) clearTimeout(s.restart);
      s.restart = null;
      s.process?.kill(signal);
    }
    this.resolveIfAllStopped();
  }

  private launch(s: Supervised): void {
    const child = this.forkProcess(s.entry, this.env);
    s.process = child;
    s.startedAt = Date.now();
    this.logger.log(`${s.name} started (pid ${child.pid})`);
    child.on('exit', (code, signal) => this.exited(s, code, signal));
  }

  private exited(s: Supervised, code: number | null, signal: NodeJS.Signals | null): void {
    s.process = null;
    const how = signal ?? `code ${code}`;
    if (this.stopping) {
      this.logger.log(`${s.name} stopped (${how})`);
      return this.resolveIfAllStopped();
    }
    if (code === EX_CONFIG) {
      this.logger.error(`${s.name} exited (${how}): it refuses its configuration; stopping the engine`);
      this.exitCode = EX_CONFIG;
      return this.stop('SIGTERM');
    }
    s.crashes = Date.now() - s.startedAt >= HEALTHY_AFTER_MS ? 1 : s.crashes + 1;
    const delay = Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** (s.crashes - 1));
    this.logger.warn(
      `${s.name} exited (${how}); restarting it in ${delay / 1000} s${s.crashes > 1 ? ` (crash ${s.crashes} in a row)` : ''}`,
    );
    s.restart = setTimeout(() => {
      s.restart = null;
      this.launch(s);
    }, delay);
  }

  private resolveIfAllStopped(): void {
    if (this.supervised.every((s) => !s.process)) this.resolveDone(this.exitCode);
  }
}
