import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { DIST, eventually, freePort, spawnEntry, Spawned } from '../support/processes';

/** Workers started here take only the render role and queues of their own. */
const QUIET = {
  WORKER_ROLES: 'render',
  QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-logfmt`,
  LOG_FORMAT: undefined,
  LOG_LEVEL: 'log',
};

/** Runs a built entry point on a terminal of its own (util-linux `script` gives it a pseudo-terminal). */
function onTerminal(entry: string, env: Record<string, string | undefined>): Spawned {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn('script', ['-qfec', `${process.execPath} ${path.join(DIST, entry)}`, '/dev/null'], {
    env: merged,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

const stop = async (run: Spawned) => {
  run.child.kill('SIGTERM');
  await run.exited;
};

const isJson = (line: string) => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

describe('the log format', () => {
  it('is one JSON object per line when stdout is not a terminal, with a short boot summary', async () => {
    const port = await freePort();
    const api = spawnEntry('api/src/main.js', [], { ...QUIET, PORT: String(port), HOST: '127.0.0.1' });
    const worker = spawnEntry('worker/src/main.js', [], QUIET);
    try {
      await eventually(
        async () =>
          (await fetch(`http://127.0.0.1:${port}/health`, { headers: { 'X-Request-Id': 'format-check-0001' } })).ok &&
          api.output().includes('format-check-0001'),
        'the API to answer and log it',
      );
      await eventually(() => Promise.resolve(worker.output().includes('Worker up')), 'the worker to start');
    } finally {
      await stop(api);
      await stop(worker);
    }
    for (const run of [api, worker]) {
      const lines = run
        .output()
        .split('\n')
        .filter((l) => l.trim());
      expect(lines.filter((l) => !isJson(l))).toEqual([]);
      // Nest's own line per module and per route stays at debug level.
      expect(lines.filter((l) => /Mapped \{|dependencies initialized|RoutesResolver/.test(l))).toEqual([]);
    }
    const apiLines = api
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const summary = apiLines.find((l) => String(l.msg).startsWith('API listening on'));
    expect(summary).toMatchObject({ name: 'api', severity: 'INFO', context: 'Api' });
    expect(summary.msg).toMatch(
      /^API listening on 127\.0\.0\.1:\d+; version \d+\.\d+\.\d+; database 127\.0\.0\.1:5432\/\S+; Redis 127\.0\.0\.1:6379\S*;/,
    );
    expect(apiLines.find((l) => l.requestId === 'format-check-0001')).toMatchObject({
      msg: 'request completed',
      method: 'GET',
      route: '/health',
      status: 200,
    });
    const up = worker
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((l) => String(l.msg).startsWith('Worker up'));
    expect(up.msg).toMatch(/^Worker up; roles: render; version \d+\.\d+\.\d+; database \S+; Redis \S+$/);
  }, 60_000);

  it('is pretty on a terminal, and JSON there too with LOG_FORMAT=json', async () => {
    const pretty = onTerminal('worker/src/main.js', QUIET);
    try {
      await eventually(
        () => Promise.resolve(pretty.output().includes('Worker up')),
        'the worker to start on a terminal',
      );
    } finally {
      await stop(pretty);
    }
    const said = pretty
      .output()
      .split(/\r?\n/)
      .filter((l) => l.includes('Worker up'));
    expect(said).toEqual([expect.stringMatching(/INFO.*\[Worker\] Worker up; roles: render/)]);
    expect(isJson(said[0])).toBe(false);

    const forced = onTerminal('worker/src/main.js', { ...QUIET, LOG_FORMAT: 'json' });
    try {
      await eventually(
        () => Promise.resolve(forced.output().includes('Worker up')),
        'the worker to start on a terminal',
      );
    } finally {
      await stop(forced);
    }
    const line = forced
      .output()
      .split(/\r?\n/)
      .find((l) => l.includes('Worker up'));
    expect(JSON.parse(line ?? '')).toMatchObject({ severity: 'INFO', context: 'Worker' });
  }, 60_000);
});
