import { ManualClock } from '@tcma/clock';
import { UnsubscribeLinks } from '@tcma/delivery';
import { createEngineLogs, EngineLogs } from '@tcma/logging';
import { Writable } from 'node:stream';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { startWorker, WorkerHarness } from '../support/worker-harness';

type Line = Record<string, unknown> & { msg?: string; requestId?: string; severity?: string };

/**
 * What the engine's own logs say about a request: the API and an enroll worker in this
 * process write JSON lines (the format a log shipper reads) to one place, read back here.
 */
describe('request logs', () => {
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const lines = (): Line[] =>
    text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
  let logs: EngineLogs;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    logs = createEngineLogs('api', { logLevel: 'log', logFormat: 'json' }, { destination: sink });
    api = await startApi({ clock, logs });
    worker = await startWorker({ roles: 'enroll', clock, logger: logs.nest });
    demo = await new DemoSeeder(api.app).seed();
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('answers the hottest public links ahead of Express through the same pipeline as Express answers them', async () => {
    // A GET without a body takes the fast lane; one with a body goes to the Express route of the same template.
    const cases = [
      ['/s/zzzzzzzzzz', '/s/:code'],
      ['/c/abc/0/not-a-signature?u=https%3A%2F%2Facme.example%2F', '/c/:sendId/:index/:sig'],
      ['/o/abc/not-a-signature.gif', '/o/:sendId/:file'],
    ] as const;
    for (const [i, [path, route]] of cases.entries()) {
      const lane = await api.http().get(path).set('X-Request-Id', `lane-000${i}`);
      const express = await api.http().get(path).set('X-Request-Id', `express-000${i}`).send('x');
      expect([lane.status, lane.text]).toEqual([express.status, express.text]);
      expect(lane.status).toBe(404);
      const pipelineHeaders = (h: Record<string, string>) =>
        Object.keys(h)
          .filter((name) => !['date', 'etag', 'content-length', 'connection', 'keep-alive'].includes(name))
          .sort();
      expect(pipelineHeaders(lane.headers)).toEqual(pipelineHeaders(express.headers));
      for (const name of ['content-security-policy', 'x-content-type-options', 'cross-origin-resource-policy'])
        expect([name, lane.headers[name]]).toEqual([name, express.headers[name]]);
      expect(lane.headers['x-request-id']).toBe(`lane-000${i}`);
      const accessOf = (id: string) => lines().find((l) => l.requestId === id && l.msg === 'request completed');
      expect(accessOf(`lane-000${i}`)).toMatchObject({ route, status: 404, method: 'GET' });
      expect(accessOf(`express-000${i}`)).toMatchObject({ route, status: 404, method: 'GET' });
    }
    // HEAD, which link scanners use, is answered there too, without a body.
    const head = await api.http().head('/s/zzzzzzzzzz').set('X-Request-Id', 'lane-head-0001');
    expect([head.status, head.text ?? '']).toEqual([404, '']);
    expect(lines().find((l) => l.requestId === 'lane-head-0001' && l.msg === 'request completed')).toMatchObject({
      route: '/s/:code',
      method: 'HEAD',
    });
  });

  it('writes one access line per request, without its body, and echoes the request id', async () => {
    const [partner] = demo.partners;
    const res = await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set(as(partner.token))
      .set('X-Request-Id', 'access-line-0001')
      .send({ email: 'ann@logs.example', firstName: 'Annabelle' })
      .expect(201);
    expect(res.headers['x-request-id']).toBe('access-line-0001');
    const access = lines().filter((l) => l.requestId === 'access-line-0001' && l.msg === 'request completed');
    expect(access).toEqual([
      expect.objectContaining({
        severity: 'INFO',
        level: 30,
        method: 'POST',
        route: '/partners/:partnerId/prospects',
        url: `/partners/${partner.partnerId}/prospects`,
        status: 201,
        durationMs: expect.any(Number),
      }),
    ]);
    expect(text).not.toContain('Annabelle');
    // A request without an id of its own (or with one that is not an id) gets a new one.
    const fresh = await api.http().get('/health').set('X-Request-Id', 'no spaces <allowed>').expect(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines().some((l) => l.requestId === fresh.headers['x-request-id'] && l.route === '/health')).toBe(true);
  });

  it("gives a request's lines and the lines of the job it queued the request's id", async () => {
    const [partner] = demo.partners;
    const id = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .set('X-Request-Id', 'launch-request-0001')
      .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
      .expect(202);
    const enrolled = await eventually(
      () => Promise.resolve(lines().find((l) => /^Launch \S+: \d+ enrolled/.test(l.msg ?? ''))),
      "the enrollment job's line",
    );
    expect(enrolled).toMatchObject({
      requestId: 'launch-request-0001',
      context: 'EnrollmentService',
      queue: 'enroll',
      jobId: `enroll-${id.body.id}`,
    });
    const ofRequest = lines().filter((l) => l.requestId === 'launch-request-0001');
    expect(ofRequest.map((l) => l.msg)).toEqual(expect.arrayContaining(['request completed', enrolled.msg]));
    expect(ofRequest.every((l) => l.level === 30 && l.severity === 'INFO')).toBe(true);
  });

  it("says a partner's unusable file is a warning about the file, with the upload's id, and no error", async () => {
    const [partner] = demo.partners;
    const upload = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as(partner.token))
      .set('X-Request-Id', 'bad-csv-upload-0001')
      .set('Content-Type', 'text/csv')
      .send('name,company\nAnn,Acme\n')
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/partners/${partner.partnerId}/imports/${upload.body.id}`).set(as(partner.token))).body
          .status === 'failed'
          ? true
          : undefined,
      'the import to be refused',
    );
    const ofUpload = await eventually(
      () => Promise.resolve(lines().filter((l) => l.requestId === 'bad-csv-upload-0001' && l.severity === 'WARN')[0]),
      'the warning',
    );
    expect(ofUpload.msg).toMatch(
      new RegExp(
        `^Import ${upload.body.id} of partner ${partner.partnerId} refused the partner's file: The first row must be a header with an email column`,
      ),
    );
    expect(
      lines()
        .filter((l) => l.requestId === 'bad-csv-upload-0001')
        .map((l) => l.severity),
    ).not.toContain('ERROR');
  });

  it('redacts capability links, credentials and secrets', async () => {
    const token = api.app.get(UnsubscribeLinks).token('987654321987');
    await api
      .http()
      .post(`/u/${token}`)
      .set('X-Request-Id', 'unsubscribe-0001')
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(404);
    const access = lines().find((l) => l.requestId === 'unsubscribe-0001' && l.msg === 'request completed');
    expect(access).toMatchObject({ route: '/u/:token', url: '/u/[redacted]', status: 404 });
    // A tracked click's signature, an invitation link, a token in a query.
    await api
      .http()
      .get('/c/abc/0/secret-signature-123?u=https%3A%2F%2Facme.example%2F&n=trial')
      .set('X-Request-Id', 'click-0001');
    await api
      .http()
      .get('/invitations/invitation-token-0123456789?token=query-token-0123')
      .set('X-Request-Id', 'invite-0001');
    const click = lines().find((l) => l.requestId === 'click-0001' && l.msg === 'request completed');
    expect(click?.url).toBe('/c/abc/0/[redacted]?u=https%3A%2F%2Facme.example%2F&n=trial');
    const invite = lines().find((l) => l.requestId === 'invite-0001' && l.msg === 'request completed');
    expect(invite?.url).toBe('/invitations/[redacted]?token=[redacted]');
    // Credentials quoted in a message or given as fields.
    logs.root.warn(
      { smtpUrl: 'smtp://mailer:field-pass-1@smtp.example:587', nested: { password: 'field-pass-2' } },
      'Sending failing for smtp://mailer:message-pass-3@smtp.example:587 (Bearer abcdefgh12345678)',
    );
    expect(lines().at(-1)).toMatchObject({
      smtpUrl: '[redacted]',
      nested: { password: '[redacted]' },
      msg: 'Sending failing for smtp://mailer:[redacted]@smtp.example:587 (Bearer [redacted])',
    });
    for (const secret of [
      token,
      'secret-signature-123',
      'invitation-token-0123456789',
      'query-token-0123',
      'field-pass-1',
      'field-pass-2',
      'message-pass-3',
      'abcdefgh12345678',
      demo.partners[0].token,
    ])
      expect(text).not.toContain(secret);
  });
});
