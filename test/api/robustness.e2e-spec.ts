/** @long-computing: over a minute of requests to the in-process API, a core kept busy (test/setup/long-running.js). */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { TenantFactory } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import {
  bodyProperties,
  bodyValues,
  Fuzz,
  OpenApiDocument,
  Operation,
  operationsOf,
  pathName,
  sample,
  textValues,
  withValue,
} from '../support/openapi-fuzz';
import { startWorker, WorkerHarness } from '../support/worker-harness';

interface Answer {
  status: number;
  body: { errors?: Array<{ path?: unknown; message?: unknown }> } | null;
  text: string;
}

/**
 * Walks the API's own OpenAPI document and sends every operation, as a vendor admin and as
 * a partner user, out-of-range and wrong-typed values in each path parameter, query
 * parameter and JSON body property (one at a time, the rest plausible). No answer may be a
 * 5xx; a wrong-typed value must be refused; every 400 and 422 names the field at fault.
 */
describe('the API under out-of-range and wrong-typed input', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let base: string;
  let demo: SeededDemo;
  let doc: OpenApiDocument;
  /** Real ids for the path parameters not under test, by the path segment before them. */
  const ids: Record<string, Record<string, string>> = { admin: {}, partner: {} };

  // node:http on one kept-alive connection rather than fetch: the suite sends over 16,000 requests,
  // and fetch's streams spent about 16 s of its CPU (a profile: 13 % of the file's time).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const call = async (token: string, method: string, url: string, body?: unknown): Promise<Answer> => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${base}${url}`, {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
        },
      });
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.end(payload);
    });
    let parsed: Answer['body'];
    try {
      parsed = JSON.parse(text) as Answer['body'];
    } catch {
      parsed = null;
    }
    return { status, body: parsed, text };
  };

  beforeAll(async () => {
    // A queue prefix of its own: the imports and launches this suite makes are never picked up
    // by another suite's worker.
    const env = { QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-robustness` };
    api = await startApi({ env });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    // Previews render on a worker; without one a valid preview would wait for it.
    worker = await startWorker({ roles: 'render', env });
    demo = await new DemoSeeder(api.app).seed();
    doc = (await api.http().get('/docs-json').expect(200)).body as OpenApiDocument;

    const admin = demo.tokens.admin;
    const [partner] = demo.partners;
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const tenants = new TenantFactory(api);
    const spare = await api
      .http()
      .post('/partners')
      .set(as(admin))
      .send({ companyName: 'Spare partner', tier: 'gold', region: 'emea', timezone: 'Europe/Warsaw' })
      .expect(201);
    const user = await tenants.user(admin, {
      email: 'spare@acme-backup.example',
      name: 'Spare',
      role: 'vendor_marketer',
    });
    const tokens = await api.http().get('/tokens').query({ userId: user.userId }).set(as(admin)).expect(200);
    const list = await api
      .http()
      .post(`/partners/${partner.partnerId}/lists`)
      .set(as(partner.token))
      .send({ name: 'Robustness' })
      .expect(201);
    const prospect = await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set(as(partner.token))
      .send({ email: 'robust@prospect.example' })
      .expect(201);
    const upload = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as(partner.token))
      .set('Content-Type', 'text/csv')
      .send('email\r\nrobust2@prospect.example\r\n')
      .expect(202);
    const launch = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
      .expect(202);
    await api
      .http()
      .post('/suppressions')
      .set(as(admin))
      .send({ email: 'suppressed@prospect.example' })
      .expect((r) => expect(r.status).toBeLessThan(300));
    const suppressions = await api.http().get('/suppressions').set(as(admin)).expect(200);
    const version = await api
      .http()
      .get(`/campaigns/${demo.campaignId}/versions/${demo.version}`)
      .set(as(admin))
      .expect(200);
    const assets = version.body.content.assets as Array<{ id: string; kind: string; fileId?: string }>;
    const shared = {
      campaigns: demo.campaignId,
      versions: String(demo.version),
      assets: assets[0].id,
      files: assets.find((a) => a.fileId)?.fileId ?? '6f1c9a57-0c1e-4c55-9d43-94e2f0a4c003',
      users: user.userId,
      tokens: (tokens.body.items as Array<{ id: string }>)[0].id,
      lists: list.body.id,
      prospects: prospect.body.id,
      imports: upload.body.id,
      launches: launch.body.id,
      suppressions: suppressions.body.items[0]?.id ?? '6f1c9a57-0c1e-4c55-9d43-94e2f0a4c004',
      outbox: '6f1c9a57-0c1e-4c55-9d43-94e2f0a4c005',
      public: `sha256-${'0'.repeat(64)}`,
      u: 'not-a-token',
    };
    // Edits of /partners/{id} go to a spare partner, so the demo partner's user stays able to work.
    ids.admin = { ...shared, partners: spare.body.id, partnerId: partner.partnerId };
    ids.partner = { ...shared, partners: partner.partnerId, partnerId: partner.partnerId };
  }, 120_000);

  afterAll(async () => {
    agent.destroy();
    await worker?.close();
    await api?.close();
  });

  /** The URL of an operation with real ids, one parameter possibly replaced. */
  const urlOf = (
    op: Operation,
    actor: 'admin' | 'partner',
    replace?: { name: string; value: string | string[]; in: 'path' | 'query' },
  ) => {
    const segments = op.path.split('/');
    const path = segments
      .map((segment, i) => {
        const name = /^\{(.+)\}$/.exec(segment)?.[1];
        if (!name) return segment;
        if (replace?.in === 'path' && replace.name === name) return encodeURIComponent(String(replace.value));
        // A page number is not an id: the first page of the file is always there.
        if (name === 'page') return '1';
        const previous = segments[i - 1];
        return (
          ids[actor][
            name === 'id' || name === 'version' || name === 'key' || name === 'token'
              ? previous
              : name === 'partnerId'
                ? 'partnerId'
                : name === 'listId'
                  ? 'lists'
                  : name === 'assetId'
                    ? 'assets'
                    : name === 'campaignId'
                      ? 'campaigns'
                      : name
          ] ?? '6f1c9a57-0c1e-4c55-9d43-94e2f0a4c006'
        );
      })
      .join('/');
    if (replace?.in !== 'query') return path;
    const query = new URLSearchParams();
    for (const value of ([] as string[]).concat(replace.value)) query.append(replace.name, value);
    return `${path}?${query.toString()}`;
  };

  /** What is wrong with an answer, or null. */
  const judge = (answer: Answer, fuzz: Fuzz, field: string): string | null => {
    if (answer.status >= 500) return `${answer.status}`;
    if (fuzz.status && answer.status !== fuzz.status && answer.status !== 401 && answer.status !== 403)
      return `${answer.status}, not ${fuzz.status}`;
    if (fuzz.refuse && answer.status < 400) return `accepted (${answer.status})`;
    if (answer.status !== 400 && answer.status !== 422) return null;
    const errors = answer.body?.errors;
    if (
      !Array.isArray(errors) ||
      !errors.length ||
      errors.some((e) => typeof e.path !== 'string' || !e.path || typeof e.message !== 'string')
    )
      return `${answer.status} without field-level errors`;
    const named = errors.some(
      (e) =>
        e.path === field || (e.path as string).startsWith(`${field}.`) || (e.path as string).startsWith(`${field}[`),
    );
    if (fuzz.refuse && !named) return `${answer.status} does not name ${field}`;
    return null;
  };

  it('refuses the out-of-range values found by outside testing with 400 or 422 naming the field', async () => {
    const admin = demo.tokens.admin;
    const partner = demo.partners[0];
    const cases: Array<[string, Promise<Answer>, number, string]> = [
      ['version above 2^31-1', call(admin, 'GET', `/campaigns/${demo.campaignId}/versions/2147483648`), 400, 'version'],
      [
        'preview of version 2^31',
        call(
          partner.token,
          'GET',
          `/campaigns/${demo.campaignId}/versions/2147483648/assets/${ids.partner.assets}/preview`,
        ),
        400,
        'version',
      ],
      [
        'launch of version 2^31',
        call(partner.token, 'POST', '/launches', {
          campaignId: demo.campaignId,
          version: 2 ** 31,
          audience: { type: 'all' },
        }),
        400,
        'version',
      ],
      ['offset beyond bigint', call(admin, 'GET', '/campaigns?offset=99999999999999999999'), 400, 'offset'],
      ['an ISO week on the funnel', call(admin, 'GET', '/analytics/funnel?from=2026-W47'), 400, 'from'],
      ['year 0000 on the funnel', call(admin, 'GET', '/analytics/funnel?from=0000-01-01'), 400, 'from'],
      ['year 9999 on the funnel', call(admin, 'GET', '/analytics/funnel?to=9999-12-31'), 400, 'to'],
      [
        'a number as a custom value',
        call(partner.token, 'POST', `/partners/${partner.partnerId}/prospects`, {
          email: 'custom@prospect.example',
          custom: { seats: 12 },
        }),
        422,
        'custom.seats',
      ],
    ];
    for (const [name, answer, status, path] of cases) {
      const { status: got, body } = await answer;
      expect([name, got, body?.errors?.map((e) => e.path)]).toEqual([name, status, [path]]);
    }
  });

  it('answers no 5xx, refuses wrong types, and names the field in every 400 and 422', async () => {
    const failures: string[] = [];
    let sent = 0;
    const operations = operationsOf(doc);
    // Deletions last, so the resources the others use are still there.
    operations.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const actor of ['admin', 'partner'] as const) {
      const token = actor === 'admin' ? demo.tokens.admin : demo.partners[0].token;
      for (const op of operations) {
        const baseBody = op.body ? sample(doc, op.body) : undefined;
        for (const param of op.parameters.filter((p) => p.in === 'path' || p.in === 'query')) {
          for (const fuzz of textValues(param)) {
            const answer = await call(
              token,
              op.method,
              urlOf(op, actor, {
                name: param.name,
                value: fuzz.value as string | string[],
                in: param.in as 'path' | 'query',
              }),
              baseBody,
            );
            sent++;
            const problem = judge(answer, fuzz, param.name);
            if (problem)
              failures.push(
                `${actor} ${op.method} ${op.path} ${param.in} ${param.name} = ${fuzz.label}: ${problem} ${answer.text.slice(0, 160)}`,
              );
          }
        }
        if (!op.body) continue;
        for (const property of bodyProperties(doc, op.body)) {
          for (const fuzz of bodyValues(property.schema)) {
            const answer = await call(
              token,
              op.method,
              urlOf(op, actor),
              withValue(doc, op.body, baseBody, property.path, fuzz.value),
            );
            sent++;
            const field = pathName(property.path);
            const problem = judge(answer, fuzz, field);
            if (problem)
              failures.push(
                `${actor} ${op.method} ${op.path} body ${field} = ${fuzz.label}: ${problem} ${answer.text.slice(0, 160)}`,
              );
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(3000);
    expect(failures).toEqual([]);
  }, 600_000);
});
