import type { CampaignContent } from '@tcma/campaign-model';
import { ManualClock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { ConnectionSlots, RateSlot, ResolvedTransport } from '@tcma/delivery';
import type { Tx } from '@tcma/persistence';
import type { SendStepRef } from '@tcma/queue';
import type { AdvanceTo, SendContext } from './enrollments.repository';
import type { ClaimInput, ClaimResult, FinishInput } from './send-ledger.repository';
import type { PartnerProfile } from './send-profiles';
import {
  MAX_SEND_ATTEMPTS,
  SendStepEnrollments,
  SendStepEvents,
  SendStepLedger,
  SendStepProfiles,
  SendStepQueue,
  SendStepRates,
  SendStepRenderer,
  SendStepService,
  SendStepSuppressions,
  SendStepTransactions,
  SendStepTransports,
} from './send-step.service';

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
  brand: { partnerId: 'p1', revision: 1, brand: { companyName: 'Northwind', contactName: null, email: 'hi@northwind.example', phone: null, website: null, address: '1 Main St', primaryColor: null, secondaryColor: null, logoUrl: null }, sender: null },
  partnerCompany: 'Northwind',
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
  prospect: { id: '9', email: 'ana@prospect.example', emailLower: 'ana@prospect.example', firstName: 'Ana', lastName: null, company: null, title: null, country: null, custom: {} },
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
  /** Fail the next n context reads, and the next n ledger writes of the last stage. */
  failReads = 0;
  failSettles = 0;
  /** The most sends ever handed at once, as the ledger saw it. */
  mostHanded = 0;
  /** When the rate limiter places each next request (ms from now). */
  slotOffsets: number[] = [];
  smtp: (message: unknown) => Promise<{ messageId?: string; response?: string }> = () => Promise.resolve({ response: '250 OK' });
  private nextId = 100;

  readonly enrollments: SendStepEnrollments = {
    contextsForSystem: (ids) => {
      if (this.failReads > 0) {
        this.failReads -= 1;
        return Promise.reject(new Error('connection terminated unexpectedly'));
      }
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
      Promise.resolve(
        claims.map((c): ClaimResult => {
          const key = `${c.enrollmentId}:${c.step}`;
          const row = this.sends.get(key);
          if (!row) {
            const created = { id: String(this.nextId++), status: 'claimed', attempts: 1, claimedBy: c.worker };
            this.sends.set(key, created);
            return { claimed: true, sendId: created.id, attempts: 1 };
          }
          if (row.status === 'claimed') {
            row.attempts += 1;
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
        return true;
      });
      this.mostHanded = Math.max(this.mostHanded, [...this.sends.values()].filter((s) => s.status === 'handed').length);
      return Promise.resolve({ handed, moved });
    },
    setStatusForSystem: (id, status) => Promise.resolve(void (this.row(id).status = status)),
    releaseForSystem: (id) => Promise.resolve(void (this.row(id).status = 'claimed')),
    recordForSystem: (c, status) => Promise.resolve(this.sends.set(`${c.enrollmentId}:${c.step}`, { id: String(this.nextId++), status, attempts: 0, claimedBy: null }).size > 0),
  };

  readonly suppressions: SendStepSuppressions = { add: (_scope, _campaign, email) => Promise.resolve(this.suppressed.push(email) > 0) };
  readonly eventsRepo: SendStepEvents = { recordSendEventForSystem: (e) => Promise.resolve(this.events.push(`${e.type}:${e.sendId}`) > 0) };
  readonly profiles: SendStepProfiles = { content: () => Promise.resolve(content), profile: () => Promise.resolve(profile) };
  readonly renderer: SendStepRenderer = {
    render: () => Promise.resolve({ email: { subject: 'Hi', preheader: '', html: '<p>Hi</p>', text: 'Hi' }, unsubscribe: { url: 'https://e.example/u/x', mailto: 'mailto:u@acme.example' }, ref: 'qJ8u9x3Kf0ZbWm2Hc7TtAw' }),
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
  readonly rates: SendStepRates = { reserveMany: (items) => Promise.resolve(items.map((): RateSlot => ({ at: Date.now() + (this.slotOffsets.shift() ?? 0) }))) };
  readonly queue: SendStepQueue = { enqueue: (items) => Promise.resolve(void this.enqueued.push(...items.map((i) => ({ id: i.id, step: i.step })))) };
  readonly transactions: SendStepTransactions = { run: <T>(work: (tx: Tx) => Promise<T>) => work({} as Tx) };

  row(id: string) {
    const row = [...this.sends.values()].find((s) => s.id === id);
    if (!row) throw new Error(`no send ${id}`);
    return row;
  }

  service(): SendStepService {
    return new SendStepService(this.enrollments, this.ledger, this.profiles, this.renderer, this.transports, this.rates, this.suppressions, this.eventsRepo, this.queue, this.transactions, new ManualClock(NOW), new AppConfig({}));
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
    expect(world.finished).toMatchObject([{ sendId: '100', outcome: 'sent', step: 0, to: { nextStep: 1, status: 'active' } }]);
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

  it('retries a step refused for now (4xx), with backoff, counting each refusal', async () => {
    world.smtp = () => Promise.reject(Object.assign(new Error('451 Try later'), { responseCode: 451, response: '451 Try later' }));
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
    world.smtp = () => Promise.reject(Object.assign(new Error('550 No such user'), { responseCode: 550, response: '550 No such user' }));
    expect(await sut.execute(step(), WORKER)).toEqual({ kind: 'bounced', sendId: '100' });
    expect(world.row('100').status).toBe('bounced');
    expect(world.suppressed).toEqual(['ana@prospect.example']);
    expect(world.events).toEqual(['bounced:100']);
    expect(world.exits).toEqual([{ id: '7', reason: 'bounced' }]);
  });

  it('counts a send uncertain when the connection breaks mid-transfer, and never sends it again', async () => {
    world.smtp = () => Promise.reject(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }));
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
    const outcomes = await sut.executeMany(Array.from({ length: 30 }, (_, i) => step({ enrollmentId: String(i) })), WORKER);
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
});
