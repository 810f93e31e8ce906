import { ManualClock } from '@tcma/clock';
import { SocialClicks, TrackingModule } from '@tcma/tracking';
import { SocialClicksRepository } from '../../libs/tracking/src/social-clicks.repository';
import { ServiceHarness, startServices } from '../support/service-harness';

const BROWSER = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0', method: 'GET' };

/** Short links of social posts against the real database: what a made-up code costs. */
describe('social short links', () => {
  const clock = new ManualClock('2026-11-24T09:00:00Z');
  let services: ServiceHarness;
  let sut: SocialClicks;
  let lookups: jest.SpyInstance;

  beforeAll(async () => {
    services = await startServices([TrackingModule], { clock });
    sut = services.get(SocialClicks);
    lookups = jest.spyOn(services.get(SocialClicksRepository), 'recordClickForSystem');
  });

  afterAll(() => services?.close());

  it('asks the database about a made-up code once, then answers from memory until the negative cache forgets it', async () => {
    const forged = 'Zz9Yy8Xx7W';
    for (let i = 0; i < 5; i++) expect(await sut.click(forged, BROWSER)).toBeNull();
    expect(lookups).toHaveBeenCalledTimes(1);

    clock.advance(10 * 60_000 + 1);
    expect(await sut.click(forged, BROWSER)).toBeNull();
    expect(lookups).toHaveBeenCalledTimes(2);
  });
});
