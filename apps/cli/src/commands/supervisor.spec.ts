import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { HEALTHY_AFTER_MS, Supervisor } from './supervisor';

/** A stand-in child process: records the signals sent to it, exits when told. */
class FakeChild extends EventEmitter {
  static count = 0;
  readonly pid = 1000 + FakeChild.count++;
  readonly signals: string[] = [];
  kill(signal: NodeJS.Signals): boolean {
    this.signals.push(signal);
    return true;
  }
  exit(code: number | null, signal: NodeJS.Signals | null = null): void {
    this.emit('exit', code, signal);
  }
}

describe(Supervisor.name, () => {
  let children: FakeChild[];
  let lines: string[];
  let sut: Supervisor;

  beforeEach(() => {
    jest.useFakeTimers();
    children = [];
    lines = [];
    const log = (line: string) => lines.push(line);
    sut = new Supervisor({ log, warn: log, error: log }, {}, () => {
      const child = new FakeChild();
      children.push(child);
      return child as unknown as ChildProcess;
    });
  });
  afterEach(() => jest.useRealTimers());

  it('starts a crashed process again after 1, 2, 4… s while it keeps crashing, and after 1 s again once it was healthy', () => {
    sut.add('worker 1', 'worker.js');
    const waits: number[] = [];
    for (let crash = 0; crash < 7; crash++) {
      const before = children.length;
      children[children.length - 1].exit(null, 'SIGKILL');
      let waited = 0;
      while (children.length === before) {
        jest.advanceTimersByTime(250);
        waited += 250;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(lines).toContain('worker 1 exited (SIGKILL); restarting it in 4 s (crash 3 in a row)');
    jest.advanceTimersByTime(HEALTHY_AFTER_MS);
    children[children.length - 1].exit(1);
    expect(lines[lines.length - 1]).toBe('worker 1 exited (code 1); restarting it in 1 s');
  });

  it('passes a signal on to every process, starts none again, and is done when all have stopped', async () => {
    sut.add('api', 'api.js');
    sut.add('worker 1', 'worker.js');
    children[1].exit(null, 'SIGKILL');
    sut.stop('SIGINT');
    sut.stop('SIGINT');
    jest.advanceTimersByTime(60_000);
    expect(children).toHaveLength(2);
    expect(children[0].signals).toEqual(['SIGINT']);
    children[0].exit(null, 'SIGINT');
    await expect(sut.done).resolves.toBe(0);
  });

  it('stops the engine when a process refuses its configuration (exit 78), since starting it again cannot help', async () => {
    sut.add('api', 'api.js');
    sut.add('worker 1', 'worker.js');
    children[0].exit(78);
    expect(children[1].signals).toEqual(['SIGTERM']);
    children[1].exit(null, 'SIGTERM');
    await expect(sut.done).resolves.toBe(78);
    expect(children).toHaveLength(2);
  });
});
