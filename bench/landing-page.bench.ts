import { CampaignDraftsService, CampaignPublishingService } from '@tcma/campaigns';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { Agent, request } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDemo } from '../apps/cli/src/demo/demo-manifest';
import { forkServer, waitForHealth } from './api-process';
import { benchEnvironment } from './bench-context';
import { percentile, print } from './bench-line';
import { benchTenant } from './bench-tenant';

const DURATION_MS = Number(process.env.BENCH_PAGE_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_PAGE_CONCURRENCY ?? 64);

/**
 * Requests `url` from CONCURRENCY keep-alive connections for DURATION_MS: requests per second,
 * latencies and bytes of each answer. GET, or with `form`, a form POST of form(n) for the n-th request.
 */
async function load(
  url: string,
  form?: (n: number) => string,
): Promise<{ rps: number; latencies: number[]; statuses: Map<number, number>; bytes: Set<number>; sent: number }> {
  let sent = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const bytes = new Set<number>();
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const body = form ? Buffer.from(form(sent++)) : null;
      const headers: Record<string, string | number> = { 'User-Agent': 'Mozilla/5.0 (bench)' };
      if (body)
        Object.assign(headers, { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length });
      const req = request(url, { agent, method: body ? 'POST' : 'GET', headers }, (res) => {
        let size = 0;
        res.on('data', (c: Buffer) => (size += c.length));
        res.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
          bytes.add(size);
          resolve();
        });
      });
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  // Warm up the connections, the server's code paths and its page cache.
  await Promise.all(Array.from({ length: CONCURRENCY }, once));
  latencies.length = 0;
  statuses.clear();
  const start = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() - start < DURATION_MS) await once();
    }),
  );
  const elapsed = Date.now() - start;
  agent.destroy();
  return { rps: (latencies.length * 1000) / elapsed, latencies, statuses, bytes, sent };
}

const exited = (c: ChildProcess) =>
  new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));

/**
 * `landing_page`: a partner's co-branded landing page (the demo's registration page, cached
 * after its first view) from the engine's API in its own process, under load from this process
 * over keep-alive connections; vs Node's bare HTTP server sending the same bytes, same run.
 */
export async function landingPageBench(): Promise<void> {
  const bench = await benchEnvironment('page');
  const children: ChildProcess[] = [];
  const pageFile = path.join(os.tmpdir(), `tcma-bench-page-${process.pid}.html`);
  try {
    const tenant = await benchTenant(bench, { wait: { type: 'duration', minutes: 0 } });
    const demo = loadDemo();
    const page = demo.manifest.page;
    if (!page) throw new Error('The demo campaign has no landing page');
    const { key: _key, file, ...input } = page;
    await bench.app
      .get(CampaignDraftsService)
      .addPageAsset(tenant.admin, tenant.campaignId, { ...input, html: demo.readText(file) });
    await bench.app.get(CampaignPublishingService).publish(tenant.admin, tenant.campaignId);
    const [slugs] = await bench.db.query<Array<{ partner: string; campaign: string }>>(
      'SELECT p.slug AS partner, c.slug AS campaign FROM partners p, campaigns c WHERE p.id = $1 AND c.id = $2',
      [tenant.partnerId, tenant.campaignId],
    );
    const address = `/p/${slugs.partner}/${slugs.campaign}`;

    const port = 20_000 + ((process.pid + 7) % 20_000);
    const api = await forkServer(
      path.resolve(__dirname, '../apps/api/src/main.js'),
      { ...bench.env, PORT: String(port), HOST: '127.0.0.1', MIGRATIONS_RUN: 'false', ACCESS_LOG: 'off' },
      async () => {
        await waitForHealth(port);
        return port;
      },
    );
    children.push(api.child);
    const first = await fetch(`http://127.0.0.1:${port}${address}`);
    if (first.status !== 200) throw new Error(`The landing page answered ${first.status}`);
    const html = await first.text();
    fs.writeFileSync(pageFile, html);
    const engine = await load(`http://127.0.0.1:${port}${address}`);
    api.child.kill('SIGTERM');
    await exited(api.child);

    const raw = await forkServer(
      path.join(__dirname, 'page-baseline.process.js'),
      { BENCH_PAGE_FILE: pageFile },
      (child) => new Promise((resolve) => child.once('message', (m: { port: number }) => resolve(m.port))),
    );
    children.push(raw.child);
    const baseline = await load(`http://127.0.0.1:${raw.port}/`);

    print({
      bench: 'landing_page',
      value: engine.rps,
      unit: 'pages/s',
      baseline: 'node_http_bare_same_bytes',
      baseline_value: baseline.rps,
      p50_ms: percentile(engine.latencies, 50),
      p99_ms: percentile(engine.latencies, 99),
      baseline_p99_ms: percentile(baseline.latencies, 99),
      page_bytes: Buffer.byteLength(html),
      // Every answer a 200 with the page's bytes: the cache served the same page throughout.
      non_200: engine.latencies.length - (engine.statuses.get(200) ?? 0),
      distinct_sizes: engine.bytes.size,
      concurrency: CONCURRENCY,
      seconds: DURATION_MS / 1000,
    });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map(exited));
    fs.rmSync(pageFile, { force: true });
    await bench.close();
  }
}

/** The demo page's form, filled for the n-th visitor (distinct addresses: each a new prospect and lead). */
const registration = (n: number) =>
  new URLSearchParams({
    email: `visitor${n}@bench.example`,
    first_name: `First${n}`,
    company: `Company ${n}`,
    consent: 'yes',
    tcma_website: '',
  }).toString();

/**
 * `form_submit`: registrations on a partner's landing page, each answered once its prospect,
 * consent evidence, event and lead are committed (the lead exists when the answer arrives), from
 * the engine's API in its own process under load from this one; vs Node's bare HTTP server
 * reading the same form and answering the same thank-you bytes, same run. The form rate limits
 * are raised to their maxima (100,000 a minute per address: 1,666 a second, above what one API
 * process takes).
 */
export async function formSubmitBench(): Promise<void> {
  const bench = await benchEnvironment('form');
  const children: ChildProcess[] = [];
  const pageFile = path.join(os.tmpdir(), `tcma-bench-form-${process.pid}.html`);
  try {
    const tenant = await benchTenant(bench, { wait: { type: 'duration', minutes: 0 } });
    const demo = loadDemo();
    const page = demo.manifest.page;
    if (!page) throw new Error('The demo campaign has no landing page');
    const { key: _key, file, ...input } = page;
    await bench.app
      .get(CampaignDraftsService)
      .addPageAsset(tenant.admin, tenant.campaignId, { ...input, html: demo.readText(file) });
    await bench.app.get(CampaignPublishingService).publish(tenant.admin, tenant.campaignId);
    const [slugs] = await bench.db.query<Array<{ partner: string; campaign: string }>>(
      'SELECT p.slug AS partner, c.slug AS campaign FROM partners p, campaigns c WHERE p.id = $1 AND c.id = $2',
      [tenant.partnerId, tenant.campaignId],
    );
    const address = `/p/${slugs.partner}/${slugs.campaign}`;

    const port = 20_000 + ((process.pid + 13) % 20_000);
    const api = await forkServer(
      path.resolve(__dirname, '../apps/api/src/main.js'),
      {
        ...bench.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        MIGRATIONS_RUN: 'false',
        ACCESS_LOG: 'off',
        FORM_RATE_PER_IP: '100000',
        FORM_RATE_PER_PAGE: '1000000',
      },
      async () => {
        await waitForHealth(port);
        return port;
      },
    );
    children.push(api.child);
    const engine = await load(`http://127.0.0.1:${port}${address}`, registration);
    const thanks = await (
      await fetch(`http://127.0.0.1:${port}${address}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: registration(engine.sent),
      })
    ).text();
    api.child.kill('SIGTERM');
    await exited(api.child);
    const [{ leads }] = await bench.db.query<Array<{ leads: number }>>(
      'SELECT count(*)::int AS leads FROM leads WHERE partner_id = $1',
      [tenant.partnerId],
    );

    fs.writeFileSync(pageFile, thanks);
    const raw = await forkServer(
      path.join(__dirname, 'page-baseline.process.js'),
      { BENCH_PAGE_FILE: pageFile },
      (child) => new Promise((resolve) => child.once('message', (m: { port: number }) => resolve(m.port))),
    );
    children.push(raw.child);
    const baseline = await load(`http://127.0.0.1:${raw.port}/`, registration);

    print({
      bench: 'form_submit',
      value: engine.rps,
      unit: 'submissions/s',
      baseline: 'node_http_bare_form_same_answer',
      baseline_value: baseline.rps,
      p50_ms: percentile(engine.latencies, 50),
      // The answer comes after the lead's transaction commits: this is the time until the lead exists.
      p99_ms: percentile(engine.latencies, 99),
      baseline_p99_ms: percentile(baseline.latencies, 99),
      non_200: engine.latencies.length - (engine.statuses.get(200) ?? 0),
      // Every submission, warm-up and the last one included, made its lead.
      leads_recorded: leads,
      leads_expected: engine.sent + 1,
      concurrency: CONCURRENCY,
      seconds: DURATION_MS / 1000,
    });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map(exited));
    fs.rmSync(pageFile, { force: true });
    await bench.close();
  }
}
