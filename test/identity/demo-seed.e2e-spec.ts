import { demoSummary } from '../../apps/cli/src/commands/seed-demo.command';
import { DemoSeeder } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { freePort } from '../support/processes';

describe('seed-demo', () => {
  let api: ApiHarness;
  let base: string;
  // The API listens on a real port that PUBLIC_BASE_URL names, as `npm start` does, so the
  // links seed-demo prints are followed exactly as printed.
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = await startApi({ env: { PORT: String(port), PUBLIC_BASE_URL: base } });
    await api.app.listen(port, '127.0.0.1');
  });
  afterAll(() => api.close());

  it('loads the demo campaign with two partners whose tokens work, each only on its own data', async () => {
    const seeded = await new DemoSeeder(api.app).seed();
    expect(seeded.version).toBe(1);
    expect(seeded.partners).toHaveLength(2);
    const [first, second] = seeded.partners;
    for (const partner of seeded.partners) {
      const list = await api.http().get('/campaigns').set('Authorization', `Bearer ${partner.token}`).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([seeded.campaignId]);
    }
    await api.http().get(`/partners/${first.partnerId}`).set('Authorization', `Bearer ${first.token}`).expect(200);
    await api.http().get(`/partners/${first.partnerId}`).set('Authorization', `Bearer ${second.token}`).expect(404);
    const published = await api
      .http()
      .get(`/campaigns/${seeded.campaignId}`)
      .set('Authorization', `Bearer ${seeded.tokens.marketer}`)
      .expect(200);
    expect(published.body).toMatchObject({ status: 'published', latestVersion: 1 });
  });

  it("prints each demo user's email and a one-time link that sets a password to sign in with", async () => {
    const seeded = await new DemoSeeder(api.app).seed();
    const printed = demoSummary(seeded);
    expect(printed).toContain(`sign in at ${base}/sign-in`);
    expect(printed).toMatch(/^export TOKEN=\S+ +# vendor admin$/m);
    const users = [...printed.matchAll(/^ {2}(\S+@\S+) \((.+)\)\n {2}(\S+)$/gm)].map(([, email, who, url]) => ({
      email,
      who,
      url,
    }));
    expect(users.map(({ email, who }) => [email, who])).toEqual([
      ['admin@acme-backup.example', 'vendor admin'],
      ['marketing@acme-backup.example', 'vendor marketer'],
      ['zofia@northwind-it.example', 'partner admin of Northwind IT Services'],
      ['nikos@elliniki-pliroforiki.example', 'partner admin of Ελληνική Πληροφορική Α.Ε.'],
    ]);
    // --json carries the same links.
    expect(seeded.users.map((u) => [u.email, u.setPasswordUrl])).toEqual(users.map((u) => [u.email, u.url]));

    const expectedRole = ['vendor_admin', 'vendor_marketer', 'partner_admin', 'partner_admin'];
    for (const [i, user] of users.entries()) {
      expect(user.url).toMatch(new RegExp(`^${base}/reset-password/[\\w-]+\\.[\\w-]+$`));
      // The link opens the web app's page that sets the password...
      const page = await fetch(user.url, { headers: { accept: 'text/html' } });
      expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
      await page.text();
      // ...which sends the link's token with the chosen password, as the page does.
      const password = `demo password ${i} for the README`;
      const signIn = () =>
        fetch(`${base}/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: user.email, password }),
        });
      expect((await signIn()).status).toBe(401);
      const token = new URL(user.url).pathname.split('/').pop();
      const set = await fetch(`${base}/auth/password-resets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password }),
      });
      expect([set.status, await set.json()]).toEqual([200, { email: user.email }]);
      const signedIn = await signIn();
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('set-cookie')).toContain('tcma_session=');
      expect(((await signedIn.json()) as { user: unknown }).user).toMatchObject({
        email: user.email,
        role: expectedRole[i],
        vendorId: seeded.vendorId,
      });
      // The link works once.
      const again = await fetch(`${base}/auth/password-resets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: 'another demo password' }),
      });
      expect(again.status).toBe(410);
      await again.text();
    }
  });
});
