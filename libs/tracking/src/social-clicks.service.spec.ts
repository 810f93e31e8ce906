import { ManualClock } from '@tcma/clock';
import type { BroadcastChannel, BroadcastListener, Broadcasts } from '@tcma/queue';
import type { LiveSocialLink, SocialClickInput, SocialClicksRepository } from './social-clicks.repository';
import { SocialClicks, UNKNOWN_CODE_TTL_MS } from './social-clicks.service';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const TARGET = 'https://acme.example/?utm_source=linkedin';
const LINK: LiveSocialLink = { target: TARGET, postId: 'post-1', campaignId: 'campaign-1' };

describe(SocialClicks.name, () => {
  const clock = new ManualClock(new Date('2026-11-24T09:00:00Z'));
  let written: SocialClickInput[];
  let answer: () => Promise<LiveSocialLink | null>;
  let listener: BroadcastListener<BroadcastChannel.SocialLinksGone> | undefined;
  let sut: SocialClicks;
  const click = (code = 'AbCdE12345') => sut.click(code, { userAgent: BROWSER, method: 'GET' });

  beforeEach(() => {
    written = [];
    answer = () => Promise.resolve(LINK);
    listener = undefined;
    const repository = {
      recordClickForSystem: (c: SocialClickInput) => (written.push(c), answer()),
    } as unknown as SocialClicksRepository;
    const broadcasts = {
      listening: true,
      listen: (_channel: BroadcastChannel, l: BroadcastListener<BroadcastChannel.SocialLinksGone>) => {
        listener = l;
        return Promise.resolve();
      },
    } as unknown as Broadcasts;
    sut = new SocialClicks(repository, clock, broadcasts);
  });
  /** Clicks before the subscription is made keep nothing: most tests start subscribed. */
  const subscribed = async () => expect(await sut.listening()).toBe(true);

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

  it('remembers an unknown code for a while: asking again costs no statement until it is forgotten', async () => {
    answer = () => Promise.resolve(null);
    expect(await click('ZZZZZZZZZZ')).toBeNull();
    expect(await click('ZZZZZZZZZZ')).toBeNull();
    expect(written).toHaveLength(1);
    clock.advance(UNKNOWN_CODE_TTL_MS);
    answer = () => Promise.reject(new Error('connection lost'));
    await expect(click('ZZZZZZZZZZ')).rejects.toThrow('connection lost');
    // A failed lookup is not an answer: nothing is remembered.
    await expect(click('ZZZZZZZZZZ')).rejects.toThrow('connection lost');
    expect(written).toHaveLength(3);
  });

  it('forgets the links of a post or a campaign when told, and everything on a gap', async () => {
    await subscribed();
    await click('AbCdE12345');
    answer = () => Promise.resolve({ ...LINK, postId: 'post-2' });
    await click('FgHiJ67890');
    await click('KlMnO13579');
    // What the database reads from now on: a remembered link still answers its remembered target.
    answer = () => Promise.resolve({ ...LINK, target: 'https://read.example/' });
    listener!.message({ posts: ['post-1'] });
    expect(await click('AbCdE12345')).toBe('https://read.example/');
    listener!.message({ campaigns: ['campaign-2'] });
    expect(await click('FgHiJ67890')).toBe(TARGET);
    listener!.gap();
    expect(await click('KlMnO13579')).toBe('https://read.example/');
  });

  it('answers null to a remembered link whose write finds it gone, and forgets it', async () => {
    await subscribed();
    await click();
    answer = () => Promise.resolve(null);
    expect(await click()).toBeNull();
    expect(await click()).toBeNull();
    expect(written).toHaveLength(2);
  });

  it('keeps nothing in memory while it does not hear evictions', async () => {
    const repository = {
      recordClickForSystem: (c: SocialClickInput) => (written.push(c), answer()),
    } as unknown as SocialClicksRepository;
    const deaf = { listening: false, listen: () => Promise.resolve() } as unknown as Broadcasts;
    sut = new SocialClicks(repository, clock, deaf);
    await sut.listening();
    await click();
    // Had the first answer been kept, this one would not be read.
    answer = () => Promise.resolve({ ...LINK, target: 'https://read.example/' });
    expect(await click()).toBe('https://read.example/');
  });

  it('keeps one listener however often subscribing fails', async () => {
    const listeners = new Set<unknown>();
    const failing = {
      listening: false,
      listen: (_channel: BroadcastChannel, l: unknown) => (
        listeners.add(l),
        Promise.reject(new Error('Redis is down'))
      ),
    } as unknown as Broadcasts;
    sut = new SocialClicks(
      { recordClickForSystem: () => answer() } as unknown as SocialClicksRepository,
      clock,
      failing,
    );
    for (let i = 0; i < 5; i++) {
      expect(await click()).toBe(TARGET);
      await new Promise((settled) => setImmediate(settled)); // the failed attempt is over
    }
    expect(listeners.size).toBe(1);
    expect(await sut.listening()).toBe(false);
  });

  it('answers a click from the database without waiting for a subscription that never comes', async () => {
    const hanging = { listening: false, listen: () => new Promise<void>(() => undefined) } as unknown as Broadcasts;
    sut = new SocialClicks(
      {
        recordClickForSystem: (c: SocialClickInput) => (written.push(c), answer()),
      } as unknown as SocialClicksRepository,
      clock,
      hanging,
    );
    expect(await click()).toBe(TARGET);
    answer = () => Promise.resolve({ ...LINK, target: 'https://read.example/' });
    expect(await click()).toBe('https://read.example/');
    expect(written).toHaveLength(2);
  });

  it('sends a known link on even when recording fails', async () => {
    await subscribed();
    await sut.click('AbCdE12345', { userAgent: BROWSER, method: 'GET' });
    answer = () => Promise.reject(new Error('connection lost'));
    expect(await sut.click('AbCdE12345', { userAgent: BROWSER, method: 'GET' })).toBe(TARGET);
  });
});
