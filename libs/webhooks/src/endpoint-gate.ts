/**
 * Deliveries one worker has in flight at once (the webhook queue's concurrency). 64 rather than 16:
 * the reads and delivered attempts are group-committed, and at 16 a statement carried about 2
 * deliveries, at 64 about 17 (`webhook_deliver`: 738/s at 16, about 1,000–1,450/s at 64).
 */
export const WEBHOOK_CONCURRENCY = 64;
/**
 * Deliveries made together (one event for many endpoints, a batch of events) travel in jobs of
 * this many at most, their first tries at once: one job's cost in the queue for them all.
 * WEBHOOK_CONCURRENCY still bounds the deliveries a worker has in flight (EndpointGate).
 */
export const WEBHOOK_DELIVERIES_PER_JOB = 50;
/**
 * Deliveries one endpoint may have in flight in one worker: the rest of WEBHOOK_CONCURRENCY
 * always comes free for the other endpoints, however many deliveries one receiver has queued.
 */
export const WEBHOOK_IN_FLIGHT_PER_ENDPOINT = 48;
/** In flight for an endpoint that is slow: answered slowly or not at all lately, or keeps a request longer. */
export const WEBHOOK_SLOW_IN_FLIGHT = 2;
/** An answer slower than this (or none), or a request in flight for longer, makes its endpoint slow… */
export const WEBHOOK_SLOW_ANSWER_MS = 2_000;
/** …until this long after the last slow answer. */
export const WEBHOOK_SLOW_FOR_MS = 60_000;

interface EndpointState {
  /** When each delivery in flight started. */
  started: number[];
  /** Deliveries waiting here for one of the endpoint's slots: given their start time (go), or null (busy). */
  waiters: Array<(startedAt: number | null) => void>;
  slowUntil: number;
  timer?: NodeJS.Timeout;
}

/**
 * Which deliveries a worker may start: at most `capacity` (WEBHOOK_CONCURRENCY) at once, and per
 * endpoint so that a slow consumer never holds back the others. A fast endpoint has up to WEBHOOK_IN_FLIGHT_PER_ENDPOINT in flight, and a delivery past
 * that waits here for one of them (they come free in milliseconds: a fast receiver's burst, the
 * common case, keeps the whole worker). A slow endpoint (an answer slower than
 * WEBHOOK_SLOW_ANSWER_MS or none in the last WEBHOOK_SLOW_FOR_MS, or a request in flight for
 * longer) has WEBHOOK_SLOW_IN_FLIGHT; its other deliveries are told busy (the queue tries them
 * later) and so are those waiting, at the latest WEBHOOK_SLOW_ANSWER_MS after its oldest request
 * started. In-process, as the slots it guards are; wall time, as the latencies it judges are.
 */
export class EndpointGate {
  private readonly endpoints = new Map<string, EndpointState>();
  /** Endpoints with deliveries waiting, the longest-waiting first: a slot that comes free goes round them. */
  private readonly waiting = new Set<string>();
  private inFlight = 0;

  constructor(private readonly capacity = WEBHOOK_CONCURRENCY) {}

  /**
   * The delivery's start time once it may go (it is then counted: `leave` with that time), or
   * null when the endpoint is busy (the delivery is to be tried later).
   */
  enter(endpointId: string): Promise<number | null> {
    const state = this.stateOf(endpointId);
    const now = Date.now();
    if (state.waiters.length === 0 && this.hasRoom(state, now)) return Promise.resolve(this.start(state, now));
    if (this.slow(state, now)) return Promise.resolve(null);
    return new Promise((resolve) => {
      state.waiters.push(resolve);
      this.waiting.add(endpointId);
      this.watch(endpointId, state);
    });
  }

  /** A delivery that `enter` let go ended: `answered` false when no answer came (a timeout, a refused connection). */
  leave(endpointId: string, startedAt: number, answered: boolean): void {
    const state = this.endpoints.get(endpointId);
    if (!state) return;
    const now = Date.now();
    const i = state.started.indexOf(startedAt);
    if (i >= 0) {
      state.started.splice(i, 1);
      this.inFlight -= 1;
    }
    if (!answered || now - startedAt > WEBHOOK_SLOW_ANSWER_MS) state.slowUntil = now + WEBHOOK_SLOW_FOR_MS;
    this.settle(endpointId, state, now);
    this.grant(now);
  }

  /** Endpoints with deliveries in flight or waiting, or slow lately (for the tests and the metrics). */
  get size(): number {
    return this.endpoints.size;
  }

  private start(state: EndpointState, now: number): number {
    // Distinct per delivery, so `leave` removes its own.
    const at = state.started.includes(now) ? Math.max(...state.started) + 1e-3 : now;
    state.started.push(at);
    this.inFlight += 1;
    return at;
  }

  /** Waiters are told busy once their endpoint is slow; an idle, fast endpoint is forgotten. */
  private settle(endpointId: string, state: EndpointState, now: number): void {
    if (this.slow(state, now)) for (const waiter of state.waiters.splice(0)) waiter(null);
    if (state.waiters.length === 0) this.stopWaiting(endpointId, state);
    if (state.started.length === 0 && state.waiters.length === 0 && state.slowUntil <= now)
      this.endpoints.delete(endpointId);
  }

  /** Free slots go to the waiting deliveries, the endpoint that has waited longest first, each within its share. */
  private grant(now: number): void {
    for (const endpointId of this.waiting) {
      if (this.inFlight >= this.capacity) return;
      const state = this.endpoints.get(endpointId)!;
      while (state.waiters.length && this.hasRoom(state, now)) state.waiters.shift()!(this.start(state, now));
      if (state.waiters.length === 0) this.stopWaiting(endpointId, state);
    }
  }

  private stopWaiting(endpointId: string, state: EndpointState): void {
    this.waiting.delete(endpointId);
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
  }

  /** While deliveries wait, look again when the oldest request in flight would make the endpoint slow. */
  private watch(endpointId: string, state: EndpointState): void {
    if (state.timer || state.started.length === 0) return;
    const due = Math.min(...state.started) + WEBHOOK_SLOW_ANSWER_MS - Date.now();
    state.timer = setTimeout(
      () => {
        state.timer = undefined;
        this.settle(endpointId, state, Date.now());
        this.grant(Date.now());
        if (state.waiters.length) this.watch(endpointId, state);
      },
      Math.max(1, due + 1),
    );
    state.timer.unref();
  }

  private slow(state: EndpointState, now: number): boolean {
    return state.slowUntil > now || state.started.some((at) => now - at > WEBHOOK_SLOW_ANSWER_MS);
  }

  private hasRoom(state: EndpointState, now: number): boolean {
    return this.inFlight < this.capacity && state.started.length < this.limit(state, now);
  }

  private limit(state: EndpointState, now: number): number {
    return this.slow(state, now) ? WEBHOOK_SLOW_IN_FLIGHT : WEBHOOK_IN_FLIGHT_PER_ENDPOINT;
  }

  private stateOf(endpointId: string): EndpointState {
    let state = this.endpoints.get(endpointId);
    if (!state) {
      state = { started: [], waiters: [], slowUntil: 0 };
      this.endpoints.set(endpointId, state);
    }
    return state;
  }
}
