import { chromium, type Browser, type Page } from '@playwright/test';
import { TokensService } from '@tcma/tenancy';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { loadDemo } from '../apps/cli/src/demo/demo-manifest';
import { CHROMIUM_ARGS, chromiumPath } from '../test/browser/chromium';
import { forkServer, waitForHealth } from './api-process';
import { benchEnvironment } from './bench-context';
import { percentile, print } from './bench-line';
import { benchTenant } from './bench-tenant';

/** Campaigns in the catalogue. */
const CAMPAIGNS = Number(process.env.BENCH_CATALOGUE_CAMPAIGNS ?? 200);
/** Cold loads measured; the median is the line's value. */
const LOADS = 5;
/** The portal's page size (apps/web/src/features/portal/catalogue.page.tsx). */
const PAGE_SIZE = 24;

type Json = Record<string, unknown>;

async function call<T = Json>(
  base: string,
  token: string,
  method: string,
  url: string,
  body?: unknown,
  expected = [200, 201],
): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body instanceof FormData || body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  if (!expected.includes(res.status))
    throw new Error(`${method} ${url} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json()) as T) : (undefined as T);
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Runs `fn` over `items`, `concurrency` at a time. */
async function inParallel<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/**
 * The page's clock (ms from navigation start) at the first frame in which `condition` holds; a
 * string, evaluated in the page (this file is built without the DOM's types).
 */
async function frameWhen(page: Page, condition: string): Promise<number> {
  const handle = await page.waitForFunction(`(${condition}) ? performance.now() : false`, undefined, {
    polling: 'raf',
    timeout: 30_000,
  });
  return Number(await handle.jsonValue());
}

/**
 * A desktop window; the page's CSP (script-src 'self') is lifted for the measuring conditions
 * alone, which Playwright evaluates as strings. It changes nothing the page loads.
 */
const CONTEXT = { viewport: { width: 1440, height: 900 }, bypassCSP: true };

/** A thumbnail of the catalogue decoded and on screen. */
const THUMBNAIL_SHOWN = `[...document.querySelectorAll('img')].some((img) => img.src.includes('/thumbnail') && img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().top < window.innerHeight)`;
/** The partner home has rendered its campaigns ready to launch (React mounted, links live). */
const HOME_INTERACTIVE = `!!(document.querySelector('h1') && document.querySelector('main a[href^="/portal/campaigns/"]'))`;
/** The app has rendered the catalogue with its search field (React mounted, handlers attached). */
const CATALOGUE_INTERACTIVE = `!!(document.querySelector('form[role=search] input') && document.querySelector('a[href^="/portal/campaigns/"]'))`;

/** One cold load (a fresh browser context: no cache, no cookies) of `url`; the milliseconds from navigation start. */
async function coldLoad(
  browser: Browser,
  url: string,
  token: string,
  interactive: string | null,
): Promise<{ firstThumbnailMs: number; interactiveMs: number }> {
  const context = await browser.newContext({ ...CONTEXT, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // Polled at each frame: the first frame in which a thumbnail is decoded and on screen.
    // Both watched from the start, each timed at its own first frame.
    const [firstThumbnailMs, interactiveMs] = await Promise.all([
      frameWhen(page, THUMBNAIL_SHOWN),
      interactive === null ? Promise.resolve(0) : frameWhen(page, interactive),
    ]);
    return { firstThumbnailMs, interactiveMs };
  } finally {
    await context.close();
  }
}

/**
 * `portal_catalogue` and `portal_home`: a partner's catalogue of 200 campaigns, each with a co-branded thumbnail,
 * loaded cold in Chromium (a fresh context per load: nothing cached) from the engine's API in its
 * own process, with a worker. value = median ms from navigation start to the first thumbnail
 * decoded on screen; interactive_ms = median ms until the catalogue and its search field are
 * rendered. The thumbnails are rendered once before measuring (the catalogue answers with stored
 * renders, never a render per request). Baseline: a bare HTML page of the same first page of
 * thumbnail <img> tags, served by the same API origin and loaded the same way: the floor of
 * fetching and decoding one thumbnail, without the app.
 */
export async function portalCatalogueBench(): Promise<void> {
  const bench = await benchEnvironment('catalogue');
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const tenant = await benchTenant(bench, { wait: { type: 'duration', minutes: 0 } });
    const tokens = bench.app.get(TokensService);
    const adminToken = (await tokens.issue(tenant.admin, { name: 'bench' })).secret;
    const partnerToken = (await tokens.issue(tenant.partnerActor, { name: 'bench-partner' })).secret;

    const port = 20_000 + ((process.pid + 11) % 20_000);
    const env = { ...bench.env, PORT: String(port), HOST: '127.0.0.1', MIGRATIONS_RUN: 'false', LOG_LEVEL: 'error' };
    api = (
      await forkServer(
        path.resolve(__dirname, '../apps/api/src/main.js'),
        env,
        async () => (await waitForHealth(port), port),
      )
    ).child;
    worker = (await forkServer(path.resolve(__dirname, '../apps/worker/src/main.js'), env, () => Promise.resolve(0)))
      .child;
    const base = `http://127.0.0.1:${port}`;

    // The catalogue: the demo's welcome email and LinkedIn image in each campaign, one file shared by all.
    const demo = loadDemo();
    const m = demo.manifest;
    const social = m.social[0];
    const logo = new FormData();
    logo.append(
      'file',
      new Blob([new Uint8Array(demo.read(m.partners[0].brandKit.logo))], { type: 'image/png' }),
      'logo.png',
    );
    await call(base, partnerToken, 'PUT', `/partners/${tenant.partnerId}/brand-kit/logo`, logo);
    const upload = new FormData();
    upload.append(
      'file',
      new Blob([new Uint8Array(demo.read(social.file))], { type: 'image/png' }),
      path.basename(social.file),
    );
    const file = await call<{ id: string }>(base, adminToken, 'POST', '/files', upload);
    const welcome = m.emails[0];
    const mjml = demo.readText(welcome.file);
    await inParallel(
      Array.from({ length: CAMPAIGNS }, (_, i) => i),
      4,
      async (i) => {
        const { id } = await call<{ id: string }>(base, adminToken, 'POST', '/campaigns', {
          name: `Catalogue campaign ${i + 1}`,
          description: m.description,
          tags: m.tags,
          language: m.language,
        });
        await call(base, adminToken, 'PUT', `/campaigns/${id}/slots`, { slots: m.slots });
        await call(base, adminToken, 'PUT', `/campaigns/${id}/links`, { links: m.links });
        const email = await call<{ id: string }>(base, adminToken, 'POST', `/campaigns/${id}/assets/email`, {
          name: welcome.name,
          subject: welcome.subject,
          preheader: welcome.preheader,
          mjml,
        });
        await call(base, adminToken, 'POST', `/campaigns/${id}/assets/social`, {
          name: social.name,
          fileId: file.id,
          slots: social.slots,
          copy: social.copy,
        });
        await call(base, adminToken, 'PUT', `/campaigns/${id}/sequence`, {
          steps: [{ emailAssetId: email.id, wait: { type: 'duration', minutes: 0 }, window: null }],
          exit: { clickedLink: null, converted: false },
        });
        await call(base, adminToken, 'POST', `/campaigns/${id}/publish`);
      },
    );

    // Every thumbnail rendered once (the worker stores it); then each answers from the store.
    const thumbnails: string[] = [];
    let total = 0;
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await call<{ items: Array<{ thumbnailUrl: string | null }>; total: number }>(
        base,
        partnerToken,
        'GET',
        `/partners/${tenant.partnerId}/catalogue?limit=${PAGE_SIZE}&offset=${offset}`,
      );
      thumbnails.push(...page.items.flatMap((c) => (c.thumbnailUrl ? [c.thumbnailUrl] : [])));
      total = page.total;
      if (offset + PAGE_SIZE >= page.total) break;
    }
    const withThumbnails = thumbnails.length;
    await inParallel(thumbnails, 4, async (url) => {
      const res = await fetch(`${base}${url}`, { headers: { Authorization: `Bearer ${partnerToken}` } });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      await res.arrayBuffer();
    });
    const firstPage = thumbnails.slice(0, PAGE_SIZE);

    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    // The baseline's page: the same first page of thumbnails, as bare <img> tags, from the API's origin.
    const bareUrl = `${base}/portal/__bench_bare_thumbnails`;
    const bareHtml = `<!doctype html><html><body>${firstPage.map((u) => `<img src="${u}" width="300" alt="">`).join('')}</body></html>`;
    await browser.newContext(); // warms the browser process itself, so the first measured load is not its start-up
    const portal: Array<{ firstThumbnailMs: number; interactiveMs: number }> = [];
    const home: Array<{ firstThumbnailMs: number; interactiveMs: number }> = [];
    const bare: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      portal.push(await coldLoad(browser, `${base}/portal`, partnerToken, CATALOGUE_INTERACTIVE));
      home.push(await coldLoad(browser, `${base}/portal/home`, partnerToken, HOME_INTERACTIVE));
      const context = await browser.newContext({
        ...CONTEXT,
        extraHTTPHeaders: { Authorization: `Bearer ${partnerToken}` },
      });
      await context.route(bareUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: bareHtml }));
      const page = await context.newPage();
      await page.goto(bareUrl, { waitUntil: 'commit' });
      bare.push(await frameWhen(page, THUMBNAIL_SHOWN));
      await context.close();
    }
    print({
      bench: 'portal_catalogue',
      value: percentile(
        portal.map((p) => p.firstThumbnailMs),
        50,
      ),
      unit: 'ms to the first thumbnail (median of 5 cold loads)',
      baseline: 'bare_html_page_of_the_same_thumbnails',
      baseline_value: percentile(bare, 50),
      interactive_ms: percentile(
        portal.map((p) => p.interactiveMs),
        50,
      ),
      loads: LOADS,
      // The bench tenant's own campaign (an email alone, no thumbnail) is in the catalogue too.
      campaigns: total,
      campaigns_with_thumbnails: withThumbnails,
      first_thumbnail_ms_each: portal.map((p) => Math.round(p.firstThumbnailMs)),
      target: 'value < 1000 ms; interactive_ms < 1500 ms',
    });
    // The same partner's home (its campaigns ready to launch, with the same thumbnails), loaded cold the same way.
    print({
      bench: 'portal_home',
      value: percentile(
        home.map((p) => p.firstThumbnailMs),
        50,
      ),
      unit: "ms to the partner home's first co-branded thumbnail (median of 5 cold loads)",
      baseline: 'bare_html_page_of_the_same_thumbnails',
      baseline_value: percentile(bare, 50),
      interactive_ms: percentile(
        home.map((p) => p.interactiveMs),
        50,
      ),
      loads: LOADS,
      first_thumbnail_ms_each: home.map((p) => Math.round(p.firstThumbnailMs)),
      target: 'value < 800 ms',
    });
  } finally {
    await browser?.close();
    await stop(api);
    await stop(worker);
    await bench.close();
  }
}
