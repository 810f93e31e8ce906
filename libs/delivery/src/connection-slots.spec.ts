import { ConnectionSlots } from './connection-slots';

describe(ConnectionSlots.name, () => {
  it('lets at most `capacity` holders in, and the next waiter in as each leaves', async () => {
    const sut = new ConnectionSlots(2);
    const first = await sut.acquire();
    const second = await sut.acquire();
    let thirdIn = false;
    const third = sut.acquire().then((release) => {
      thirdIn = true;
      return release;
    });
    await new Promise((r) => setImmediate(r));
    expect(thirdIn).toBe(false);
    expect(sut.inUse).toBe(2);
    first();
    first();
    const release = await third;
    expect(thirdIn).toBe(true);
    expect(sut.inUse).toBe(2);
    second();
    release();
    expect(sut.inUse).toBe(0);
  });
});
