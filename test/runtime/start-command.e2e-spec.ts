import { UnsubscribeLinks } from '@tcma/delivery';
import { connect } from 'node:net';
import { startApi } from '../support/api-harness';
import { eventually, freePort, spawnEntry } from '../support/processes';

describe('the start command', () => {
  it('runs the API and a worker, serves readiness, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const engine = spawnEntry('cli/src/main.js', ['start'], { PORT: String(port), LOG_LEVEL: 'log', SHUTDOWN_TIMEOUT_MS: '10000' });
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
  });

  it('answers a request that is still arriving when the API is stopped', async () => {
    // A correctly signed one-click unsubscribe for a send that does not exist: answering it
    // needs Postgres, which must still be open when the request completes.
    const inProcess = await startApi();
    const token = inProcess.app.get(UnsubscribeLinks).token('987654321987');
    await inProcess.close();
    const port = await freePort();
    const api = spawnEntry('api/src/main.js', [], { PORT: String(port), LOG_LEVEL: 'log', SHUTDOWN_TIMEOUT_MS: '10000' });
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok, 'the API to listen');

    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (d: Buffer) => (response += d.toString()));
    const body = 'List-Unsubscribe=One-Click';
    socket.write(`POST /u/${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);
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
  });

  it('refuses to start with a bad setting and names it', async () => {
    const api = spawnEntry('api/src/main.js', [], { PORT: 'not-a-port' });
    const exit = await api.exited;
    expect(exit.code).toBe(78);
    expect(api.output()).toContain('PORT: must be an integer between 1 and 65535 (got "not-a-port")');
  });
});
