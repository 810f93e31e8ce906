import { ApiHarness, startApi } from '../support/api-harness';

/** What every answer carries (security headers, CORS) and the HTTP rate limits. */
describe('edge protection', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({
      env: { CORS_ORIGINS: 'https://crm.example, https://intranet.example:8443', RATE_LIMIT_SIGN_IN_PER_MINUTE: '3' },
    });
  });
  afterAll(() => api?.close());

  describe('security headers', () => {
    it('puts a strict default policy on API answers, and leaves resources cross-origin readable for mail clients', async () => {
      const res = await api.http().get('/health').expect(200);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'cross-origin-resource-policy': 'cross-origin',
        'referrer-policy': 'no-referrer',
      });
      const csp = String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim());
      expect(csp).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          "script-src 'self'",
          "object-src 'none'",
          "frame-ancestors 'self'",
        ]),
      );
      // Served over http here: no HSTS (it would only be ignored, and pins nothing useful).
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it("keeps the browser app's own policy: its scripts, its styles and Mantine's inline style attributes", async () => {
      const res = await api
        .http()
        .get('/')
        .set('Accept', 'text/html')
        .expect(200)
        .expect('Content-Type', /text\/html/);
      expect(res.text).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
      const csp = String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim());
      expect(csp).toEqual(
        expect.arrayContaining(["script-src 'self'", "style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'"]),
      );
      // Images from any https origin (S3 public or presigned logos, vendors' images in email
      // previews); scripts, styles and connections stay the engine's own.
      expect(csp).toContain("img-src 'self' data: blob: https:");
      expect(csp).toContain("connect-src 'self'");
      const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(res.text)![1];
      await api
        .http()
        .get(script)
        .expect(200)
        .expect('Content-Type', /javascript/)
        .expect('Cross-Origin-Resource-Policy', 'cross-origin');
    });

    it('lets Swagger UI at /docs load its own scripts', async () => {
      const res = await api.http().get('/docs/').expect(200);
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    });

    it('sets HSTS once the engine is served over https', async () => {
      const secure = await startApi({ env: { PUBLIC_BASE_URL: 'https://engine.example' } });
      try {
        await secure.http().get('/health').expect(200).expect('Strict-Transport-Security', 'max-age=15552000');
      } finally {
        await secure.close();
      }
    });
  });

  describe('CORS', () => {
    it('answers the listed origins, without credentials', async () => {
      const res = await api
        .http()
        .options('/me')
        .set('Origin', 'https://crm.example')
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization')
        .expect(204);
      expect(res.headers['access-control-allow-origin']).toBe('https://crm.example');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      const get = await api.http().get('/health').set('Origin', 'https://intranet.example:8443').expect(200);
      expect(get.headers['access-control-allow-origin']).toBe('https://intranet.example:8443');
    });

    it('says nothing to any other origin', async () => {
      const res = await api.http().get('/health').set('Origin', 'https://evil.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('is off unless configured', async () => {
      const plain = await startApi();
      try {
        const res = await plain.http().get('/health').set('Origin', 'https://crm.example').expect(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await plain.close();
      }
    });
  });

  describe('rate limits', () => {
    it('answers 429 with Retry-After once an address passes the sign-in limit, before checking the password', async () => {
      const from = { 'X-Forwarded-For': '198.51.100.23' };
      const spray = await startApi({ env: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '3', TRUST_PROXY: 'true' } });
      try {
        for (let i = 0; i < 3; i++)
          await spray
            .http()
            .post('/auth/sign-in')
            .set(from)
            .send({ email: `nobody-${i}@nowhere.example`, password: 'password123' })
            .expect(401);
        const res = await spray
          .http()
          .post('/auth/sign-in')
          .set(from)
          .send({ email: 'nobody@nowhere.example', password: 'password123' })
          .expect(429);
        const retryAfter = Number(res.headers['retry-after']);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(res.body).toMatchObject({ statusCode: 429 });
        // Another address is not held back, and other routes are not under the sign-in limit.
        await spray
          .http()
          .post('/auth/sign-in')
          .set({ 'X-Forwarded-For': '198.51.100.24' })
          .send({ email: 'nobody@nowhere.example', password: 'password123' })
          .expect(401);
        await spray.http().get('/me').set(from).expect(401);
      } finally {
        await spray.close();
      }
    });

    it('counts across API processes (Redis)', async () => {
      const other = await startApi({ env: { RATE_LIMIT_SIGN_IN_PER_MINUTE: '3' } });
      try {
        // 127.0.0.1 signs in twice through one process and twice through the other: the fourth is refused.
        for (const app of [api, other, api])
          await app
            .http()
            .post('/auth/sign-in')
            .send({ email: 'x@nowhere.example', password: 'password123' })
            .expect(401);
        await other
          .http()
          .post('/auth/sign-in')
          .send({ email: 'x@nowhere.example', password: 'password123' })
          .expect(429)
          .expect('Retry-After', /^\d+$/);
      } finally {
        await other.close();
      }
    });

    it('does not limit the health checks', async () => {
      for (let i = 0; i < 5; i++) await api.http().get('/health').expect(200);
    });
  });
});
