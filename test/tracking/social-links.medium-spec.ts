import { ManualClock } from '@tcma/clock';
import { SocialClicks, TrackingModule } from '@tcma/tracking';
import { Client } from 'pg';
import { ServiceHarness, startServices } from '../support/service-harness';

const BROWSER = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0', method: 'GET' };

/** Short links of social posts against the real database: what a made-up code costs. */
describe('social short links', () => {
  const clock = new ManualClock('2026-11-24T09:00:00Z');
  let services: ServiceHarness;
  let sut: SocialClicks;
  /** Every statement the process sends to PostgreSQL (pg's Client.query), as text. */
  const sent: string[] = [];
  let statements: jest.SpyInstance;
  /** The statements sent so far that read the social links table: one per lookup of a code. */
  const linkLookups = () => sent.filter((text) => text.includes('"social_post_links"')).length;

  beforeAll(async () => {
    services = await startServices([TrackingModule], { clock });
    sut = services.get(SocialClicks);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its client as `this`
    const query = Client.prototype.query as (...args: unknown[]) => unknown;
    statements = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      sent.push(typeof first === 'string' ? first : (first?.text ?? ''));
      return query.apply(this, args);
    });
  });

  afterAll(async () => {
    statements?.mockRestore();
    await services?.close();
  });

  it('sends one statement per made-up code, then answers it from memory until the negative cache forgets it (10 minutes)', async () => {
    const forged = ['Zz9Yy8Xx7W', 'Qq1Ww2Ee3R', 'Aa5Ss6Dd7F'];
    for (let round = 0; round < 5; round++)
      for (const code of forged) expect(await sut.click(code, BROWSER)).toBeNull();
    expect(linkLookups()).toBe(forged.length);

    clock.advance(10 * 60_000 - 1);
    for (const code of forged) expect(await sut.click(code, BROWSER)).toBeNull();
    expect(linkLookups()).toBe(forged.length);

    clock.advance(2);
    for (const code of forged) expect(await sut.click(code, BROWSER)).toBeNull();
    expect(linkLookups()).toBe(2 * forged.length);
  });
});
