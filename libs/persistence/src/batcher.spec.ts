import { Batcher } from './batcher';

describe(Batcher.name, () => {
  it('runs calls of the same tick as one batch and answers each in order', async () => {
    const calls: number[][] = [];
    const sut = new Batcher<number, number>((items) => {
      calls.push(items);
      return Promise.resolve(items.map((i) => i * 2));
    }, 3);
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => sut.call(i)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(calls).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('rejects every call of a failed batch', async () => {
    const sut = new Batcher<number, number>(() => Promise.reject(new Error('db down')));
    await expect(Promise.all([sut.call(1), sut.call(2)])).rejects.toThrow('db down');
  });

  it('runs each member of a failed batch alone when asked: only the member that cannot succeed fails', async () => {
    const calls: number[][] = [];
    const sut = new Batcher<number, number>(
      (items) => {
        calls.push(items);
        return items.includes(3)
          ? Promise.reject(new Error(`cannot read ${items.join(',')}`))
          : Promise.resolve(items.map((i) => i * 2));
      },
      500,
      { retryAlone: true },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => sut.call(i)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 4 },
      { status: 'rejected', reason: new Error('cannot read 3') },
      { status: 'fulfilled', value: 8 },
    ]);
    expect(calls).toEqual([[1, 2, 3, 4], [1], [2], [3], [4]]);
  });

  it('does not run a failed batch of one again', async () => {
    let runs = 0;
    const sut = new Batcher<number, number>(
      () => {
        runs += 1;
        return Promise.reject(new Error('db down'));
      },
      500,
      { retryAlone: true },
    );
    await expect(sut.call(1)).rejects.toThrow('db down');
    expect(runs).toBe(1);
  });

  it('serial: runs one batch at a time, the calls made meanwhile together in the next', async () => {
    const calls: number[][] = [];
    let finish: () => void = () => undefined;
    const sut = new Batcher<number, number>(
      (items) => {
        calls.push(items);
        // The first run holds until released; later ones answer at once.
        return calls.length === 1
          ? new Promise((resolve) => (finish = () => resolve(items.map((i) => i * 10))))
          : Promise.resolve(items.map((i) => i * 10));
      },
      500,
      { serial: true },
    );
    const first = sut.call(1);
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = [2, 3, 4].map((i) => sut.call(i));
    // Several ticks pass while the first run is under way: nothing else runs.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([[1]]);
    finish();
    expect(await Promise.all([first, ...waiting])).toEqual([10, 20, 30, 40]);
    expect(calls).toEqual([[1], [2, 3, 4]]);
  });

  it('maxInFlight: runs that many batches at once, the calls made meanwhile together in the next', async () => {
    const calls: number[][] = [];
    const held: Array<() => void> = [];
    const sut = new Batcher<number, number>(
      (items) => {
        calls.push(items);
        return new Promise((resolve) => held.push(() => resolve(items.map((i) => i * 10))));
      },
      500,
      { maxInFlight: 2 },
    );
    const first = sut.call(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = sut.call(2);
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = [3, 4, 5].map((i) => sut.call(i));
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([[1], [2]]);
    held.shift()?.();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([[1], [2], [3, 4, 5]]);
    held.splice(0).forEach((release) => release());
    expect(await Promise.all([second, ...waiting])).toEqual([20, 30, 40, 50]);
  });

  it('keyOf: never puts two calls of one key in a batch; the later one goes in the next', async () => {
    const calls: string[][] = [];
    const sut = new Batcher<string, string>(
      (items) => {
        calls.push(items);
        return Promise.resolve(items.map((i) => i.toUpperCase()));
      },
      500,
      { serial: true, keyOf: (item) => item },
    );
    expect(await Promise.all(['a', 'b', 'a', 'c', 'a'].map((i) => sut.call(i)))).toEqual(['A', 'B', 'A', 'C', 'A']);
    expect(calls).toEqual([['a', 'b', 'c'], ['a'], ['a']]);
  });

  it('retryAlone as a function: runs the members again alone only for the failures it names', async () => {
    const calls: number[][] = [];
    const sut = new Batcher<number, number>(
      (items) => {
        calls.push(items);
        if (items.includes(3)) return Promise.reject(Object.assign(new Error('refused'), { code: '23514' }));
        if (items.includes(7)) return Promise.reject(new Error('connection lost'));
        return Promise.resolve(items.map((i) => i * 2));
      },
      500,
      { retryAlone: (e) => (e as { code?: string }).code === '23514' },
    );
    expect(await Promise.allSettled([1, 3].map((i) => sut.call(i)))).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'rejected', reason: new Error('refused') },
    ]);
    expect(await Promise.allSettled([5, 7].map((i) => sut.call(i)))).toEqual([
      { status: 'rejected', reason: new Error('connection lost') },
      { status: 'rejected', reason: new Error('connection lost') },
    ]);
    expect(calls).toEqual([[1, 3], [1], [3], [5, 7]]);
  });
});
