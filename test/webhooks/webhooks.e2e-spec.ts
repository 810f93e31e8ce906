import { Webhook } from 'standardwebhooks';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { startWorker, WorkerHarness } from '../support/worker-harness';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A real HTTP receiver in the test process: answers each path's queued statuses in turn, then 200. */
class Receiver {
  readonly received: Received[] = [];
  readonly answers = new Map<string, number[]>();
  private server?: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '';
        const status = this.answers.get(path)?.shift() ?? 200;
        this.received.push({
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          answered: status,
        });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const PAGE = {
  name: 'Registration',
  title: 'Register with {{partner.company_name}}',
  html: '<h1>{{partner.company_name}}</h1><div data-tcma-form></div><p>{{partner.address}}</p>',
  form: {
    fields: [
      { name: 'email', label: 'Email', type: 'email', required: true },
      { name: 'first_name', label: 'First name', type: 'text', required: false },
    ],
    consent: null,
    submitLabel: 'Register',
    successMessage: 'Thanks',
    onSubmit: 'none',
  },
};

/** Signed outbound webhooks to a local receiver, through the API, the queue and the worker. */
describe('outbound webhooks', () => {
  const receiver = new Receiver();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let pagePath: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const env = { WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '50' };
  const submit = (email: string) =>
    api.http().post(pagePath).type('form').send({ email, first_name: 'Ada' }).expect(200);
  const deliveriesOf = async (token: string, endpointId: string) =>
    (await api.http().get(`/webhooks/${endpointId}/deliveries`).set(as(token)).expect(200)).body;

  beforeAll(async () => {
    await receiver.start();
    api = await startApi({ env });
    worker = await startWorker({ roles: 'webhook', env });
    demo = await new DemoSeeder(api.app).seed();
    const demoVersion = (
      await api.http().get(`/campaigns/${demo.campaignId}/versions/1`).set(as(demo.tokens.marketer)).expect(200)
    ).body;
    const pageId = demoVersion.content.assets.find((a: { kind: string }) => a.kind === 'page').id;
    await api
      .http()
      .put(`/campaigns/${demo.campaignId}/assets/page/${pageId}`)
      .set(as(demo.tokens.marketer))
      .send(PAGE)
      .expect(200);
    await api.http().post(`/campaigns/${demo.campaignId}/publish`).set(as(demo.tokens.marketer)).expect(201);
    const campaign = (await api.http().get(`/campaigns/${demo.campaignId}`).set(as(demo.tokens.marketer))).body;
    const partner = (await api.http().get(`/partners/${demo.partners[0].partnerId}`).set(as(demo.partners[0].token)))
      .body;
    pagePath = `/p/${partner.slug}/${campaign.slug}`;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver.stop();
  });

  it('signs each delivery the Standard Webhooks way, retries a 500, and delivers once per event id', async () => {
    const partner = demo.partners[0];
    await api
      .http()
      .post('/webhooks')
      .set(as(demo.tokens.marketer))
      .send({ url: `${receiver.url}/x`, eventTypes: ['lead_created'] })
      .expect(403);
    await api
      .http()
      .post('/webhooks')
      .set(as(partner.token))
      .send({ url: 'http://crm.example.com/hook', eventTypes: ['lead_created'] })
      .expect(422);
    const registered = await api
      .http()
      .post('/webhooks')
      .set(as(partner.token))
      .send({ url: `${receiver.url}/partner`, eventTypes: ['lead_created', 'form_submitted'] })
      .expect(201);
    expect(registered.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const listed = await api.http().get('/webhooks').set(as(partner.token)).expect(200);
    expect(listed.body.items).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
    const vendorEndpoint = await api
      .http()
      .post('/webhooks')
      .set(as(demo.tokens.admin))
      .send({ url: `${receiver.url}/vendor`, eventTypes: ['lead_created'] })
      .expect(201);
    expect(vendorEndpoint.body.partnerId).toBeNull();
    // Another partner sees neither endpoint.
    await api.http().get(`/webhooks/${registered.body.id}/deliveries`).set(as(demo.partners[1].token)).expect(404);

    receiver.answers.set('/partner', [500]);
    await submit('ada@lovelace.example');
    const received = await eventually(
      () =>
        Promise.resolve(
          receiver.at('/partner').filter((r) => r.answered === 200).length === 2 && receiver.at('/vendor').length === 1
            ? receiver.at('/partner')
            : undefined,
        ),
      'the deliveries',
    );

    const verifier = new Webhook(registered.body.secret);
    const payloads = received.map(
      (r) =>
        verifier.verify(r.body, {
          'webhook-id': String(r.headers['webhook-id']),
          'webhook-timestamp': String(r.headers['webhook-timestamp']),
          'webhook-signature': String(r.headers['webhook-signature']),
        }) as { type: string; data: Record<string, unknown> },
    );
    expect(new Set(payloads.map((p) => p.type))).toEqual(new Set(['form_submitted', 'lead_created']));
    const failed = received.find((r) => r.answered === 500)!;
    const retried = received.filter((r) => r.headers['webhook-id'] === failed.headers['webhook-id']);
    expect(retried.map((r) => r.answered)).toEqual([500, 200]);
    expect(new Set(received.filter((r) => r.answered === 200).map((r) => r.headers['webhook-id'])).size).toBe(2);
    const lead = payloads.find((p) => p.type === 'lead_created')!;
    expect(lead.data).toMatchObject({
      partnerId: partner.partnerId,
      campaignId: demo.campaignId,
      status: 'new',
      prospect: { email: 'ada@lovelace.example', firstName: 'Ada' },
    });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24, 1).toString('base64')}`).verify(failed.body, {
        'webhook-id': String(failed.headers['webhook-id']),
        'webhook-timestamp': String(failed.headers['webhook-timestamp']),
        'webhook-signature': String(failed.headers['webhook-signature']),
      }),
    ).toThrow();

    const log = await eventually(async () => {
      const page = await deliveriesOf(partner.token, registered.body.id);
      return page.items.every((d: { status: string }) => d.status === 'delivered') ? page : undefined;
    }, 'the delivery log');
    expect(log.total).toBe(2);
    const retriedDelivery = log.items.find((d: { id: string }) => d.id === failed.headers['webhook-id']);
    expect(retriedDelivery).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(retriedDelivery.log.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 200],
    ]);

    // Replay: the same event again, under the same webhook-id.
    await api.http().post(`/webhooks/deliveries/${retriedDelivery.id}/replay`).set(as(partner.token)).expect(202);
    await eventually(
      () =>
        Promise.resolve(
          receiver.at('/partner').filter((r) => r.headers['webhook-id'] === retriedDelivery.id).length === 3
            ? true
            : undefined,
        ),
      'the replay',
    );
    await api
      .http()
      .post(`/webhooks/deliveries/${retriedDelivery.id}/replay`)
      .set(as(demo.partners[1].token))
      .expect(404);

    // A partner's other users read the endpoints and their log; only its admins change them, or its contacts' privacy.
    const colleague = (
      await api
        .http()
        .post('/users')
        .set(as(demo.tokens.admin))
        .send({
          email: 'colleague@partner.example',
          name: 'Colleague',
          role: 'partner_user',
          partnerId: partner.partnerId,
        })
        .expect(201)
    ).body.id;
    const user = as(
      (
        await api
          .http()
          .post('/tokens')
          .set(as(partner.token))
          .send({ name: 'colleague', userId: colleague })
          .expect(201)
      ).body.token,
    );
    expect(
      (await api.http().get('/webhooks').set(user).expect(200)).body.items.map((e: { id: string }) => e.id),
    ).toEqual([registered.body.id]);
    await api.http().get(`/webhooks/${registered.body.id}/deliveries`).set(user).expect(200);
    await api
      .http()
      .post('/webhooks')
      .set(user)
      .send({ url: `${receiver.url}/colleague`, eventTypes: ['lead_created'] })
      .expect(403);
    await api.http().post(`/webhooks/deliveries/${retriedDelivery.id}/replay`).set(user).expect(403);
    await api.http().post(`/webhooks/${registered.body.id}/enable`).set(user).expect(403);
    await api.http().delete(`/webhooks/${registered.body.id}`).set(user).expect(403);
    await api
      .http()
      .put(`/partners/${partner.partnerId}/contacts-privacy`)
      .set(user)
      .send({ contactsPrivate: true })
      .expect(403);
    expect((await api.http().get('/webhooks').set(as(partner.token)).expect(200)).body.total).toBe(1);
    expect(
      (await api.http().get(`/partners/${partner.partnerId}`).set(as(partner.token)).expect(200)).body.contactsPrivate,
    ).toBe(false);
  }, 60_000);

  it('refuses a private target at delivery time, and keeps a private partner’s people from the vendor', async () => {
    const partner = demo.partners[0];
    const internal = await api
      .http()
      .post('/webhooks')
      .set(as(demo.tokens.admin))
      .send({ url: 'https://10.0.0.1/hook', eventTypes: ['lead_created'] })
      .expect(201);
    await api
      .http()
      .put(`/partners/${partner.partnerId}/contacts-privacy`)
      .set(as(partner.token))
      .send({ contactsPrivate: true })
      .expect(200);
    const vendorBefore = receiver.at('/vendor').length;
    await submit('grace@hopper.example');
    await eventually(
      () =>
        Promise.resolve(
          receiver.at('/partner').some((r) => r.body.includes('grace@hopper.example')) ? true : undefined,
        ),
      'the partner delivery',
    );
    expect((await deliveriesOf(demo.tokens.admin, internal.body.id)).total).toBe(0);
    expect(receiver.at('/vendor').length).toBe(vendorBefore);
    // The partner's own delivery log carries its people: the vendor's admin may not read it, nor replay from it, while it is private.
    const partnerEndpoint = (await api.http().get('/webhooks').set(as(demo.tokens.admin)).expect(200)).body.items.find(
      (e: { url: string }) => e.url === `${receiver.url}/partner`,
    );
    await api.http().get(`/webhooks/${partnerEndpoint.id}/deliveries`).set(as(demo.tokens.admin)).expect(404);
    const partnerLog = await deliveriesOf(partner.token, partnerEndpoint.id);
    expect(JSON.stringify(partnerLog.items)).toContain('grace@hopper.example');
    await api
      .http()
      .post(`/webhooks/deliveries/${partnerLog.items[0].id}/replay`)
      .set(as(demo.tokens.admin))
      .expect(404);

    await api
      .http()
      .put(`/partners/${partner.partnerId}/contacts-privacy`)
      .set(as(partner.token))
      .send({ contactsPrivate: false })
      .expect(200);
    expect((await deliveriesOf(demo.tokens.admin, partnerEndpoint.id)).total).toBe(partnerLog.total);
    await submit('alan@turing.example');
    const refused = await eventually(async () => {
      const page = await deliveriesOf(demo.tokens.admin, internal.body.id);
      return page.items[0]?.status === 'failed' ? page.items[0] : undefined;
    }, 'the refused delivery');
    expect(refused.log).toEqual([
      expect.objectContaining({
        attempt: 1,
        statusCode: null,
        error: expect.stringMatching(/10\.0\.0\.1.*private, loopback or link-local/),
      }),
    ]);
    await eventually(
      () =>
        Promise.resolve(receiver.at('/vendor').some((r) => r.body.includes('alan@turing.example')) ? true : undefined),
      'the vendor delivery',
    );
  }, 60_000);

  it('tells a lead status change', async () => {
    const partner = demo.partners[0];
    const endpoint = await api
      .http()
      .post('/webhooks')
      .set(as(partner.token))
      .send({ url: `${receiver.url}/status`, eventTypes: ['lead_status_changed'] })
      .expect(201);
    const lead = (await api.http().get(`/partners/${partner.partnerId}/leads`).set(as(partner.token)).expect(200)).body
      .items[0];
    await api
      .http()
      .post(`/leads/${lead.id}/status`)
      .set(as(partner.token))
      .send({ status: 'rejected', reason: 'A competitor' })
      .expect(200);
    const [received] = await eventually(
      () => Promise.resolve(receiver.at('/status').length ? receiver.at('/status') : undefined),
      'the status change',
    );
    const event = new Webhook(endpoint.body.secret).verify(received.body, {
      'webhook-id': String(received.headers['webhook-id']),
      'webhook-timestamp': String(received.headers['webhook-timestamp']),
      'webhook-signature': String(received.headers['webhook-signature']),
    });
    expect(event).toMatchObject({
      type: 'lead_status_changed',
      data: { leadId: lead.id, from: 'new', status: 'rejected', reason: 'A competitor' },
    });
  }, 60_000);

  it('forgets a partner’s people in the vendor’s delivery log when it turns private, and never sends them again', async () => {
    const partner = demo.partners[0];
    const privacy = (contactsPrivate: boolean) =>
      api
        .http()
        .put(`/partners/${partner.partnerId}/contacts-privacy`)
        .set(as(partner.token))
        .send({ contactsPrivate })
        .expect(200);
    const endpoint = (
      await api
        .http()
        .post('/webhooks')
        .set(as(demo.tokens.admin))
        .send({ url: `${receiver.url}/history`, eventTypes: ['lead_created', 'form_submitted'] })
        .expect(201)
    ).body;
    const logText = async (id: string) =>
      (await api.http().get(`/webhooks/${id}/deliveries`).set(as(demo.tokens.admin)).expect(200)).text;
    await submit('edsger@dijkstra.example');
    await eventually(
      () => Promise.resolve(receiver.at('/history').length === 2 ? true : undefined),
      'the vendor’s deliveries',
    );
    expect(await logText(endpoint.id)).toContain('edsger@dijkstra.example');
    const old = (await deliveriesOf(demo.tokens.admin, endpoint.id)).items[0].id;

    await privacy(true);
    // Every vendor endpoint's log, as raw text: no person of the partner anywhere, from this test or the earlier ones.
    const vendorEndpoints = (
      await api.http().get('/webhooks').set(as(demo.tokens.admin)).expect(200)
    ).body.items.filter((e: { partnerId: string | null }) => e.partnerId === null);
    expect(vendorEndpoints.length).toBeGreaterThanOrEqual(3);
    for (const { id } of vendorEndpoints) {
      const text = await logText(id);
      for (const email of ['edsger@dijkstra.example', 'ada@lovelace.example', 'alan@turing.example'])
        expect([id, text.includes(email)]).toEqual([id, false]);
    }
    await api.http().post(`/webhooks/deliveries/${old}/replay`).set(as(demo.tokens.admin)).expect(404);

    // Public again: the next person reaches the vendor, and the earlier one was never sent again.
    await privacy(false);
    await submit('barbara@liskov.example');
    await eventually(
      () =>
        Promise.resolve(
          receiver.at('/history').filter((r) => r.body.includes('barbara@liskov.example')).length === 2
            ? true
            : undefined,
        ),
      'the next deliveries',
    );
    expect(receiver.at('/history').filter((r) => r.body.includes('edsger@dijkstra.example'))).toHaveLength(2);
  }, 60_000);

  it('keeps its connection to a receiver alive, and sends at once on a new one when the receiver closed it under the request', async () => {
    // A raw receiver: answers the first request of a connection (204, kept alive), and closes the
    // connection, unanswered, when a second request comes on it (a receiver whose idle limit just passed).
    const connections: net.Socket[] = [];
    /** Requests begun on each connection, in the order of the connections. */
    const requests: number[] = [];
    const arrived: string[] = [];
    const raw = net.createServer((socket) => {
      const index = connections.push(socket) - 1;
      requests[index] = 0;
      let served = false;
      let buffered = '';
      socket.on('data', (chunk: Buffer) => {
        if (!buffered) requests[index] += 1;
        if (served) return void socket.destroy();
        buffered += chunk.toString('latin1');
        const end = buffered.indexOf('\r\n\r\n');
        const length = Number(/content-length: *(\d+)/i.exec(buffered)?.[1] ?? 0);
        if (end < 0 || buffered.length < end + 4 + length) return;
        served = true;
        arrived.push(/webhook-id: *(\S+)/i.exec(buffered)![1]);
        buffered = '';
        socket.write('HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\nKeep-Alive: timeout=60\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const partner = demo.partners[0];
      const endpoint = (
        await api
          .http()
          .post('/webhooks')
          .set(as(partner.token))
          .send({ url: `http://127.0.0.1:${(raw.address() as AddressInfo).port}/raw`, eventTypes: ['lead_created'] })
          .expect(201)
      ).body;
      await submit('grace@hopper.example');
      await eventually(() => Promise.resolve(arrived.length === 1 || undefined), 'the first delivery');
      await submit('margaret@hamilton.example');
      await eventually(() => Promise.resolve(arrived.length === 2 || undefined), 'the second delivery');

      // The second went out on the kept connection, found it closed, and went again on a new one.
      expect(requests).toEqual([2, 1]);
      const log = await eventually(async () => {
        const page = await deliveriesOf(partner.token, endpoint.id);
        return page.items.length === 2 && page.items.every((d: { status: string }) => d.status === 'delivered')
          ? page
          : undefined;
      }, 'the delivery log');
      expect(new Set(arrived)).toEqual(new Set(log.items.map((d: { id: string }) => d.id)));
      // Sending again on a new connection is not an attempt of its own: nothing reached the receiver.
      expect(log.items.map((d: { attempts: number }) => d.attempts)).toEqual([1, 1]);
    } finally {
      for (const socket of connections) socket.destroy();
      await new Promise((resolve) => raw.close(resolve));
    }
  }, 60_000);
});
