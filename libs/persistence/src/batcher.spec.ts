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
    expect(calls).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('rejects every call of a failed batch', async () => {
    const sut = new Batcher<number, number>(() => Promise.reject(new Error('db down')));
    await expect(Promise.all([sut.call(1), sut.call(2)])).rejects.toThrow('db down');
  });
});
