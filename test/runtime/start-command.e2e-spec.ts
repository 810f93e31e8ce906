import { UnsubscribeLinks } from '@tcma/delivery';
import { spawn } from 'node:child_process';
import { connect, type AddressInfo, type Socket } from 'node:net';
import * as path from 'node:path';
import { startApi } from '../support/api-harness';
import { eventually, freePort, spawnEntry } from '../support/processes';

const ROOT = path.resolve(__dirname, '../..');
/**
 * The engines started here take only the render role and a queue prefix of their own: a
 * sweep reads every suite's due steps, and a send worker would take another suite's jobs.
 */
const QUIET = { WORKER_ROLES: 'render', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-start` };

describe('the start command', () => {
  it('runs the API and a worker, serves readiness, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const engine = spawnEntry('cli/src/main.js', ['start'], {
      ...QUIET,
      PORT: String(port),
      LOG_LEVEL: 'log',
      SHUTDOWN_TIMEOUT_MS: '10000',
    });
    try {
      const ready = await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
        const body = (await res.json()) as { status: string; workers: number };
        return res.status === 200 && body.workers >= 1 ? body : undefined;
      }, 'the engine to be ready with a worker');
      expect(ready).toMatchObject({ status: 'ok', postgres: true, redis: true });
      expect(engine.output()).toContain('Worker up');
    } finally {
      engine.child.kill('SIGTERM');
    }
    const exit = await engine.exited;
    expect(exit.code).toBe(0);
    expect(engine.output()).toContain('SIGTERM received');
  }, 60_000);

  /** The pids the supervisor logged for each of its processes, by name, in order. */
  const pidsOf = (output: string, name: string) =>
    [...output.matchAll(new RegExp(`${name} started \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('starts a worker killed with SIGKILL again, with a log line, while the API keeps answering', async () => {
    const port = await freePort();
    const engine = spawnEntry('cli/src/main.js', ['start'], {
      ...QUIET,
      PORT: String(port),
      LOG_LEVEL: 'log',
      SHUTDOWN_TIMEOUT_MS: '10000',
    });
    try {
      const [first] = await eventually(async () => {
        const pids = pidsOf(engine.output(), 'worker 1');
        return pids.length &&
          engine.output().includes('Worker up') &&
          (await fetch(`http://127.0.0.1:${port}/health`)).ok
          ? pids
          : undefined;
      }, 'the API and the worker to be up');
      process.kill(first, 'SIGKILL');
      await eventually(
        () => Promise.resolve(/worker 1 exited \(SIGKILL\); restarting it in 1 s/.test(engine.output())),
        'the supervisor to see the crash',
      );
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      const second = await eventually(
        () => Promise.resolve(pidsOf(engine.output(), 'worker 1')[1]),
        'the worker to be started again',
      );
      expect(second).not.toBe(first);
      await eventually(
        () => Promise.resolve(engine.output().split('Worker up').length === 3),
        'the new worker to be up',
      );
      expect(alive(second)).toBe(true);
    } finally {
      engine.child.kill('SIGTERM');
    }
    expect((await engine.exited).code).toBe(0);
    for (const pid of [...pidsOf(engine.output(), 'api'), ...pidsOf(engine.output(), 'worker 1')])
      expect([pid, alive(pid)]).toEqual([pid, false]);
  }, 60_000);

  it('stops everything on a SIGINT to the npm start process alone', async () => {
    const port = await freePort();
    // --ignore-scripts skips prestart (the build, done once for the whole test run), not start itself.
    const npm = spawn('npm', ['start', '--ignore-scripts', '--', '--workers', '1'], {
      cwd: ROOT,
      env: { ...process.env, ...QUIET, PORT: String(port), LOG_LEVEL: 'log', SHUTDOWN_TIMEOUT_MS: '10000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    await eventually(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok && output.includes('Worker up'),
      'the engine to be up',
      90_000,
    );
    const pids = [...pidsOf(output, 'api'), ...pidsOf(output, 'worker 1')];
    expect(pids).toHaveLength(2);
    // To npm's own pid only, not its process group (as `kill -INT <pid>` would).
    process.kill(npm.pid!, 'SIGINT');
    await exited;
    await eventually(
      () => Promise.resolve(pids.every((pid) => !alive(pid))),
      'every process of the engine to stop',
      20_000,
    );
    expect(output).toMatch(/SIGINT received; stopping api, worker 1/);
    expect(output).toMatch(/worker 1 stopped/);
  }, 150_000);

  it('answers a request that is still arriving when the API is stopped', async () => {
    // A correctly signed one-click unsubscribe for a send that does not exist: answering it
    // needs Postgres, which must still be open when the request completes.
    const inProcess = await startApi();
    const token = inProcess.app.get(UnsubscribeLinks).token('987654321987');
    await inProcess.close();
    const port = await freePort();
    const api = spawnEntry('api/src/main.js', [], {
      ...QUIET,
      PORT: String(port),
      LOG_LEVEL: 'log',
      SHUTDOWN_TIMEOUT_MS: '10000',
    });
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok, 'the API to listen');

    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (d: Buffer) => (response += d.toString()));
    const body = 'List-Unsubscribe=One-Click';
    socket.write(
      `POST /u/${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    api.child.kill('SIGTERM');
    await eventually(() => Promise.resolve(api.output().includes('SIGTERM received')), 'the API to take the signal');
    // The rest of the body, without half-closing (a client that half-closes abandons its request).
    socket.write(body.slice(5));
    const complete = () => {
      const [head, ...rest] = response.split('\r\n\r\n');
      const length = /^content-length: (\d+)$/im.exec(head)?.[1];
      return length !== undefined && Buffer.byteLength(rest.join('\r\n\r\n')) >= Number(length);
    };
    await eventually(() => Promise.resolve(complete()), 'the whole answer', 10_000);
    socket.destroy();

    expect(response).toMatch(/^HTTP\/1\.1 404 /);
    expect(response).toContain('Unknown unsubscribe link');
    // Nest re-raises the signal once everything is closed.
    expect(await api.exited).toEqual({ code: null, signal: 'SIGTERM' });
  }, 60_000);

  it('closes a request that stops arriving once the grace of stopping has passed, and stops', async () => {
    // SHUTDOWN_TIMEOUT_MS 1.5 s: requests in flight get a third of it.
    const api = await startApi({ env: { SHUTDOWN_TIMEOUT_MS: '1500' } });
    await api.app.listen(0, '127.0.0.1');
    const port = (api.app.getHttpServer().address() as AddressInfo).port;
    const opened = (request: string): { socket: Socket; received: () => string; closed: Promise<void> } => {
      const socket = connect(port, '127.0.0.1');
      let received = '';
      socket.on('data', (d: Buffer) => (received += d.toString()));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write(request);
      return { socket, received: () => received, closed };
    };
    // A kept-alive connection whose request was answered, and a sign-in whose body stops half way.
    const idle = opened('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await eventually(() => Promise.resolve(/^HTTP\/1\.1 200 /.test(idle.received()) || undefined), 'the health answer');
    const stalled = opened(
      'POST /auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
    );
    const server = api.app.getHttpServer();
    const connections = () => new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
    await eventually(async () => ((await connections()) === 2 ? true : undefined), 'both connections');

    // Before the drain, closing waited for the sign-in until Node's request timeout (300 s).
    await api.close();
    await Promise.all([idle.closed, stalled.closed]);
    expect(stalled.received()).toBe('');
    expect(server.listening).toBe(false);
  }, 30_000);

  it('refuses to start with a bad setting and names it', async () => {
    const api = spawnEntry('api/src/main.js', [], { PORT: 'not-a-port' });
    const exit = await api.exited;
    expect(exit.code).toBe(78);
    expect(api.output()).toContain('PORT: must be an integer between 1 and 65535 (got "not-a-port")');
  }, 60_000);
});
