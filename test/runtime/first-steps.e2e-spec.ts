import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { startWorker, WorkerHarness } from '../support/worker-harness';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** A section of the README, from its heading to the next. */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(`## ${heading}`);
  expect([heading, start >= 0]).toEqual([heading, true]);
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

const bashBlocks = (text: string) => [...text.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);

/** The README's demo and first steps: its bash blocks in order, and its inline bootstrap-admin command. */
function firstSteps(): { blocks: string[]; bootstrapAdmin: string } {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const demo = section(readme, 'Sign in to the demo');
  const blocks = [...bashBlocks(demo), ...bashBlocks(section(readme, 'First steps with the API'))];
  const bootstrapAdmin = /`(npm run bootstrap-admin [^`]+)`/.exec(demo)?.[1] ?? '';
  return { blocks, bootstrapAdmin };
}

/**
 * The README's first steps, pasted as they are into bash against a running engine: the only
 * change is the address (PUBLIC_BASE_URL names the engine under test, which does not own :3000),
 * and curl fails on an HTTP error instead of printing it.
 */
describe('the first steps of the README, pasted', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let port: number;

  // Its own queue prefix, and no sweep or send role (the sweep reads every suite's due steps):
  // the import and the enrollment are what the steps wait for.
  const env = { QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-first-steps` };

  beforeAll(async () => {
    api = await startApi({ env });
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
    worker = await startWorker({ roles: 'enroll', env });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const bash = async (script: string, extra: NodeJS.ProcessEnv = {}) => {
    const prelude = 'set -euo pipefail\ncurl() { command curl --silent --show-error --fail-with-body "$@"; echo; }\n';
    const { stdout } = await run('bash', ['-c', prelude + script], {
      cwd: ROOT,
      env: { ...process.env, ...env, PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...extra },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  };

  it('seeds the demo, and a partner imports the sample prospects and launches, every command answering 2xx', async () => {
    const { blocks } = firstSteps();
    expect(blocks).toHaveLength(4);
    const [seed, vendor, importing, launching] = blocks;

    const seeded = await bash(seed);
    expect(seeded).toMatch(/instead of bootstrap-admin/);
    // "Paste the export lines it printed."
    const exports = seeded.split('\n').filter((line) => line.startsWith('export '));
    expect(exports.map((line) => /^export (\w+)=/.exec(line)?.[1])).toEqual([
      'TOKEN',
      'MARKETER_TOKEN',
      'CAMPAIGN_ID',
      'PARTNER_ID',
      'PARTNER_TOKEN',
      'PARTNER2_ID',
      'PARTNER2_TOKEN',
    ]);
    // What the reader's shell keeps from one block to the next: the exports, and the engine's address.
    const base = vendor.split('\n').find((line) => line.startsWith('BASE='));
    expect(base).toBeDefined();
    const pasted = `${exports.join('\n')}\n`;

    const campaigns = JSON.parse(await bash(pasted + vendor)) as { items: Array<{ id: string }> };
    const campaignId = /^export CAMPAIGN_ID=(\S+)/m.exec(seeded)![1];
    expect(campaigns.items.map((c) => c.id)).toEqual([campaignId]);

    await bash(`${pasted}${base}\n${importing}`);
    // "Once the import says completed."
    const partnerId = /^export PARTNER_ID=(\S+)/m.exec(seeded)![1];
    const token = /^export PARTNER_TOKEN=(\S+)/m.exec(seeded)![1];
    const done = await eventually(async () => {
      const res = await api
        .http()
        .get(`/partners/${partnerId}/imports`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      return res.body.items[0]?.status === 'completed' ? (res.body.items[0] as Record<string, unknown>) : undefined;
    }, 'the sample import');
    expect(done).toMatchObject({ rows: 10, inserted: 10, rejected: 0 });

    const out = await bash(`${pasted}${base}\n${launching}`);
    expect(out).toMatch(/"status":"(enrolling|active)"/);
    expect(out).toContain('"columns"');
  }, 120_000);

  it('bootstraps an admin of a new vendor whose printed export line works as pasted', async () => {
    const { blocks, bootstrapAdmin } = firstSteps();
    expect(bootstrapAdmin).toMatch(/^npm run bootstrap-admin -- --vendor /);
    const printed = await bash(bootstrapAdmin);
    const line = printed.split('\n').find((l) => l.startsWith('export TOKEN='));
    expect(line).toMatch(/^export TOKEN=tcma_[\w-]+$/);
    expect(JSON.parse(await bash(`${line}\n${blocks[1]}`))).toEqual(expect.objectContaining({ items: [] }));
  }, 60_000);
});
