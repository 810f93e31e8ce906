import type { CampaignContent } from '@tcma/campaign-model';
import { ManualClock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { ConnectionSlots, RATE_LATE_MS, RateSlot, ResolvedTransport } from '@tcma/delivery';
import type { Tx } from '@tcma/persistence';
import type { SendStepRef } from '@tcma/queue';
import type { AdvanceTo, SendContext } from './enrollments.repository';
import type { ClaimInput, ClaimResult, FinishInput } from './send-ledger.repository';
import type { PartnerProfile } from './send-profiles';
import type {
  SendStepEnrollments,
  SendStepEvents,
  SendStepLedger,
  SendStepProfiles,
  SendStepQueue,
  SendStepRates,
  SendStepRenderer,
  SendStepSuppressions,
  SendStepTransactions,
  SendStepTransports,
} from './send-step.ports';
import { SendStepService } from './send-step.service';
import { MAX_SEND_ATTEMPTS } from './step-outcome';

const NOW = new Date('2026-11-24T10:00:00Z');
const WORKER = 'host:1:abc';

const content: CampaignContent = {
  name: 'Backups',
  description: '',
  tags: [],
  language: 'en',
  eligibility: { tiers: [], regions: [] },
  slots: [],
  links: [],
  assets: [{ id: 'e1', kind: 'email', name: 'Welcome', subject: 'Hi', preheader: '', mjml: '<mjml></mjml>' }],
  sequence: {
    steps: [
      { id: 's1', emailAssetId: 'e1', wait: { type: 'duration', minutes: 0 } },
      { id: 's2', emailAssetId: 'e1', wait: { type: 'duration', minutes: 0 }, condition: 'previous_clicked' },
    ],
    exit: { unsubscribed: true, converted: true, clickedLink: null },
  },
};

const profile: PartnerProfile = {
  brand: {
    partnerId: 'p1',
    revision: 1,
    brand: {
      companyName: 'Northwind',
      contactName: null,
      email: 'hi@northwind.example',
      phone: null,
      website: null,
      address: '1 Main St',
      primaryColor: null,
      secondaryColor: null,
      logoUrl: null,
    },
    sender: null,
  },
  partnerCompany: 'Northwind',
  language: null,
  vendorName: 'Acme',
  vendorDomain: 'acme.example',
};

const context = (overrides: Partial<SendContext> = {}): SendContext => ({
  enrollmentId: '7',
  status: 'active',
  nextStep: 0,
  nextDueAt: new Date(NOW.getTime() - 1000),
  launchId: 'l1',
  launchStatus: 'active',
  campaignId: 'c1',
  campaignVersionId: 'v1',
  vendorId: 'v',
  partnerId: 'p1',
  slotValues: {},
  zone: 'UTC',
  prospect: {
    id: '9',
    email: 'ana@prospect.example',
    emailLower: 'ana@prospect.example',
    firstName: 'Ana',
    lastName: null,
    company: null,
    title: null,
    country: null,
    language: null,
    custom: {},
  },
  suppressed: false,
  previous: { openedAt: null, clickedAt: null },
  converted: false,
  clickedLinks: [],
  ...overrides,
});

/** An in-memory ledger and enrollments: what the real repositories would hold. */
class World {
  contexts = new Map<string, SendContext>();
  sends = new Map<string, { id: string; status: string; attempts: number; claimedBy: string | null }>();
  exits: Array<{ id: string; reason: string }> = [];
  finished: FinishInput[] = [];
  advanced: Array<{ id: string; to: AdvanceTo }> = [];
  held: Array<{ enrollmentId: string; until: Date }> = [];
  enqueued: Array<{ id: string; step: number }> = [];
  suppressed: string[] = [];
  events: string[] = [];
  unqueued: string[] = [];
  released: Array<{ id: string; response: string | null; counted: boolean }> = [];
  /** Fail the next n context reads, and the next n ledger writes of the last stage. */
  failReads = 0;
  /** Enrollment ids whose read or claim fails every statement they are in (a malformed job, a row that breaks a constraint). */
  unreadable = new Set<string>();
  unclaimable = new Set<string>();
  failSettles = 0;
  loseSettleReplies = 0;
  /** The most sends ever handed at once, as the ledger saw it. */
  mostHanded = 0;
  /** When the rate limiter places each next request (ms from now). */
  slotOffsets: number[] = [];
  smtp: (message: unknown) => Promise<{ messageId?: string; response?: string }> = () =>
    Promise.resolve({ response: '250 OK' });
  private nextId = 100;

  readonly enrollments: SendStepEnrollments = {
    contextsForSystem: (ids) => {
      if (this.failReads > 0) {
        this.failReads -= 1;
        return Promise.reject(new Error('connection terminated unexpectedly'));
      }
      const bad = ids.find((id) => this.unreadable.has(id));
      if (bad) return Promise.reject(new Error(`invalid input syntax for type bigint: "${bad}"`));
      return Promise.resolve(ids.map((id) => this.contexts.get(id) ?? null));
    },
    unqueueForSystem: (id) => Promise.resolve(void this.unqueued.push(id)),
    exitForSystem: (id, reason) => Promise.resolve(void this.exits.push({ id, reason })),
    rescheduleForSystem: () => Promise.resolve(),
    advanceForSystem: (id, _from, to) => Promise.resolve(this.advanced.push({ id, to }) > 0),
    holdQueuedUntilForSystem: (items) => Promise.resolve(items.map((i) => void this.held.push(i))),
  };

  readonly ledger: SendStepLedger = {
    claimManyForSystem: (claims: ClaimInput[]) =>
      claims.some((c) => this.unclaimable.has(c.enrollmentId))
        ? Promise.reject(
            new Error('insert or update on table "sends" violates foreign key constraint "sends_prospect_id_fkey"'),
          )
        : Promise.resolve(
            claims.map((c): ClaimResult => {
              const key = `${c.enrollmentId}:${c.step}`;
              const row = this.sends.get(key);
              if (!row) {
                const created = { id: String(this.nextId++), status: 'claimed', attempts: 0, claimedBy: c.worker };
                this.sends.set(key, created);
                return { claimed: true, sendId: created.id, attempts: 0 };
              }
              if (row.status === 'claimed') {
                row.claimedBy = c.worker;
                return { claimed: true, sendId: row.id, attempts: row.attempts };
              }
              return { claimed: false, sendId: row.id, status: 'sent', leaseUntil: null };
            }),
          ),
    settleForSystem: (hands, finishes) => {
      if (this.failSettles > 0) {
        this.failSettles -= 1;
        return Promise.reject(new Error('the database system is starting up'));
      }
      // Outcomes first, then handovers, in one step: what one statement does.
      const moved = finishes.map((i) => {
        this.finished.push(i);
        this.row(i.sendId).status = i.outcome;
        return true;
      });
      const handed = hands.map((i) => {
        const row = [...this.sends.values()].find((s) => s.id === i.sendId);
        if (!row || row.status !== 'claimed' || row.claimedBy !== i.worker) return false;
        row.status = 'handed';
        row.attempts += 1;
        return true;
      });
      this.mostHanded = Math.max(this.mostHanded, [...this.sends.values()].filter((s) => s.status === 'handed').length);
      if (this.loseSettleReplies > 0) {
        // Committed, but the connection dropped before the answer came back.
        this.loseSettleReplies -= 1;
        return Promise.reject(new Error('Connection terminated unexpectedly'));
      }
      return Promise.resolve({ handed, moved });
    },
    setStatusForSystem: (id, status) => Promise.resolve(void (this.row(id).status = status)),
    releaseForSystem: (id, _worker, _now, response, counted) => {
      const row = this.row(id);
      row.attempts += (counted ? 1 : 0) - (row.status === 'handed' ? 1 : 0);
      row.status = 'claimed';
      this.released.push({ id, response, counted: counted ?? false });
      return Promise.resolve();
    },
    giveBackForSystem: (id, _worker, _now, response) => {
      const row = this.row(id);
      this.released.push({ id, response, counted: false });
      // A claim with no earlier try goes (as the repository deletes it); one with tries is released.
      if (row.attempts - (row.status === 'handed' ? 1 : 0) === 0)
        this.sends.delete([...this.sends.entries()].find(([, s]) => s.id === id)![0]);
      else return this.ledger.releaseForSystem(id, _worker, _now, response, false);
      return Promise.resolve();
    },
    recordForSystem: (c, status) =>
      Promise.resolve(
        this.sends.set(`${c.enrollmentId}:${c.step}`, {
          id: String(this.nextId++),
          status,
          attempts: 0,
          claimedBy: null,
        }).size > 0,
      ),
  };

  readonly suppressions: SendStepSuppressions = {
    add: (_scope, _campaign, email) => Promise.resolve(this.suppressed.push(email) > 0),
  };
  readonly eventsRepo: SendStepEvents = {
    recordSendEventForSystem: (e) => Promise.resolve(this.events.push(`${e.type}:${e.sendId}`) > 0),
  };
  readonly profiles: SendStepProfiles = {
    content: () => Promise.resolve(content),
    profile: () => Promise.resolve(profile),
  };
  readonly renderer: SendStepRenderer = {
    render: () =>
      Promise.resolve({
        email: { subject: 'Hi', preheader: '', html: '<p>Hi</p>', text: 'Hi' },
        unsubscribe: { url: 'https://e.example/u/x', mailto: 'mailto:u@acme.example' },
        ref: 'qJ8u9x3Kf0ZbWm2Hc7TtAw',
      }),
  };
  readonly transport: ResolvedTransport = {
    key: 'env',
    transporter: { sendMail: (m: unknown) => this.smtp(m) } as unknown as ResolvedTransport['transporter'],
    ratePerSecond: 100,
    dkim: null,
    isOutbox: false,
    slots: new ConnectionSlots(5),
    label: 'smtp://mail.example:25',
  };
  readonly transports: SendStepTransports = { forPartner: () => Promise.resolve(this.transport) };
  readonly rates: SendStepRates = {
    reserveMany: (items) =>
      Promise.resolve(items.map((): RateSlot => ({ at: Date.now() + (this.slotOffsets.shift() ?? 0) }))),
  };
  readonly queue: SendStepQueue = {
    enqueue: (items) => Promise.resolve(void this.enqueued.push(...items.map((i) => ({ id: i.id, step: i.step })))),
  };
  readonly transactions: SendStepTransactions = { run: <T>(work: (tx: Tx) => Promise<T>) => work({} as Tx) };

  row(id: string) {
    const row = [...this.sends.values()].find((s) => s.id === id);
    if (!row) throw new Error(`no send ${id}`);
    return row;
  }

  service(): SendStepService {
    return new SendStepService(
      this.enrollments,
      this.ledger,
      this.profiles,
      this.renderer,
      this.transports,
      this.rates,
      this.suppressions,
      this.eventsRepo,
      this.queue,
      this.transactions,
      new ManualClock(NOW),
      new AppConfig({}),
    );
  }
}

describe(SendStepService.name, () => {
  let world: World;
  let sut: SendStepService;
  const step = (overrides: Partial<SendStepRef> = {}): SendStepRef => ({ enrollmentId: '7', step: 0, ...overrides });

  beforeEach(() => {
    world = new World();
    world.contexts.set('7', context());
    sut = world.service();
  });

  it('sends a due step once: claimed, handed, recorded sent, and the next step queued', async () => {
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'sent', sendId: '100' });
    expect(world.finished).toMatchObject([
      { sendId: '100', outcome: 'sent', step: 0, to: { nextStep: 1, status: 'active' } },
    ]);
    expect(world.enqueued).toEqual([{ id: '7', step: 1 }]);
    // A second try of the same step (a duplicate job) claims nothing and sends nothing.
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'noop', why: 'busy' });
  });

  it('does nothing for a step that is no longer next (stale)', async () => {
    world.contexts.set('7', context({ nextStep: 1 }));
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'noop', why: 'stale' });
    expect(world.sends.size).toBe(0);
  });

  it('leaves the step of a paused launch for the sweep to queue again', async () => {
    world.contexts.set('7', context({ launchStatus: 'paused' }));
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'noop', why: 'paused' });
    expect(world.unqueued).toEqual(['7']);
  });

  it('takes a prospect out of the sequence when an exit rule holds (suppressed a moment ago)', async () => {
    world.contexts.set('7', context({ suppressed: true }));
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'exited', reason: 'suppressed' });
    expect(world.exits).toEqual([{ id: '7', reason: 'suppressed' }]);
    expect([...world.sends.values()].map((s) => s.status)).toEqual(['suppressed']);
  });

  it('skips a step whose condition on the previous email does not hold, and moves on', async () => {
    world.contexts.set('7', context({ nextStep: 1 }));
    expect(await sut.execute(step({ step: 1 }), WORKER)).toEqual({ kind: 'skipped' });
    expect([...world.sends.values()].map((s) => s.status)).toEqual(['skipped']);
    expect(world.advanced).toMatchObject([{ id: '7', to: { nextStep: 2, status: 'completed' } }]);
  });

  it('waits for its slot of the sender rate without claiming: waiting is never an attempt', async () => {
    world.slotOffsets = [5_000];
    const outcome = await sut.execute(step(), WORKER);
    expect(outcome).toMatchObject({ kind: 'later', why: 'rate' });
    expect(outcome.kind === 'later' && outcome.ms).toBeGreaterThan(3_000);
    expect(world.sends.size).toBe(0);
    expect(world.held).toHaveLength(1);
    // Back at its slot, it sends without reserving again.
    const slotAt = outcome.kind === 'later' ? outcome.slotAt : undefined;
    world.slotOffsets = [60_000];
    expect(await sut.execute(step({ slotAt: Date.now() }), WORKER)).toEqual({ kind: 'sent', sendId: '100' });
    expect(slotAt).toBeDefined();
    expect(world.slotOffsets).toEqual([60_000]);
  });

  /** The slot is now; the render (or a starved worker) then takes longer than RATE_LATE_MS. */
  const lateRender = () => {
    const start = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(start);
    const render = world.renderer.render.bind(world.renderer);
    world.renderer.render = (...args) => {
      clock.mockReturnValue(start + RATE_LATE_MS + 500);
      return render(...args);
    };
    return clock;
  };

  it('takes a new slot when its own lapsed waiting for a connection and the sender has one free now', async () => {
    const sent: unknown[] = [];
    world.smtp = (m) => Promise.resolve(void sent.push(m)).then(() => ({ response: '250 OK' }));
    world.slotOffsets = [0, 0, 60_000];
    const clock = lateRender();
    try {
      expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'sent', sendId: '100' });
      expect(sent).toHaveLength(1);
      expect(world.released).toEqual([]);
      // Two slots reserved: the first, lapsed, and its replacement.
      expect(world.slotOffsets).toEqual([60_000]);
    } finally {
      clock.mockRestore();
    }
  });

  it('gives its claim back uncounted when its slot lapsed on the way to SMTP and the next one is later: what reaches the server keeps to the rate', async () => {
    const sent: unknown[] = [];
    // The step's slot is now, the next free one of its sender 5 s away.
    world.slotOffsets = [0, 5_000];
    world.smtp = (m) => Promise.resolve(void sent.push(m)).then(() => ({ response: '250 OK' }));
    const clock = lateRender();
    try {
      const outcome = await sut.execute(step(), WORKER);
      expect(outcome).toEqual({ kind: 'later', ms: 0, why: 'rate' });
      expect(sent).toHaveLength(0);
      expect(world.released).toEqual([{ id: '100', response: 'rate slot lapsed before the handover', counted: false }]);
      // Not a try: the claim is gone, as if never made, so the step is claimed afresh with no attempt counted.
      expect(world.sends.size).toBe(0);
    } finally {
      clock.mockRestore();
    }
  });

  it('takes a new slot when it comes back too late for its own: a late worker never catches up above the rate', async () => {
    world.slotOffsets = [30_000];
    const outcome = await sut.execute(step({ slotAt: Date.now() - 5_000 }), WORKER);
    expect(outcome).toMatchObject({ kind: 'later', why: 'rate' });
    expect(outcome.kind === 'later' && outcome.slotAt).toBeGreaterThan(Date.now() + 25_000);
    expect(world.slotOffsets).toEqual([]);
    expect(world.sends.size).toBe(0);
    expect(world.held).toHaveLength(1);
  });

  it('retries a step refused for now (4xx), with backoff, counting each refusal', async () => {
    world.smtp = () =>
      Promise.reject(Object.assign(new Error('451 Try later'), { responseCode: 451, response: '451 Try later' }));
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'later', ms: 60_000, why: 'retry' });
    expect(world.row('100')).toMatchObject({ status: 'claimed', attempts: 1 });
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'later', ms: 120_000, why: 'retry' });
    expect(world.row('100').attempts).toBe(2);
  });

  it('gives up after MAX_SEND_ATTEMPTS refusals and takes the prospect out', async () => {
    world.smtp = () => Promise.reject(Object.assign(new Error('451'), { responseCode: 451 }));
    for (let i = 0; i < MAX_SEND_ATTEMPTS; i++) await sut.execute(step(), WORKER);
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'failed', sendId: '100' });
    expect(world.exits).toEqual([{ id: '7', reason: 'failed' }]);
  });

  it('records a bounce (5xx): suppressed for the partner, event written, prospect out', async () => {
    world.smtp = () =>
      Promise.reject(Object.assign(new Error('550 No such user'), { responseCode: 550, response: '550 No such user' }));
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'bounced', sendId: '100' });
    expect(world.row('100').status).toBe('bounced');
    expect(world.suppressed).toEqual(['ana@prospect.example']);
    expect(world.events).toEqual(['bounced:100']);
    expect(world.exits).toEqual([{ id: '7', reason: 'bounced' }]);
  });

  it('counts a send uncertain when the connection breaks mid-transfer, and never sends it again', async () => {
    world.smtp = () =>
      Promise.reject(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }));
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'uncertain', sendId: '100' });
    expect(world.finished).toMatchObject([{ sendId: '100', outcome: 'uncertain' }]);
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'noop', why: 'busy' });
  });

  it('retries the write of a known outcome until it succeeds', async () => {
    world.smtp = () => {
      world.failSettles = 2;
      return Promise.resolve({ response: '250 OK' });
    };
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'sent', sendId: '100' });
    expect(world.finished).toHaveLength(1);
    expect(world.failSettles).toBe(0);
  });

  it('releases a handover whose answer was lost, so the step is tried again and never left handed', async () => {
    let sent = 0;
    world.smtp = () => {
      sent += 1;
      return Promise.resolve({ response: '250 OK' });
    };
    world.loseSettleReplies = 1;
    expect(await sut.execute(step(), WORKER)).toMatchObject({ kind: 'later', why: 'error' });
    expect(sent).toBe(0);
    expect(world.row('100').status).toBe('claimed');
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'sent', sendId: '100' });
    expect(sent).toBe(1);
    expect(world.row('100').status).toBe('sent');
  });

  it('never gives up a step for what is not a try: claims given back after lost answers count nothing', async () => {
    let sent = 0;
    world.smtp = () => Promise.resolve(void (sent += 1)).then(() => ({ response: '250 OK' }));
    for (let i = 0; i < MAX_SEND_ATTEMPTS + 2; i++) {
      world.loseSettleReplies = 1;
      expect(await sut.execute(step(), WORKER)).toMatchObject({ kind: 'later', why: 'error' });
    }
    expect(world.row('100')).toMatchObject({ status: 'claimed', attempts: 0 });
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'sent', sendId: '100' });
    expect(sent).toBe(1);
    expect(world.row('100').attempts).toBe(1);
  });

  it('holds at most one handed send per SMTP connection', async () => {
    let onWire = 0;
    let most = 0;
    world.smtp = async () => {
      onWire += 1;
      most = Math.max(most, onWire);
      await new Promise((r) => setTimeout(r, 5));
      onWire -= 1;
      return { response: '250 OK' };
    };
    for (let i = 0; i < 30; i++) world.contexts.set(String(i), context({ enrollmentId: String(i) }));
    const outcomes = await sut.executeMany(
      Array.from({ length: 30 }, (_, i) => step({ enrollmentId: String(i) })),
      WORKER,
    );
    expect(outcomes.every((o) => o.kind === 'sent')).toBe(true);
    expect(most).toBe(world.transport.slots.capacity);
    // As the ledger saw it too: a connection's next handover commits with its previous outcome.
    expect(world.mostHanded).toBe(world.transport.slots.capacity);
  });

  it('lets each step of a job fail on its own: a failed read is retried later, the rest go on', async () => {
    world.contexts.set('8', context({ enrollmentId: '8' }));
    world.failReads = 1;
    const first = await sut.executeMany([step()], WORKER);
    expect(first).toEqual([{ kind: 'later', ms: 10_000, why: 'error' }]);
    const second = await sut.executeMany([step(), step({ enrollmentId: '8' })], WORKER);
    expect(second.map((o) => o.kind)).toEqual(['sent', 'sent']);
  });

  it('lets a step fail on its own inside a shared read or claim: the others of its job are sent', async () => {
    for (const id of ['8', '9', '10'])
      world.contexts.set(id, context({ enrollmentId: id, prospect: { ...context().prospect, id: `9${id}` } }));
    // One job id cannot be read at all; another step's claim breaks a constraint. Each is in a
    // statement with the rest of the job, which must not fail with it.
    world.unreadable.add('x1');
    world.unclaimable.add('9');
    const sent: string[] = [];
    world.smtp = (m) =>
      Promise.resolve(void sent.push(String((m as { to: string }).to))).then(() => ({ response: '250 OK' }));
    const outcomes = await sut.executeMany(
      [
        step(),
        step({ enrollmentId: 'x1' }),
        step({ enrollmentId: '8' }),
        step({ enrollmentId: '9' }),
        step({ enrollmentId: '10' }),
      ],
      WORKER,
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'later', 'sent', 'later', 'sent']);
    expect(outcomes[1]).toEqual({ kind: 'later', ms: 10_000, why: 'error' });
    expect(sent).toHaveLength(3);
    expect(world.finished.map((f) => f.enrollmentId).sort()).toEqual(['10', '7', '8']);
  });

  it('lets a step fail on its own when its partner cannot be read: the others of its job are sent', async () => {
    world.contexts.set('8', context({ enrollmentId: '8', partnerId: 'p2' }));
    world.contexts.set('9', context({ enrollmentId: '9' }));
    world.profiles.profile = (_vendor, partnerId) =>
      partnerId === 'p2' ? Promise.reject(new Error('Connection terminated unexpectedly')) : Promise.resolve(profile);
    const outcomes = await sut.executeMany([step(), step({ enrollmentId: '8' }), step({ enrollmentId: '9' })], WORKER);
    expect(outcomes).toEqual([
      { kind: 'sent', sendId: expect.any(String) },
      { kind: 'later', ms: 10_000, why: 'error' },
      { kind: 'sent', sendId: expect.any(String) },
    ]);
    expect(world.finished.map((f) => f.enrollmentId).sort()).toEqual(['7', '9']);
  });
});
