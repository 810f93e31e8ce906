/**
 * The connections of one SMTP pool, as slots a send must hold while it is on the wire. A send
 * is marked handed only once it holds a slot, and keeps it until its outcome is recorded: so
 * at any moment a worker has at most as many handed-but-unrecorded sends per transport as it
 * has connections, and a worker killed mid-send leaves at most that many sends uncertain.
 */
export class ConnectionSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly capacity: number) {
    this.free = capacity;
  }

  /** Resolves with the function that gives the slot back, once one is free. */
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
  }

  /** Slots held right now. */
  get inUse(): number {
    return this.capacity - this.free;
  }
}
