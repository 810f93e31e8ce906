import { ManualClock } from '@tcma/clock';
import type { SocialClickInput, SocialClicksRepository } from './social-clicks.repository';
import { SocialClicks } from './social-clicks.service';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const TARGET = 'https://acme.example/?utm_source=linkedin';

describe(SocialClicks.name, () => {
  const clock = new ManualClock(new Date('2026-11-24T09:00:00Z'));
  let written: SocialClickInput[];
  let answer: () => Promise<string | null>;
  let sut: SocialClicks;

  beforeEach(() => {
    written = [];
    answer = () => Promise.resolve(TARGET);
    const repository = {
      recordClickForSystem: (c: SocialClickInput) => (written.push(c), answer()),
    } as unknown as SocialClicksRepository;
    sut = new SocialClicks(repository, clock);
  });

  it('answers null to what cannot be a code, without a query', async () => {
    expect(await sut.click('../etc', { userAgent: BROWSER, method: 'GET' })).toBeNull();
    expect(written).toEqual([]);
  });

  it('records each click judged, and redirects to the target the statement read', async () => {
    expect(await sut.click('AbCdE12345', { userAgent: BROWSER, method: 'GET' })).toBe(TARGET);
    expect(await sut.click('AbCdE12345', { userAgent: 'Twitterbot/1.0', method: 'GET' })).toBe(TARGET);
    expect(written.map((w) => [w.code, w.machine, w.at])).toEqual([
      ['AbCdE12345', null, clock.now()],
      ['AbCdE12345', 'scanner_user_agent', clock.now()],
    ]);
  });

  it('answers null for an unknown code and remembers nothing: the next click asks the database again', async () => {
    answer = () => Promise.resolve(null);
    expect(await sut.click('ZZZZZZZZZZ', { userAgent: BROWSER, method: 'GET' })).toBeNull();
    answer = () => Promise.reject(new Error('connection lost'));
    await expect(sut.click('ZZZZZZZZZZ', { userAgent: BROWSER, method: 'GET' })).rejects.toThrow('connection lost');
  });

  it('sends a known link on even when recording fails', async () => {
    await sut.click('AbCdE12345', { userAgent: BROWSER, method: 'GET' });
    answer = () => Promise.reject(new Error('connection lost'));
    expect(await sut.click('AbCdE12345', { userAgent: BROWSER, method: 'GET' })).toBe(TARGET);
  });
});
