import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually, freePort, spawnEntry } from '../support/processes';

/** A directory holding only a .env file with these lines. */
const dirWithDotEnv = (lines: string[]) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-dotenv-'));
  fs.writeFileSync(path.join(dir, '.env'), `${lines.join('\n')}\n`);
  return dir;
};

/** A queue prefix of its own, so the workers started here never take another suite's jobs. */
const OWN = { QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-boot` };

describe('what the engine says at boot', () => {
  it('warns once, naming PUBLIC_BASE_URL, when links in emails would be http', async () => {
    const worker = spawnEntry('worker/src/main.js', [], {
      ...OWN,
      WORKER_ROLES: 'send',
      PUBLIC_BASE_URL: 'http://engine.example',
      LOG_LEVEL: 'log',
    });
    try {
      await eventually(() => Promise.resolve(worker.output().includes('Worker up')), 'the worker to start');
    } finally {
      worker.child.kill('SIGTERM');
    }
    await worker.exited;
    const lines = worker
      .output()
      .split('\n')
      .filter((l) => l.includes('PUBLIC_BASE_URL'));
    expect(lines).toEqual([expect.stringMatching(/WARN.*PUBLIC_BASE_URL is http:\/\/engine\.example: .*https/)]);
  }, 60_000);

  it('answers an unreachable PostgreSQL or Redis with one line naming DATABASE_URL or REDIS_URL, from every process', async () => {
    const closed = await freePort();
    const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
      [
        'api/src/main.js',
        [],
        { DATABASE_URL: `postgres://postgres:s3cret@127.0.0.1:${closed}/tcma` },
        /^Cannot use PostgreSQL at DATABASE_URL=postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/tcma: connect ECONNREFUSED .*set DATABASE_URL\.$/,
      ],
      [
        'worker/src/main.js',
        [],
        { REDIS_URL: `redis://127.0.0.1:${closed}` },
        /^Cannot use Redis at REDIS_URL=redis:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED .*set REDIS_URL\.$/,
      ],
      ['cli/src/main.js', ['start'], { REDIS_URL: `redis://127.0.0.1:${closed}` }, /^Cannot use Redis at REDIS_URL=/],
      [
        'cli/src/main.js',
        ['seed-demo'],
        { DATABASE_URL: `postgres://postgres@127.0.0.1:${closed}/tcma` },
        /^Cannot use PostgreSQL at DATABASE_URL=/,
      ],
    ];
    for (const [entry, args, env, expected] of cases) {
      const run = spawnEntry(entry, args, env);
      const exit = await run.exited;
      const lines = run.output().trim().split('\n');
      expect([entry, ...args, exit.code, lines]).toEqual([entry, ...args, 69, [expect.stringMatching(expected)]]);
    }
  }, 60_000);

  it('reads .env in the working directory in the API, the worker and the CLI, a real variable winning', async () => {
    const port = await freePort();
    // The API takes its port from .env, and the real LOG_LEVEL over the file's.
    const api = spawnEntry(
      'api/src/main.js',
      [],
      { ...OWN, PORT: undefined, LOG_LEVEL: 'log' },
      { cwd: dirWithDotEnv([`PORT=${port}`, 'LOG_LEVEL=error']) },
    );
    try {
      await eventually(
        async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok,
        'the API to listen on the port .env names',
      );
      expect(api.output()).toContain('API listening on');
    } finally {
      api.child.kill('SIGTERM');
    }
    await api.exited;

    const worker = spawnEntry(
      'worker/src/main.js',
      [],
      { ...OWN, WORKER_ROLES: undefined, PUBLIC_BASE_URL: undefined, LOG_LEVEL: 'log' },
      { cwd: dirWithDotEnv(['WORKER_ROLES=send', 'export PUBLIC_BASE_URL="http://dotenv.example"']) },
    );
    try {
      await eventually(() => Promise.resolve(worker.output().includes('Worker up')), 'the worker to start');
    } finally {
      worker.child.kill('SIGTERM');
    }
    await worker.exited;
    expect(worker.output()).toContain('Worker up; roles: send');
    expect(worker.output()).toContain('PUBLIC_BASE_URL is http://dotenv.example');

    // The CLI finds its database through .env alone...
    const databaseUrl = process.env.DATABASE_URL!;
    const migrate = spawnEntry(
      'cli/src/main.js',
      ['migrate'],
      { DATABASE_URL: undefined },
      { cwd: dirWithDotEnv([`DATABASE_URL=${databaseUrl}`]) },
    );
    expect([(await migrate.exited).code, migrate.output()]).toEqual([0, expect.stringContaining('Database ready')]);
    // ...and a real variable wins over a wrong one in the file.
    const wins = spawnEntry(
      'cli/src/main.js',
      ['migrate'],
      { DATABASE_URL: databaseUrl },
      { cwd: dirWithDotEnv(['DATABASE_URL=postgres://postgres@127.0.0.1:1/nowhere']) },
    );
    expect([(await wins.exited).code, wins.output()]).toEqual([0, expect.stringContaining('Database ready')]);
  }, 60_000);
});
