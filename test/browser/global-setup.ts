import type { FullConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { dropQueueKeys } from '../../libs/queue/src/queue-keys';
import { ChatCompletionsStub } from '../support/chat-completions-stub';
import { fileZone, TestDnsServer } from '../support/dns-server';
import { startHubspotStub } from '../support/hubspot-stub';
import { eventually, freePort, spawnEntry } from '../support/processes';
import { browserAdminEmail } from './seed';
import { startBrowserSocialStubs } from './social-grants';

const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

/**
 * Builds (unless SKIP_BUILD), then starts the engine as the README's start command does (API
 * and one worker from dist/) on a free port with a fresh database, data folder and Redis key
 * prefix, and creates a vendor (with its admin) for each worker, whose token that worker's tests use. Returns the teardown, which
 * stops the engine and removes everything it made.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  if (!process.env.SKIP_BUILD) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (!fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) throw new Error('dist/web is missing: run npm run build');

  const database = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  database.pathname = `/tcma_browser_${Date.now().toString(36)}_${process.pid}`;
  const port = await freePort();
  // The engine's DNS (the sending settings' DNS check) is a server here, answering from a file
  // the specs write (writeZone with TCMA_BROWSER_DNS_ZONE): never the internet.
  const dnsZone = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-browser-dns-')), 'zone.json');
  const dns = await new TestDnsServer(fileZone(dnsZone)).start();
  // The social networks (OAuth and posting) are stubs in this process: the portal's connect buttons
  // lead to them, and specs tell them what to grant through their control (social-grants.ts).
  const social = await startBrowserSocialStubs();
  // HubSpot (OAuth and the CRM API) is a stub here too: the CRM page's connect button leads to it,
  // and it approves at once and sends the browser back to the engine's callback.
  const hubspot = await startHubspotStub();
  // The assistant's model is a stub in this process too (deterministic answers: a translation
  // prefixes each segment with its language in brackets), so the console's machine translation is real.
  const model = await new ChatCompletionsStub().start();
  const env = {
    ...social.env(),
    ...hubspot.env(),
    AI_BASE_URL: model.url,
    AI_MODEL: 'stub-model',
    DATABASE_URL: database.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    QUEUE_PREFIX: `tcma-browser-${process.pid}`,
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-browser-data-')),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DNS_SERVERS: dns.address,
    DNS_TIMEOUT_MS: '500',
    // The webhooks spec's receiver listens on 127.0.0.1, refused unless allowed (as in the webhook tests).
    WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1',
  };
  // The engine's own public address (PUBLIC_BASE_URL, http://localhost:<port> by default), so the
  // pages are at the origin that the previews' images and the emails' links name: at 127.0.0.1 the
  // page's img-src 'self' refused the sample partner's logo in every email preview.
  const baseUrl = `http://localhost:${port}`;

  // Made here rather than by the engine's start, to commit without waiting for the WAL's flush:
  // commits stay atomic and visible, only a crash of PostgreSQL itself, which no browser test
  // causes, could lose the last ones (as each Jest file's copy: test/setup/own-database.ts).
  const admin = new URL(env.DATABASE_URL);
  admin.pathname = '/postgres';
  const creator = new Client({ connectionString: admin.toString() });
  await creator.connect();
  try {
    await creator.query(`CREATE DATABASE "${database.pathname.slice(1)}"`);
    await creator.query(`ALTER DATABASE "${database.pathname.slice(1)}" SET synchronous_commit = off`);
  } finally {
    await creator.end();
  }

  const engine = spawnEntry('cli/src/main.js', ['start'], env);
  const teardown = async () => {
    if (engine.child.exitCode === null && engine.child.signalCode === null) {
      engine.child.kill('SIGTERM');
      const timer = setTimeout(() => engine.child.kill('SIGKILL'), 15_000);
      await engine.exited;
      clearTimeout(timer);
    }
    fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
    await dns.stop();
    await social.stop();
    await hubspot.stop();
    await model.stop();
    fs.rmSync(path.dirname(dnsZone), { recursive: true, force: true });
    await dropQueueKeys(env.REDIS_URL, env.QUEUE_PREFIX);
    if (process.env.KEEP_TEST_DB) return;
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${database.pathname.slice(1)}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };

  try {
    await eventually(
      async () => {
        if (engine.child.exitCode !== null) throw new Error(`the engine exited:\n${engine.output()}`);
        const res = await fetch(`${baseUrl}/health/ready`);
        return res.ok && ((await res.json()) as { workers: number }).workers >= 1;
      },
      'the engine (API and a worker) to be ready',
      60_000,
    );
    // A vendor for each worker: a worker's tests never see another's campaigns, partners or figures.
    const tokens = Array.from({ length: Math.max(1, config.workers) }, (_, worker) => {
      const made = execFileSync(
        process.execPath,
        [
          path.join(ROOT, 'dist/apps/cli/src/main.js'),
          'bootstrap-admin',
          '--vendor',
          `Browser Test Vendor ${worker + 1}`,
          '--email',
          browserAdminEmail(worker),
          '--json',
        ],
        { env: { ...process.env, ...env }, encoding: 'utf8' },
      );
      return (JSON.parse(made.trim().split('\n').pop() ?? '{}') as { token: string }).token;
    });
    process.env.TCMA_BROWSER_BASE_URL = baseUrl;
    process.env.TCMA_BROWSER_DNS_ZONE = dnsZone;
    process.env.TCMA_BROWSER_SOCIAL_CONTROL_URL = social.controlUrl;
    // Specs that age a session (expiry) reach the engine's database directly.
    process.env.TCMA_BROWSER_DATABASE_URL = env.DATABASE_URL;
    process.env.TCMA_BROWSER_ADMIN_TOKENS = tokens.join(',');
  } catch (e) {
    console.error(engine.output());
    await teardown();
    throw e;
  }
  return teardown;
}
