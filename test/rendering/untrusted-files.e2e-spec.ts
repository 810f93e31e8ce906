import { FileSandbox, UNTRUSTED_FILE_TIMEOUT_MS } from '@tcma/cobrand';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { nestedUseBomb } from '../../libs/cobrand/src/testing/hostile-files';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';

/** A large but valid logo: decoding, trimming and re-encoding it takes the sandbox seconds. */
async function heavyLogo(side = 4500): Promise<Buffer> {
  const pixels = Buffer.alloc(side * side * 3, 255);
  for (let i = 0; i < pixels.length; i += 997) pixels[i] = (i * 7) & 255;
  return sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/**
 * A logo that takes the sandbox about 40 ms of CPU (the demo's 600 x 200 logo about 110 ms, and
 * 120 ms first in a process): the tests with a 1.5 s limit measure when the clock starts and stops.
 */
const smallLogo = () => sharp(loadDemo().read('partners/northwind-logo.png')).resize(90).png().toBuffer();
/**
 * Those tests' sandboxes run at normal priority: at niceness 10 beside Jest's other workers a
 * process got a few percent of a core, and the demo logo's 110 ms took more than 1.5 s (CI on
 * c0142ae and 5ed3372). The default priority is what the API's sandbox uses, tested above.
 */
const CLOCK_TEST = { processes: 1, timeoutMs: 1500, idleMs: 60_000, niceness: 0 };

const elapsed = async <T>(work: Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await work;
  return { ms: performance.now() - started, value };
};

/** Untrusted files are bounded and processed off the request path: one tenant never slows another. */
describe('untrusted files', () => {
  let api: ApiHarness;
  let demo: SeededDemo;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const uploadLogo = (partner: SeededDemo['partners'][number], bytes: Buffer, name = 'logo.png') =>
    api.http().put(`/partners/${partner.partnerId}/brand-kit/logo`).set(as(partner.token)).attach('file', bytes, name);

  beforeAll(async () => {
    api = await startApi();
    demo = await new DemoSeeder(api.app).seed();
  }, 60_000);
  afterAll(() => api.close());

  it('refuses the reported nested-<use> SVG in well under a second, four at once', async () => {
    const [, hellas] = demo.partners;
    const bomb = Buffer.from(nestedUseBomb());
    const results = await Promise.all(Array.from({ length: 4 }, () => elapsed(uploadLogo(hellas, bomb, 'logo.svg'))));
    for (const { ms, value } of results) {
      expect(value.status).toBe(422);
      expect(value.body.errors).toEqual([{ path: 'file', message: expect.stringContaining('too complex') }]);
      // The bound is checked before rendering; this includes starting a sandbox process.
      expect(ms).toBeLessThan(3000);
    }
  }, 60_000);

  it("answers another tenant's requests promptly while one tenant's logos are being processed", async () => {
    const [northwind, hellas] = demo.partners;
    const kit = await api.http().get(`/partners/${northwind.partnerId}/brand-kit`).set(as(northwind.token)).expect(200);
    const publicLogo = new URL(kit.body.logo.pngUrl).pathname;
    const heavy = await heavyLogo();
    const baseline = (await elapsed(api.http().get(publicLogo).expect(200))).ms;

    const uploads = Array.from({ length: 4 }, () => elapsed(uploadLogo(hellas, heavy)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const reads: number[] = [];
    for (let i = 0; i < 5; i++) reads.push((await elapsed(api.http().get(publicLogo).expect(200))).ms);
    // Another tenant's upload waits for at most the files already running, not for the whole queue.
    const other = await elapsed(uploadLogo(northwind, loadDemo().read('partners/northwind-logo.png')));
    const done = await Promise.all(uploads);

    expect(done.map((u) => u.value.status)).toEqual([200, 200, 200, 200]);
    const slowest = Math.max(...done.map((u) => u.ms));
    // Generous bounds: the public logo is served in milliseconds (before: 7-10 s behind four logos).
    expect(Math.max(...reads)).toBeLessThan(Math.max(1000, baseline * 10));
    expect(other.value.status).toBe(200);
    expect(other.ms).toBeLessThan(slowest);
  }, 120_000);

  it('stops a file that takes longer than the time limit, and goes on with the next', async () => {
    expect(UNTRUSTED_FILE_TIMEOUT_MS).toBe(20_000);
    const sut = new FileSandbox(CLOCK_TEST);
    expect(sut.isolated).toBe(true);
    const heavy = await heavyLogo(6300);
    try {
      // Just under the 40-megapixel limit. A process already loaded: the slow file's time is its own (a new process's loading is not counted).
      expect(await sut.normalizeLogo('warm', await smallLogo())).toMatchObject({ ok: true });
      const slow = await elapsed(sut.normalizeLogo('a', heavy));
      expect(slow.value).toEqual({
        ok: false,
        reason: 'invalid',
        message: expect.stringContaining('took longer than'),
      });
      expect(slow.ms).toBeLessThan(3000);
      expect(await sut.normalizeLogo('b', await smallLogo())).toMatchObject({ ok: true });
    } finally {
      await sut.close();
    }
  }, 60_000);

  it("counts a file's time from when its process has loaded, not from the fork", async () => {
    // A process that needs 2 s to load (as one started at low priority on a loaded machine may):
    // the file it is handed still has its whole 1.5 s.
    const slowStart = path.join(os.tmpdir(), `slow-start-${process.pid}.js`);
    fs.writeFileSync(slowStart, 'const until = Date.now() + 2000; while (Date.now() < until);');
    const sut = new FileSandbox({ ...CLOCK_TEST, execArgv: ['--require', slowStart] });
    try {
      const first = await elapsed(sut.normalizeLogo('a', await smallLogo()));
      expect(first.ms).toBeGreaterThan(2000);
      expect(first.value).toMatchObject({ ok: true });
    } finally {
      await sut.close();
      fs.rmSync(slowStart, { force: true });
    }
  }, 30_000);
});
