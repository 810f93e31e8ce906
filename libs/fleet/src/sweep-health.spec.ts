import { SweepHealth } from './sweep-health';

describe(SweepHealth.name, () => {
  let now = 1_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('is settled once its sweeps have all succeeded for the given time, and not after a failure', async () => {
    const sut = new SweepHealth();
    expect(sut.settled(0)).toBe(false);
    await expect(sut.track(() => Promise.resolve('swept'))).resolves.toBe('swept');
    now += 29_999;
    expect(sut.settled(30_000)).toBe(false);
    await sut.track(() => Promise.resolve(1));
    now += 1;
    expect(sut.settled(30_000)).toBe(true);
    await expect(sut.track(() => Promise.reject(new Error('Postgres is down')))).rejects.toThrow('Postgres is down');
    expect(sut.settled(0)).toBe(false);
    await sut.track(() => Promise.resolve(1));
    now += 29_999;
    expect(sut.settled(30_000)).toBe(false);
  });
});
