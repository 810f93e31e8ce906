import { BoundedTtlCache } from './bounded-ttl-cache';

describe(BoundedTtlCache.name, () => {
  let now = 0;
  const clock = () => now;

  beforeEach(() => {
    now = 0;
  });

  it('answers what it holds until its time to live has passed', () => {
    const sut = new BoundedTtlCache<string, string | null>(10, 1_000, clock);
    sut.set('a.example', 'vendor-a');
    sut.set('b.example', null);
    expect(sut.get('a.example')).toEqual({ value: 'vendor-a' });
    expect(sut.get('b.example')).toEqual({ value: null });
    expect(sut.get('c.example')).toBeUndefined();
    now = 999;
    expect(sut.get('a.example')).toEqual({ value: 'vendor-a' });
    now = 1_000;
    expect(sut.get('a.example')).toBeUndefined();
  });

  it('holds at most its size, forgetting the least recently used first', () => {
    const sut = new BoundedTtlCache<string, number>(2, 1_000, clock);
    sut.set('a', 1);
    sut.set('b', 2);
    expect(sut.get('a')).toEqual({ value: 1 });
    sut.set('c', 3);
    expect(sut.get('b')).toBeUndefined();
    expect(sut.get('a')).toEqual({ value: 1 });
    expect(sut.get('c')).toEqual({ value: 3 });
    expect(sut.size).toBe(2);
  });

  it('forgets one key on demand', () => {
    const sut = new BoundedTtlCache<string, number>(2, 1_000, clock);
    sut.set('a', 1);
    sut.delete('a');
    expect(sut.get('a')).toBeUndefined();
  });
});
