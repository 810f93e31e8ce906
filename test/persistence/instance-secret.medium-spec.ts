import { Signer } from '@tcma/signing';
import { testDb } from '../support/db';
import { ServiceHarness, startServices } from '../support/service-harness';

describe('the instance secret', () => {
  const started: ServiceHarness[] = [];
  const start = async (env?: Record<string, string>) => {
    // The run's engines share SIGNING_SECRET; these do not, to show the generated one.
    const engine = await startServices([], { env: { SIGNING_SECRET: '', ...env } });
    started.push(engine);
    return engine;
  };
  afterAll(() => Promise.all(started.map((engine) => engine.close())));

  it('is generated once and shared by every process, unless SIGNING_SECRET names one', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    const signature = first.app.get(Signer).sign('test', 'payload');
    expect(second.app.get(Signer).verify('test', 'payload', signature)).toBe(true);
    const stored = await testDb().query(
      `SELECT count(*)::int AS n FROM instance_settings WHERE key = 'signing_secret'`,
    );
    expect(stored[0].n).toBe(1);
    const own = await start({ SIGNING_SECRET: 'a-secret-of-more-than-32-characters!' });
    expect(own.app.get(Signer).verify('test', 'payload', signature)).toBe(false);
  });
});
