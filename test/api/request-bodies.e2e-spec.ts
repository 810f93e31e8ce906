import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { RawConnection, RawResponse } from '../support/raw-http';

/** The upload limits, small here so that a refused upload is quick to send. */
const UPLOAD_LIMIT = 1024 * 1024;

describe('JSON request bodies', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let partner: TestPartner;

  beforeAll(async () => {
    const limit = String(UPLOAD_LIMIT);
    api = await startApi({ env: { MAX_IMPORT_BYTES: limit, MAX_PDF_BYTES: limit, MAX_IMAGE_BYTES: limit } });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
  });
  afterAll(() => api?.close());

  const post = (url: string, token: string, body: string) =>
    api
      .http()
      .post(url)
      .set({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' })
      .send(body);
  const prospects = () => `/partners/${partner.partnerId}/prospects`;

  it('refuses nesting deeper than 32 levels with 400 before validation, however deep', async () => {
    for (const depth of [33, 5000, 100_000]) {
      const res = await post(
        prospects(),
        partner.token,
        `{"email":"deep@prospect.example","custom":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      );
      expect([depth, res.status, res.body.errors]).toEqual([
        depth,
        400,
        [{ path: 'body', message: 'nests deeper than 32 levels' }],
      ]);
    }
    // Brackets inside strings are text, and 32 levels are allowed (then validated as usual).
    const text = await post(
      prospects(),
      partner.token,
      JSON.stringify({ email: 'brackets@prospect.example', firstName: '[['.repeat(100) }),
    );
    expect(text.status).toBe(201);
    const deepest = await post(
      prospects(),
      partner.token,
      `{"email":"deep@prospect.example","custom":${'['.repeat(31)}${']'.repeat(31)}}`,
    );
    expect([deepest.status, deepest.body.errors?.[0]?.path]).toEqual([400, 'custom']);
  });

  it('refuses a body of more than 12,000 values with 400 before it is walked', async () => {
    const custom = Object.fromEntries(Array.from({ length: 12_001 }, (_, i) => [`k${i}`, 1]));
    const res = await post(prospects(), partner.token, JSON.stringify({ email: 'many@prospect.example', custom }));
    expect([res.status, res.body.errors]).toEqual([400, [{ path: 'body', message: 'holds more than 12,000 values' }]]);
  });

  it('keeps bodies to 256 kB, except campaign authoring (2 MB)', async () => {
    const big = await post(
      prospects(),
      partner.token,
      JSON.stringify({ email: 'big@prospect.example', firstName: 'x'.repeat(300 * 1024) }),
    );
    expect([big.status, big.body.message, big.body.errors]).toEqual([
      413,
      'The request body is larger than 256 kB (2 MB for campaign authoring, /campaigns)',
      [{ path: 'body', message: 'is larger than 256 kB' }],
    ]);
    // A campaign body of 1.5 MB is read and validated (its description is too long)...
    const authoring = await post(
      '/campaigns',
      vendor.adminToken,
      JSON.stringify({ name: 'Big', description: 'x'.repeat(1536 * 1024) }),
    );
    expect([authoring.status, authoring.body.errors?.[0]?.path]).toEqual([400, 'description']);
    // ...and one over 2 MB is not.
    const tooBig = await post(
      '/campaigns',
      vendor.adminToken,
      JSON.stringify({ name: 'Big', description: 'x'.repeat(2100 * 1024) }),
    );
    expect([tooBig.status, tooBig.body.message]).toEqual([413, 'The request body is larger than 2 MB']);
  });

  it('refuses JSON that is not UTF-8 with 415', async () => {
    const res = await api
      .http()
      .post(prospects())
      .set({ Authorization: `Bearer ${partner.token}`, 'Content-Type': 'application/json; charset=utf-16le' })
      .send(Buffer.from('{"email":"x@prospect.example"}', 'utf16le'));
    expect([res.status, res.body.message]).toEqual([415, 'The request body must be UTF-8']);
  });

  describe('an answer given before the body has arrived (a refused upload)', () => {
    /** Far larger than every limit, and than what the kernel buffers: the client is still sending when refused. */
    const UPLOAD = 16 * 1024 * 1024;
    const AT_ONCE_MS = 2000;
    let port: number;
    const connections: RawConnection[] = [];
    const connect = async () => {
      const connection = await RawConnection.open(port);
      connections.push(connection);
      return connection;
    };

    beforeAll(async () => {
      await api.app.listen(0, '127.0.0.1');
      port = (api.app.getHttpServer().address() as AddressInfo).port;
    });
    afterEach(() => connections.splice(0).forEach((c) => c.destroy()));

    const within = async <T>(work: Promise<T>, what: string, ms = AT_ONCE_MS): Promise<T> => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
      });
      return Promise.race([work, late]).finally(() => clearTimeout(timer));
    };

    /**
     * Sends a request with a body far larger than any limit, then, as a keep-alive client does,
     * the next request: on the same connection if the server kept it (once the body is sent), else
     * on a new one. Both answers must come at once. `kept`: whether the server kept the connection
     * (then it read the whole refused body); a refusal given before the body arrived must not.
     */
    async function refusedThenNext(
      path: string,
      headers: Record<string, string>,
      first: Buffer,
    ): Promise<{ refused: RawResponse; next: RawResponse; kept: boolean }> {
      const connection = await connect();
      connection.head('POST', path, { ...headers, 'Content-Length': UPLOAD });
      const sending = connection.sendBody(UPLOAD, first);
      const refused = await connection.response(AT_ONCE_MS);
      const kept = refused.headers.connection !== 'close';
      let again = connection;
      if (kept) {
        await within(sending, 'the server did not read the rest of the refused body');
      } else {
        connection.stopSending();
        await connection.closedWithin(AT_ONCE_MS);
        expect(connection.error).toBeUndefined();
        again = await connect();
      }
      again.head('GET', '/health');
      return { refused, next: await again.response(AT_ONCE_MS), kept };
    }

    const notCsv = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(64 * 1024)]);
    const csv = Buffer.from(`email,firstName\n${'someone@prospect.example,Someone\n'.repeat(2048)}`);
    const multipart = Buffer.from(
      '--edge\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n' +
        'Content-Type: application/pdf\r\n\r\n%PDF-1.7\n',
    );
    const withToken = (token: string, type: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': type });

    it('415: a CSV import whose first bytes are not CSV', async () => {
      const { refused, next, kept } = await refusedThenNext(
        `/partners/${partner.partnerId}/imports`,
        withToken(partner.token, 'text/csv'),
        notCsv,
      );
      expect([refused.status, next.status, kept]).toEqual([415, 200, false]);
    });

    it('413: a CSV import larger than MAX_IMPORT_BYTES, and a file larger than MAX_PDF_BYTES', async () => {
      const imported = await refusedThenNext(
        `/partners/${partner.partnerId}/imports`,
        withToken(partner.token, 'text/csv'),
        csv,
      );
      expect([imported.refused.status, imported.next.status, imported.kept]).toEqual([413, 200, false]);
      const file = await refusedThenNext(
        '/files',
        withToken(vendor.adminToken, 'multipart/form-data; boundary=edge'),
        multipart,
      );
      // Declared larger than the largest file: refused before Multer reads it (UploadLimitsInterceptor).
      expect([file.refused.status, file.next.status, file.kept]).toEqual([413, 200, false]);
    });

    it('413: a JSON body declared larger than its limit, refused before it is read', async () => {
      const { refused, next, kept } = await refusedThenNext(
        `/partners/${partner.partnerId}/prospects`,
        withToken(partner.token, 'application/json'),
        Buffer.from('{"email":"big@prospect.example","firstName":"'),
      );
      expect([refused.status, JSON.parse(refused.body).errors, next.status, kept]).toEqual([
        413,
        [{ path: 'body', message: 'is larger than 256 kB' }],
        200,
        false,
      ]);
    });

    it("401 without credentials and 403 with a partner's on a vendor's upload", async () => {
      const anonymous = await refusedThenNext(
        '/files',
        { 'Content-Type': 'multipart/form-data; boundary=edge' },
        multipart,
      );
      expect([anonymous.refused.status, anonymous.next.status, anonymous.kept]).toEqual([401, 200, false]);
      const forbidden = await refusedThenNext(
        '/files',
        withToken(partner.token, 'multipart/form-data; boundary=edge'),
        multipart,
      );
      expect([forbidden.refused.status, forbidden.next.status, forbidden.kept]).toEqual([403, 200, false]);
    });

    it('keeps the connection after an answer to a request that arrived whole, refused or not', async () => {
      const connection = await connect();
      connection.head('GET', '/health');
      const first = await connection.response(AT_ONCE_MS);
      const body = Buffer.from('{"email":"whole@prospect.example"}');
      connection.head('POST', `/partners/${partner.partnerId}/prospects`, {
        'Content-Type': 'application/json',
        'Content-Length': body.length,
      });
      await connection.sendBody(body.length, body);
      const refused = await connection.response(AT_ONCE_MS);
      // Answered before Node marks the request complete (inside its 'request' event): a request
      // without a body has nothing unread, whenever it is answered.
      connection.head('GET', '/no-such-page');
      const unknown = await connection.response(AT_ONCE_MS);
      connection.head('GET', '/preview/open.gif');
      const pixel = await connection.response(AT_ONCE_MS);
      connection.head('GET', '/health');
      const last = await connection.response(AT_ONCE_MS);
      expect([first, refused, unknown, pixel, last].map((r) => [r.status, r.headers.connection])).toEqual([
        [200, 'keep-alive'],
        [401, 'keep-alive'],
        [404, 'keep-alive'],
        [200, 'keep-alive'],
        [200, 'keep-alive'],
      ]);
      expect(connection.closed).toBe(false);
    });

    describe("through node's http.Agent with keep-alive and one socket", () => {
      /** What a client's next request may take after a refused upload: an answer at once, not a stuck connection. */
      const AT_ONCE = 1000;
      let agent: http.Agent;
      beforeEach(() => (agent = new http.Agent({ keepAlive: true, maxSockets: 1 })));
      afterEach(() => agent.destroy());

      interface Answer {
        status: number;
        connection: string | undefined;
        ms: number;
      }

      /** Resolves with the answer to `request`, or fails after AT_ONCE ms without one. */
      const answerOf = (request: http.ClientRequest, started: number, what: string): Promise<Answer> =>
        within(
          new Promise<Answer>((resolve, reject) => {
            request.once('error', reject);
            request.once('response', (res) => {
              res.resume();
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, ms: Date.now() - started });
            });
          }),
          what,
          AT_ONCE,
        );

      /**
       * Sends an upload of `size` bytes (`first`, then filler) through the agent, as fast as the
       * server reads it, until the server answers with `Connection: close` (the client stops and
       * drops the connection, as a keep-alive client does); with `stall`, only `first` is sent and
       * the rest waits for the answer (a slow client). Then asks for /health through the same
       * agent: its one socket, or a new one after a close. Both answers must come at once.
       */
      async function refusedThenHealth(
        path: string,
        headers: Record<string, string>,
        size: number,
        first: Buffer,
        stall = false,
      ): Promise<{ refused: Answer; next: Answer; sameSocket: boolean }> {
        const started = Date.now();
        const upload = http.request({
          agent,
          host: '127.0.0.1',
          port,
          method: 'POST',
          path,
          headers: { ...headers, 'Content-Length': size },
        });
        const answered = answerOf(upload, started, 'the refused upload was not answered');
        let stop = false;
        const filler = Buffer.alloc(64 * 1024, 0x41);
        const sending = (async () => {
          let sent = 0;
          while (sent < size && !stop && !upload.destroyed) {
            const piece = sent === 0 ? first : filler.subarray(0, Math.min(filler.length, size - sent));
            sent += piece.length;
            if (!upload.write(piece))
              await new Promise<void>((resolve) => {
                const done = () => {
                  upload.off('drain', done).off('close', done);
                  resolve();
                };
                upload.once('drain', done).once('close', done);
              });
            if (stall) return;
          }
          if (sent >= size) upload.end();
        })();
        const refused = await answered;
        const socket = upload.socket;
        if (refused.connection === 'close') {
          stop = true;
          upload.destroy();
        } else {
          await within(sending, 'the server did not read the rest of the refused upload', AT_ONCE);
          await within(new Promise((resolve) => upload.once('close', resolve)), 'the upload did not finish', AT_ONCE);
        }
        const asked = Date.now();
        const health = http.request({ agent, host: '127.0.0.1', port, method: 'GET', path: '/health' });
        const healthSocket = new Promise<unknown>((resolve) => health.once('socket', resolve));
        health.end();
        const next = await answerOf(health, asked, 'the next request on the keep-alive agent was not answered');
        const sameSocket = (await healthSocket) === socket;
        return { refused, next, sameSocket };
      }

      const big = 4 * UPLOAD_LIMIT;

      it('415 on a CSV import, then the next request answered at once', async () => {
        const { refused, next } = await refusedThenHealth(
          `/partners/${partner.partnerId}/imports`,
          withToken(partner.token, 'text/csv'),
          big,
          notCsv,
        );
        expect([refused.status, next.status]).toEqual([415, 200]);
        expect([refused.ms < AT_ONCE, next.ms < AT_ONCE]).toEqual([true, true]);
      });

      it('413 on a CSV import past MAX_IMPORT_BYTES, then the next request answered at once', async () => {
        const { refused, next } = await refusedThenHealth(
          `/partners/${partner.partnerId}/imports`,
          withToken(partner.token, 'text/csv'),
          big,
          csv,
        );
        expect([refused.status, next.status]).toEqual([413, 200]);
        expect([refused.ms < AT_ONCE, next.ms < AT_ONCE]).toEqual([true, true]);
      });

      it('413 on a file upload declared larger than its limit, answered before the body is sent', async () => {
        // A slow client: the file's first bytes, then nothing until the answer.
        const { refused, next, sameSocket } = await refusedThenHealth(
          '/files',
          withToken(vendor.adminToken, 'multipart/form-data; boundary=edge'),
          big,
          multipart,
          true,
        );
        expect([refused.status, refused.connection, next.status, sameSocket]).toEqual([413, 'close', 200, false]);
        expect([refused.ms < AT_ONCE, next.ms < AT_ONCE]).toEqual([true, true]);
      });

      it('411 on a file upload of no declared length (chunked), answered before the body is sent', async () => {
        const started = Date.now();
        const upload = http.request({
          agent,
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/files',
          headers: {
            ...withToken(vendor.adminToken, 'multipart/form-data; boundary=edge'),
            'Transfer-Encoding': 'chunked',
          },
        });
        const answered = answerOf(upload, started, 'the chunked upload was not answered');
        upload.write(multipart);
        const refused = await answered;
        upload.destroy();
        expect([refused.status, refused.connection, refused.ms < AT_ONCE]).toEqual([411, 'close', true]);
      });

      it('401 and 403 on a file upload, then the next request answered at once', async () => {
        for (const [headers, status] of [
          [{ 'Content-Type': 'multipart/form-data; boundary=edge' }, 401],
          [withToken(partner.token, 'multipart/form-data; boundary=edge'), 403],
        ] as const) {
          const { refused, next } = await refusedThenHealth('/files', headers, big, multipart);
          expect([refused.status, next.status]).toEqual([status, 200]);
          expect([refused.ms < AT_ONCE, next.ms < AT_ONCE]).toEqual([true, true]);
        }
      });
    });
  });
});
