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

  it('refuses to start with a bad setting and names it', async () => {
    const api = spawnEntry('api/src/main.js', [], { PORT: 'not-a-port' });
    const exit = await api.exited;
    expect(exit.code).toBe(78);
    expect(api.output()).toContain('PORT: must be an integer between 1 and 65535 (got "not-a-port")');
  });
});
