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

/** The README's "First steps" section: its bash blocks, and its inline commands. */
function firstSteps(): { blocks: string[]; bootstrapAdmin: string } {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## First steps'),
    readme.indexOf('\n## ', readme.indexOf('## First steps') + 1),
  );
  const blocks = [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
  const bootstrapAdmin = /`(npm run bootstrap-admin [^`]+)`/.exec(section)?.[1] ?? '';
  return { blocks, bootstrapAdmin };
}

/**
 * The README's first steps, pasted as they are into bash against a running engine: the only
 * change is the port (the engine under test does not own :3000), and curl fails on an HTTP
 * error instead of printing it.
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
    const { stdout } = await run('bash', ['-c', prelude + script.replace(/localhost:3000/g, `127.0.0.1:${port}`)], {
      cwd: ROOT,
      env: { ...process.env, ...env, ...extra },
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
    const pasted = `${exports.join('\n')}\n`;

    const campaigns = JSON.parse(await bash(pasted + vendor)) as { items: Array<{ id: string }> };
    const campaignId = /^export CAMPAIGN_ID=(\S+)/m.exec(seeded)![1];
    expect(campaigns.items.map((c) => c.id)).toEqual([campaignId]);

    await bash(pasted + importing);
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

    const out = await bash(pasted + launching);
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
