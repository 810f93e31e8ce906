import { CampaignDraftsService, CampaignPublishingService } from '@tcma/campaigns';
import { Signer } from '@tcma/signing';
import { ChildProcess, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import * as path from 'node:path';
import { loadDemo } from '../apps/cli/src/demo/demo-manifest';
import { HubspotStub } from '../test/support/hubspot-stub';
import { forkServer, waitForHealth } from './api-process';
import { benchEnvironment } from './bench-context';
import { percentile, print } from './bench-line';
import { benchTenant } from './bench-tenant';

const LEADS = Number(process.env.BENCH_CRM_LEADS ?? 2_000);
/** HubSpot's answer time in the benchmark. */
const LATENCY_MS = 100;
/** As many at once as one worker's CRM queue runs (CRM_CONCURRENCY in apps/worker). */
const CONCURRENCY = 16;
/** Form submissions in flight at once (visitors on the page, as form_submit has them): the leads arrive faster than one worker writes them. */
const VISITORS = 64;

const exited = (c: ChildProcess) =>
  new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));

/** A plain JSON POST to the stub with a bearer token: the baseline's calls. */
function post(agent: Agent, url: string, token: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * `crm_sync`: LEADS registrations on a partner's landing page (VISITORS at once, through one API
 * process) written by one worker process (the `webhook` role) to a HubSpot stub answering every
 * call after LATENCY_MS: the contact and its note per lead. Records per second from the first
 * submission to the last record written, and p99 from a submission to its record written.
 * Raw limit, same run: a plain script making the same two calls per lead to the same stub,
 * CONCURRENCY at a time. Nothing may be written twice: contacts, notes and create calls are counted.
 */
export async function crmSyncBench(): Promise<void> {
  const hubspot = await new HubspotStub().start();
  hubspot.latencyMs = LATENCY_MS;
  const bench = await benchEnvironment('crm', hubspot.env());
  const children: ChildProcess[] = [];
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

    // The partner's HubSpot, as its OAuth redirect leaves it: a code from the stub's authorize, exchanged.
    const redirectUri = 'http://127.0.0.1/crm/callback/hubspot';
    const authorize = await fetch(
      `${hubspot.url}/oauth/authorize?client_id=${hubspot.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&state=s`,
      { redirect: 'manual' },
    );
    const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
    const tokens = (await (
      await fetch(`${hubspot.url}/oauth/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: hubspot.clientId,
          client_secret: hubspot.clientSecret,
        }),
      })
    ).json()) as { access_token: string; refresh_token: string; expires_in: number };
    const signer = bench.app.get(Signer);
    await bench.db.query(
      `INSERT INTO crm_connections (vendor_id, partner_id, provider, account_id, account_name, access_token_sealed, refresh_token_sealed, expires_at)
       VALUES ($1, $2, 'hubspot', $3, 'bench.hubspot.example', $4, $5, now() + interval '1 day')`,
      [
        tenant.vendorId,
        tenant.partnerId,
        hubspot.hubId,
        signer.seal(tokens.access_token),
        signer.seal(tokens.refresh_token),
      ],
    );
    hubspot.accessTokenSeconds = 86_400;

    const port = 20_000 + ((process.pid + 29) % 20_000);
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
    const worker = fork(path.resolve(__dirname, '../apps/worker/src/main.js'), [], {
      env: { ...process.env, ...bench.env, WORKER_ROLES: 'webhook', MIGRATIONS_RUN: 'false' },
      stdio: 'inherit',
      execArgv: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
    });
    children.push(worker);

    const address = `http://127.0.0.1:${port}/p/${slugs.partner}/${slugs.campaign}`;
    const formAgent = new Agent({ keepAlive: true, maxSockets: VISITORS });
    const submit = (email: string) =>
      new Promise<void>((resolve, reject) => {
        const body = new URLSearchParams({
          email,
          first_name: 'First',
          company: 'Company',
          consent: 'yes',
          tcma_website: '',
        }).toString();
        const req = request(
          address,
          {
            agent: formAgent,
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () =>
              res.statusCode === 200 ? resolve() : reject(new Error(`form answered ${res.statusCode}`)),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const writtenCount = async () =>
      (
        await bench.db.query<Array<{ n: number }>>(
          "SELECT count(*)::int AS n FROM crm_records WHERE partner_id = $1 AND status = 'written'",
          [tenant.partnerId],
        )
      )[0].n;
    // Warm-up: one lead through the whole path (the worker has booted, its connections are open).
    await submit('warm-up@bench.example');
    while ((await writtenCount()) < 1) await new Promise((r) => setTimeout(r, 50));

    const submittedAt = new Map<string, number>();
    let next = 0;
    const start = Date.now();
    await Promise.all(
      Array.from({ length: VISITORS }, async () => {
        while (next < LEADS) {
          const email = `visitor${next++}@bench.example`;
          submittedAt.set(email, Date.now());
          await submit(email);
        }
      }),
    );
    const submittedMs = Date.now() - start;
    while ((await writtenCount()) < LEADS + 1) await new Promise((r) => setTimeout(r, 100));
    const rows = await bench.db.query<Array<{ email: string; written: Date }>>(
      `SELECT p.email, r.written_at AS written FROM crm_records r JOIN leads l ON l.id = r.lead_id
         JOIN prospects p ON p.id = l.prospect_id WHERE r.partner_id = $1 AND p.email <> 'warm-up@bench.example'`,
      [tenant.partnerId],
    );
    const last = Math.max(...rows.map((r) => new Date(r.written).getTime()));
    const elapsed = last - start;
    const latencies = rows.map((r) => new Date(r.written).getTime() - (submittedAt.get(r.email) ?? NaN));
    const contactCreates = hubspot.callsTo(/^\/crm\/v3\/objects\/contacts$/, 'POST').length;
    const contacts = hubspot.contacts.length;
    const notes = hubspot.notes.length;
    formAgent.destroy();
    worker.kill('SIGTERM');
    await exited(worker);

    // The raw limit: the same two calls per lead, straight from this process.
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const baselineLatencies: number[] = [];
    let k = 0;
    const baselineStart = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (k < LEADS) {
          const n = k++;
          const began = Date.now();
          const contact = await post(agent, `${hubspot.url}/crm/v3/objects/contacts`, tokens.access_token, {
            properties: { email: `baseline${n}@bench.example`, firstname: 'First', company: 'Company' },
          });
          await post(agent, `${hubspot.url}/crm/v3/objects/notes`, tokens.access_token, {
            properties: { hs_timestamp: new Date().toISOString(), hs_note_body: `Lead ${n}` },
            associations: [
              {
                to: { id: (contact.json as { id: string }).id },
                types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }],
              },
            ],
          });
          baselineLatencies.push(Date.now() - began);
        }
      }),
    );
    const baselineElapsed = Date.now() - baselineStart;
    agent.destroy();

    print({
      bench: 'crm_sync',
      value: (LEADS * 1000) / elapsed,
      unit: 'records/s',
      baseline: 'plain_script_same_hubspot_calls',
      baseline_value: (LEADS * 1000) / baselineElapsed,
      // From the form's submission to the record written in HubSpot (contact and note).
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      baseline_p99_ms: percentile(baselineLatencies, 99),
      leads: LEADS,
      submitted_ms: submittedMs,
      hubspot_latency_ms: LATENCY_MS,
      worker_concurrency: CONCURRENCY,
      // Nothing twice: one contact, one create call and one note per lead (the warm-up's included).
      contacts,
      contact_creates: contactCreates,
      notes,
    });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map(exited));
    await bench.close();
    await hubspot.stop();
  }
}
