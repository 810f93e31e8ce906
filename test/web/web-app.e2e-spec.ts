import * as fs from 'node:fs';
import * as path from 'node:path';
import { createOpenApiDocument } from '../../apps/api/src/openapi/print-openapi';
import { WEB_APP_PREFIXES } from '../../apps/api/src/web/web-app.routes';
import { ApiHarness, startApi } from '../support/api-harness';

const WEB_DIR = path.resolve(__dirname, '../../dist/web');
/** What a browser sends when it loads a page. */
const PAGE = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const SAMPLE_ID = '0b5e7c1e-4f7a-4b8e-9c1d-2a3b4c5d6e7f';

/** A path of the OpenAPI document with a sample value for each parameter. */
function sample(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'version' ? '1' : name === 'token' || name === 'key' ? 'sample-value' : SAMPLE_ID,
  );
}

describe('the browser app, served by the API', () => {
  let api: ApiHarness;
  let index: string;
  let paths: Record<string, Record<string, unknown>>;

  beforeAll(async () => {
    index = fs.readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8');
    api = await startApi();
    paths = (
      (await api.http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> }
    ).paths;
  });
  afterAll(() => api.close());

  it('serves the app at /, revalidated on every load', async () => {
    const res = await api.http().get('/').set('Accept', PAGE).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(index);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('serves the hashed assets with a year of immutable caching; an unknown one is the API’s 404', async () => {
    const scripts = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(scripts.some((s) => s.endsWith('.js'))).toBe(true);
    expect(scripts.some((s) => s.endsWith('.css'))).toBe(true);
    for (const asset of scripts) {
      const res = await api.http().get(asset).expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-type']).toMatch(
        asset.endsWith('.js') ? /javascript/ : asset.endsWith('.css') ? /text\/css/ : /image\/svg/,
      );
    }
    const missing = await api.http().get('/assets/index-00000000.js').set('Accept', PAGE).expect(404);
    expect(missing.headers['content-type']).toMatch(/json/);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('answers a page request under the app’s prefixes with index.html, for GET and HEAD', async () => {
    for (const deepLink of [
      '/portal',
      '/portal/campaigns/123',
      '/console/',
      '/console/campaigns/1/editor',
      '/sign-in',
      '/invitations/abc',
      '/reset-password/xyz',
    ]) {
      const res = await api.http().get(deepLink).set('Accept', PAGE);
      expect({ deepLink, status: res.status, body: res.text }).toEqual({ deepLink, status: 200, body: index });
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    // What curl sends, and what a request without Accept means.
    expect((await api.http().get('/').set('Accept', '*/*').expect(200)).text).toBe(index);
    expect((await api.http().get('/portal').unset('Accept').expect(200)).text).toBe(index);
    const head = await api.http().head('/portal/launches').set('Accept', PAGE).expect(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
  });

  it('leaves everything else under the app’s prefixes to the API', async () => {
    // A page that is not the app's, a request for JSON, a write: the API answers each its own way.
    const notAPrefix = await api.http().get('/portals').set('Accept', PAGE).expect(404);
    const json = await api.http().get('/portal/campaigns').set('Accept', 'application/json').expect(404);
    const script = await api.http().get('/console/x').set('Accept', 'application/json, text/plain, */*').expect(404);
    const post = await api.http().post('/sign-in').set('Accept', PAGE).send({ email: 'a@b.example' }).expect(404);
    for (const res of [notAPrefix, json, script, post]) {
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.headers['x-request-id']).toBeDefined();
      expect(res.text).not.toContain('<div id="root">');
    }
  });

  it('never shadows the API: every GET path of the OpenAPI document, /docs and /docs-json reach the API, even from a browser', async () => {
    const gets = Object.keys(paths).filter((p) => paths[p].get);
    expect(gets.length).toBeGreaterThan(25);
    for (const target of [...gets.map(sample), '/docs', '/docs-json']) {
      const res = await api.http().get(target).set('Accept', PAGE);
      // Only the API's pipeline stamps a request id; the app's index.html never carries one.
      expect({
        target,
        reachedApi: res.headers['x-request-id'] !== undefined,
        // An image (the sample partner's logo) has no text: it is not the app either.
        isApp: (res.text ?? '').includes('<div id="root">'),
      }).toEqual({ target, reachedApi: true, isApp: false });
    }
    const docs = await api.http().get('/docs').set('Accept', PAGE).expect(200);
    expect(docs.text).toContain('swagger');
  });

  it('keeps the app’s prefixes free of API routes', () => {
    const clashes = Object.keys(paths).filter(
      (p) =>
        p === '/' ||
        WEB_APP_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`) || p.startsWith('/assets/')),
    );
    expect(clashes).toEqual([]);
  });

  it('describes itself with the same document `npm run openapi` generates without a database', async () => {
    // The committed apps/web/src/api/openapi.json comes from preview mode; it must be the live one.
    expect(JSON.parse(await createOpenApiDocument())).toEqual((await api.http().get('/docs-json').expect(200)).body);
  });
});
