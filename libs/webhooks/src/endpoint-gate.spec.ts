import {
  EndpointGate,
  WEBHOOK_IN_FLIGHT_PER_ENDPOINT,
  WEBHOOK_SLOW_ANSWER_MS,
  WEBHOOK_SLOW_FOR_MS,
  WEBHOOK_SLOW_IN_FLIGHT,
} from './endpoint-gate';

describe('EndpointGate', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  /** Enters `n` deliveries that go at once; their start times. */
  const enterNow = async (gate: EndpointGate, endpoint: string, n: number) => {
    const starts: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const at = await gate.enter(endpoint);
      if (at === null) throw new Error(`delivery ${i} was busy`);
      starts.push(at);
    }
    return starts;
  };
  /** Whether a promise has settled yet, and how. */
  const peek = async <T>(p: Promise<T>): Promise<{ value: T } | 'pending'> => {
    const marker = Symbol('pending');
    const value = await Promise.race([p, Promise.resolve(marker)]);
    return value === marker ? 'pending' : { value: value as T };
  };

  it('lets a fast endpoint have its share in flight; one more waits for the next free slot, the others go at once', async () => {
    const gate = new EndpointGate();
    const starts = await enterNow(gate, 'busy', WEBHOOK_IN_FLIGHT_PER_ENDPOINT);
    const waiting = gate.enter('busy');
    expect(await peek(waiting)).toBe('pending');
    expect(await gate.enter('other')).not.toBeNull();
    jest.advanceTimersByTime(5);
    gate.leave('busy', starts[0], true);
    expect(await waiting).toEqual(expect.any(Number));
  });

  it('tells waiting deliveries busy once a request has been in flight longer than a slow answer', async () => {
    const gate = new EndpointGate();
    const starts = await enterNow(gate, 'stuck', WEBHOOK_IN_FLIGHT_PER_ENDPOINT);
    const waiting = gate.enter('stuck');
    jest.advanceTimersByTime(WEBHOOK_SLOW_ANSWER_MS - 1);
    expect(await peek(waiting)).toBe('pending');
    jest.advanceTimersByTime(2);
    expect(await waiting).toBeNull();
    // And new ones are busy at once while it stays slow.
    expect(await gate.enter('stuck')).toBeNull();
    for (const at of starts) gate.leave('stuck', at, false);
    // Slow for a minute after: two in flight at most.
    await enterNow(gate, 'stuck', WEBHOOK_SLOW_IN_FLIGHT);
    expect(await gate.enter('stuck')).toBeNull();
  });

  it('trusts an endpoint again a minute after its last slow answer, and forgets idle endpoints', async () => {
    const gate = new EndpointGate();
    const [at] = await enterNow(gate, 'slow', 1);
    jest.advanceTimersByTime(WEBHOOK_SLOW_ANSWER_MS + 1);
    gate.leave('slow', at, true);
    const two = await enterNow(gate, 'slow', WEBHOOK_SLOW_IN_FLIGHT);
    expect(await gate.enter('slow')).toBeNull();
    for (const s of two) gate.leave('slow', s, true);
    jest.advanceTimersByTime(WEBHOOK_SLOW_FOR_MS);
    const again = await enterNow(gate, 'slow', WEBHOOK_IN_FLIGHT_PER_ENDPOINT);
    for (const s of again) gate.leave('slow', s, true);
    expect(gate.size).toBe(0);
  });

  it('counts a fast answer as fast', async () => {
    const gate = new EndpointGate();
    const [at] = await enterNow(gate, 'fast', 1);
    jest.advanceTimersByTime(WEBHOOK_SLOW_ANSWER_MS);
    gate.leave('fast', at, true);
    await enterNow(gate, 'fast', WEBHOOK_IN_FLIGHT_PER_ENDPOINT);
  });

  it('has at most its capacity in flight across endpoints; a slot that frees goes to the endpoint waiting longest', async () => {
    const gate = new EndpointGate(3);
    const [a1, a2] = await enterNow(gate, 'a', 2);
    const [b1] = await enterNow(gate, 'b', 1);
    const c = gate.enter('c');
    const d = gate.enter('d');
    // Not busy: c and d wait for the worker, not for a slow endpoint.
    expect(await peek(c)).toBe('pending');
    expect(await peek(d)).toBe('pending');
    // a's own next one waits behind them too.
    const a3 = gate.enter('a');
    gate.leave('b', b1, true);
    expect(await c).toEqual(expect.any(Number));
    expect(await peek(d)).toBe('pending');
    gate.leave('a', a1, true);
    expect(await d).toEqual(expect.any(Number));
    expect(await peek(a3)).toBe('pending');
    gate.leave('a', a2, true);
    expect(await a3).toEqual(expect.any(Number));
  });

  it('never counts a wait for the worker’s capacity as an endpoint’s slowness', async () => {
    const gate = new EndpointGate(WEBHOOK_IN_FLIGHT_PER_ENDPOINT);
    const held = await enterNow(gate, 'a', WEBHOOK_IN_FLIGHT_PER_ENDPOINT);
    const waiting = gate.enter('b');
    // Longer than a slow answer, waiting for a's deliveries to free the worker.
    jest.advanceTimersByTime(WEBHOOK_SLOW_ANSWER_MS * 2);
    expect(await peek(waiting)).toBe('pending');
    for (const at of held) gate.leave('a', at, true);
    const at = await waiting;
    expect(at).toEqual(expect.any(Number));
    jest.advanceTimersByTime(5);
    gate.leave('b', at!, true);
    // b answered fast once it went: its whole share, not a slow endpoint's two.
    await enterNow(gate, 'b', WEBHOOK_IN_FLIGHT_PER_ENDPOINT);
  });
});
