import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { CampaignContent, EmailAsset, SequenceDefinition } from '@tcma/campaign-model';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import {
  buildMessage,
  classifySmtpFailure,
  OutboxTags,
  RateLimiter,
  RateSlot,
  ResolvedTransport,
  senderIdentity,
  SenderIdentity,
  SuppressionsRepository,
  TransportRegistry,
} from '@tcma/delivery';
import { WORKER_ID } from '@tcma/fleet';
import { Metrics } from '@tcma/metrics';
import { Batcher, PartnerScope, Transactions } from '@tcma/persistence';
import type { SendStepRef } from '@tcma/queue';
import { conditionHolds, decideDue, exitReason } from '@tcma/sequences';
import { EventsRepository } from '@tcma/tracking';
import { emailInLanguage } from '@tcma/translation';
import type Mail from 'nodemailer/lib/mailer';
import { EnrollmentsRepository, SendContext } from './enrollments.repository';
import { FailureLog } from '@tcma/runtime';
import { nextStep } from './next-step';
import { ClaimInput, ClaimResult, FinishInput, HandoverInput, SendLedgerRepository } from './send-ledger.repository';
import { PartnerProfile, SendProfiles } from './send-profiles';
import { SendQueue } from './send-queue';
import { SentEmailRenderer } from './sent-email.renderer';

export type StepOutcome =
  | { kind: 'sent'; sendId: string }
  | { kind: 'uncertain'; sendId: string }
  | { kind: 'bounced'; sendId: string }
  | { kind: 'exited'; reason: string }
  /** The step's condition on the previous email did not hold: recorded, and the sequence moves on. */
  | { kind: 'skipped' }
  | { kind: 'rescheduled'; to: Date; reason: string }
  /**
   * Not now: try again in `ms`: an early job, a slot of the sender's rate reserved for later
   * (`slotAt`, kept so the step does not reserve again), a refusal worth retrying, or an
   * error reading or writing (nothing was handed over).
   */
  | { kind: 'later'; ms: number; why: 'early' | 'rate' | 'retry' | 'error'; slotAt?: number }
  /** Given up after MAX_SEND_ATTEMPTS tries that were refused for now. */
  | { kind: 'failed'; sendId: string }
  /** Nothing to do: done before, moved on, paused or cancelled, or another worker has it. */
  | { kind: 'noop'; why: 'stale' | 'paused' | 'busy' };

/**
 * Tries of one step refused "for now" by an SMTP server, or failing to render, before it is
 * given up. Only those count: a claim given back for any other reason (a lapsed rate slot, a
 * database error, a dead worker's claim taken over) is not a try.
 */
export const MAX_SEND_ATTEMPTS = 10;
/**
 * After an error reading or writing state (Postgres or Redis away), a step is tried again this
 * much later; nothing was handed over, and it is not counted as an attempt.
 */
export const ERROR_RETRY_MS = 10_000;
/** Writing a known outcome is retried from this wait, doubling, up to the max, for as long as it takes. */
const OUTCOME_RETRY_BASE_MS = 200;
const OUTCOME_RETRY_MAX_MS = 5_000;

/** What the send path needs of its repositories: small enough to fake in memory in unit specs. */
export type SendStepEnrollments = Pick<
  EnrollmentsRepository,
  | 'contextsForSystem'
  | 'unqueueForSystem'
  | 'exitForSystem'
  | 'rescheduleForSystem'
  | 'advanceForSystem'
  | 'holdQueuedUntilForSystem'
>;
export type SendStepLedger = Pick<
  SendLedgerRepository,
  | 'claimManyForSystem'
  | 'settleForSystem'
  | 'setStatusForSystem'
  | 'releaseForSystem'
  | 'giveBackForSystem'
  | 'recordForSystem'
>;

/** A write of the send path's last stage: a handover, or an outcome (see settle). */
type Settlement = { kind: 'hand'; input: HandoverInput } | { kind: 'finish'; input: FinishInput };
export type SendStepSuppressions = Pick<SuppressionsRepository, 'add'>;
export type SendStepEvents = Pick<EventsRepository, 'recordSendEventForSystem'>;
export type SendStepProfiles = Pick<SendProfiles, 'content' | 'profile'>;
export type SendStepRenderer = Pick<SentEmailRenderer, 'render'>;
export type SendStepTransports = Pick<TransportRegistry, 'forPartner'>;
export type SendStepRates = Pick<RateLimiter, 'reserveMany'>;
export type SendStepQueue = Pick<SendQueue, 'enqueue'>;
export type SendStepTransactions = Pick<Transactions, 'run'>;

/**
 * Sends one step of one enrollment, exactly once. The order of writes is what guarantees it:
 * claim the (enrollment, step) in the ledger, mark it handed once it holds an SMTP connection
 * (ConnectionSlots) and is about to go on the wire, then record the outcome and move the
 * enrollment in one statement. A worker that dies before "handed" leaves a claim another can
 * take over; one that dies after leaves a send that is counted uncertain and never repeated.
 *
 * Before any of that, the step takes its place in its sender's schedule (RateLimiter): a
 * step whose slot is later waits for it, holding it, without touching the ledger, so waiting
 * for the rate is never an attempt. Steps of a job run together, each stage's writes batched
 * into one statement, and each step succeeds or fails on its own.
 */
@Injectable()
export class SendStepService {
  private readonly logger = new Logger(SendStepService.name);
  /*
   * Each step succeeds or fails on its own, also inside a shared statement: a batch that fails is
   * run again member by member (retryAlone), so one step that cannot be read or claimed (a
   * malformed job, a prospect erased meanwhile) does not fail the steps batched with it. Only
   * where that is safe: reads, claims (a worker's own claim is claimed again) and holds. Not the
   * settlements: a handover whose answer was lost may have committed, and run again it would
   * read as lost; its step releases the claim and is tried later instead (nothing was sent).
   * Not the rate slots: slots reserved by a failed batch would be reserved again.
   */
  private readonly contexts = new Batcher<string, SendContext | null>(
    (ids) => this.enrollments.contextsForSystem(ids),
    undefined,
    { retryAlone: true },
  );
  private readonly claims = new Batcher<ClaimInput, ClaimResult>(
    (items) => this.ledger.claimManyForSystem(items),
    undefined,
    { retryAlone: true },
  );
  // Serial (group commit): settlements arriving while one statement runs go together in the
  // next; a handover still commits before its message goes on the wire.
  private readonly settlements = new Batcher<Settlement, boolean>((items) => this.settle(items), undefined, {
    serial: true,
  });
  private readonly slots = new Batcher<{ sender: string; perSecond: number }, RateSlot>((items) =>
    this.rateLimiter.reserveMany(items),
  );
  private readonly holds = new Batcher<{ enrollmentId: string; step: number; until: Date }, void>(
    (items) => this.enrollments.holdQueuedUntilForSystem(items),
    undefined,
    { retryAlone: true },
  );
  private readonly smtpFailures = new FailureLog(this.logger, 'Sending');
  private readonly stateFailures = new FailureLog(this.logger, 'Sending state');

  constructor(
    @Inject(EnrollmentsRepository) private readonly enrollments: SendStepEnrollments,
    @Inject(SendLedgerRepository) private readonly ledger: SendStepLedger,
    @Inject(SendProfiles) private readonly profiles: SendStepProfiles,
    @Inject(SentEmailRenderer) private readonly sentEmails: SendStepRenderer,
    @Inject(TransportRegistry) private readonly transports: SendStepTransports,
    @Inject(RateLimiter) private readonly rateLimiter: SendStepRates,
    @Inject(SuppressionsRepository) private readonly suppressions: SendStepSuppressions,
    @Inject(EventsRepository) private readonly events: SendStepEvents,
    @Inject(SendQueue) private readonly queue: SendStepQueue,
    @Inject(Transactions) private readonly transactions: SendStepTransactions,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  /** Every step on its own: one that throws is tried again later, the others go on. */
  executeMany(steps: SendStepRef[], worker = WORKER_ID): Promise<StepOutcome[]> {
    return Promise.all(
      steps.map((step) =>
        this.execute(step, worker).catch((e: unknown): StepOutcome => {
          this.stateFailures.failed('steps of this worker', (e as Error).message);
          return {
            kind: 'later',
            ms: ERROR_RETRY_MS,
            why: 'error',
            ...(step.slotAt !== undefined ? { slotAt: step.slotAt } : {}),
          };
        }),
      ),
    );
  }

  async execute(job: SendStepRef, worker = WORKER_ID): Promise<StepOutcome> {
    const now = this.clock.now();
    const ctx = await this.contexts.call(job.enrollmentId);
    if (!ctx || ctx.status !== 'active' || ctx.nextStep !== job.step || !ctx.nextDueAt)
      return { kind: 'noop', why: 'stale' };
    if (ctx.launchStatus !== 'active') {
      await this.enrollments.unqueueForSystem(ctx.enrollmentId);
      return { kind: 'noop', why: 'paused' };
    }
    const content = await this.profiles.content(ctx.campaignVersionId);
    const step = content?.sequence?.steps[job.step];
    const asset = content?.assets.find((a): a is EmailAsset => a.kind === 'email' && a.id === step?.emailAssetId);
    if (!content?.sequence || !step || !asset) {
      await this.enrollments.exitForSystem(ctx.enrollmentId, 'step_missing');
      return { kind: 'exited', reason: 'step_missing' };
    }

    const decision = decideDue(ctx.nextDueAt, now, step, ctx.zone, this.config.maxLatenessMs);
    if (decision.action === 'wait')
      return { kind: 'later', ms: decision.until.getTime() - now.getTime(), why: 'early' };
    if (decision.action === 'reschedule') {
      await this.enrollments.rescheduleForSystem(ctx.enrollmentId, job.step, decision.to);
      return { kind: 'rescheduled', to: decision.to, reason: decision.reason };
    }

    const ledgerKey = {
      enrollmentId: ctx.enrollmentId,
      step: job.step,
      launchId: ctx.launchId,
      partnerId: ctx.partnerId,
      vendorId: ctx.vendorId,
      prospectId: ctx.prospect.id,
      due: ctx.nextDueAt,
      now,
    };
    // The last word before sending: exits are applied as events are judged, this catches any
    // that landed between that and now (and an address suppressed a moment ago).
    const exit = exitReason(
      {
        unsubscribed: false,
        suppressed: ctx.suppressed,
        converted: ctx.converted,
        clickedLinks: new Set(ctx.clickedLinks),
      },
      content.sequence.exit,
    );
    if (exit) {
      await this.transactions.run(async (tx) => {
        if (exit === 'suppressed') await this.ledger.recordForSystem(ledgerKey, 'suppressed', tx);
        await this.enrollments.exitForSystem(ctx.enrollmentId, exit, tx);
      });
      return { kind: 'exited', reason: exit };
    }

    if (
      !conditionHolds(step.condition, {
        opened: ctx.previous.openedAt !== null,
        clicked: ctx.previous.clickedAt !== null,
      })
    ) {
      const to = nextStep(content.sequence, job.step, now, ctx.zone, now, this.config.queueHorizonMs);
      await this.transactions.run(async (tx) => {
        if (await this.ledger.recordForSystem(ledgerKey, 'skipped', tx))
          await this.enrollments.advanceForSystem(ctx.enrollmentId, job.step, to, null, tx);
      });
      if (to.queuedAt && to.nextDueAt)
        await this.queue.enqueue([{ id: ctx.enrollmentId, step: to.nextStep, due: to.nextDueAt }], now);
      return { kind: 'skipped' };
    }

    const profile = await this.profiles.profile(ctx.vendorId, ctx.partnerId);
    if (!profile) {
      await this.enrollments.exitForSystem(ctx.enrollmentId, 'partner_missing');
      return { kind: 'exited', reason: 'partner_missing' };
    }
    const transport = await this.transports.forPartner(ctx.vendorId, ctx.partnerId);
    const own = profile.brand.sender;
    const sender = senderIdentity({
      partnerSender: own
        ? { fromName: own.fromName, fromEmail: own.fromEmail, replyTo: own.replyTo, verified: own.confirmed }
        : null,
      partnerCompany: profile.brand.brand.companyName ?? profile.partnerCompany,
      partnerEmail: profile.brand.brand.email,
      vendorName: profile.vendorName,
      vendorDomain: profile.vendorDomain,
      dkimDomain: transport.dkim?.domainName ?? null,
    });

    const paced = await this.pace(job, ctx, transport, sender);
    if ('kind' in paced) return paced;

    // The prospect's language, else the partner's default, chooses among the email's variants.
    const localised = emailInLanguage(asset, content, ctx.prospect.language ?? profile.language);
    const claim = await this.claims.call({
      ...ledgerKey,
      language: localised.language,
      worker,
      leaseUntil: new Date(now.getTime() + this.config.sendLeaseMs),
    });
    if (!claim.claimed) return { kind: 'noop', why: 'busy' };
    if (claim.attempts >= MAX_SEND_ATTEMPTS) {
      await this.transactions.run(async (tx) => {
        await this.ledger.setStatusForSystem(
          claim.sendId,
          'failed',
          `given up after ${MAX_SEND_ATTEMPTS} attempts`,
          tx,
        );
        await this.enrollments.exitForSystem(ctx.enrollmentId, 'failed', tx);
      });
      return { kind: 'failed', sendId: claim.sendId };
    }
    return this.deliver({
      ctx,
      content,
      asset: localised.email,
      language: localised.language,
      profile,
      transport,
      sender,
      step: job.step,
      sendId: claim.sendId,
      attempts: claim.attempts,
      worker,
      slot: paced.go,
    });
  }

  /**
   * Handovers and outcomes arriving together go in one statement: when a connection finishes
   * a message and takes the next, that message's outcome and the next one's handover commit at
   * once (one round trip each, never more handed than connections).
   */
  private async settle(items: Settlement[]): Promise<boolean[]> {
    const hands = items.flatMap((i) => (i.kind === 'hand' ? [i.input] : []));
    const finishes = items.flatMap((i) => (i.kind === 'finish' ? [i.input] : []));
    const { handed, moved } = await this.ledger.settleForSystem(hands, finishes);
    let h = 0;
    let f = 0;
    return items.map((i) => (i.kind === 'hand' ? handed[h++] : moved[f++]));
  }

  /** The wait before trying a step again after its n-th attempt was refused for now. */
  private backoff(attempts: number): number {
    return Math.min(3_600_000, this.config.sendRetryBaseMs * 2 ** (attempts - 1));
  }

  /**
   * The step's place in its sender's schedule: `go` with its slot when it may go now. A step that already
   * holds a slot (re-queued to wait for it) keeps it unless the worker came back too late for it
   * (it lapsed); otherwise it reserves one, and when the slot is later, waits for it without
   * claiming anything, its enrollment marked queued until then so the sweep does not queue it
   * again meanwhile.
   */
  private async pace(
    job: SendStepRef,
    ctx: SendContext,
    transport: ResolvedTransport,
    sender: SenderIdentity,
  ): Promise<StepOutcome | { go: RateSlot }> {
    const held = job.slotAt !== undefined && !RateLimiter.lapsed({ at: job.slotAt }) ? { at: job.slotAt } : undefined;
    const slot =
      held ?? (await this.slots.call({ sender: senderKey(transport, sender), perSecond: transport.ratePerSecond }));
    const wait = RateLimiter.waitFor(slot);
    if (wait === 0) return { go: slot };
    if (!held)
      await this.holds.call({
        enrollmentId: ctx.enrollmentId,
        step: job.step,
        until: new Date(this.clock.now().getTime() + wait),
      });
    return { kind: 'later', ms: wait, why: 'rate', slotAt: slot.at };
  }

  private async deliver(d: {
    ctx: SendContext;
    content: CampaignContent;
    asset: EmailAsset;
    language: string;
    profile: PartnerProfile;
    transport: ResolvedTransport;
    sender: SenderIdentity;
    step: number;
    sendId: string;
    attempts: number;
    worker: string;
    slot: RateSlot;
  }): Promise<StepOutcome> {
    const { ctx, transport, sendId, worker } = d;
    let message: Mail.Options;
    try {
      const { email, unsubscribe, ref } = await this.sentEmails.render(
        ctx,
        d.content,
        { email: d.asset, language: d.language },
        d.profile,
        sendId,
      );
      message = {
        ...buildMessage({
          sendRef: ref,
          sender: d.sender,
          to: ctx.prospect.email,
          subject: email.subject,
          html: email.html,
          text: email.text,
          date: this.clock.now(),
          unsubscribeUrl: unsubscribe.url,
          unsubscribeMailto: unsubscribe.mailto,
          messageIdDomain: d.profile.vendorDomain,
        }),
        ...(transport.dkim ? { dkim: transport.dkim } : {}),
        // Read by the outbox transport; nodemailer itself ignores it.
        tcma: { vendorId: ctx.vendorId, partnerId: ctx.partnerId, sendId } satisfies OutboxTags,
      } as Mail.Options;
    } catch (e) {
      // Nothing was handed over: the claim lapses and the step is retried (a partner may fix a
      // slot). A failed render counts as a try, so a template that can never render gives up.
      const tries = d.attempts + 1;
      await this.ledger.releaseForSystem(
        sendId,
        worker,
        this.clock.now(),
        `render failed: ${(e as Error).message}`.slice(0, 500),
        true,
      );
      this.logger.warn(`Send ${sendId} could not be rendered (attempt ${tries}): ${(e as Error).message}`);
      return { kind: 'later', ms: this.backoff(tries), why: 'retry' };
    }

    // Handed only on a connection of its own: a kill leaves at most one uncertain send per connection.
    const slot = await transport.slots.acquire();
    let released = false;
    const release = () => {
      if (!released) slot();
      released = true;
    };
    try {
      // Its slot was checked before the claim, the render and the wait for a connection: a
      // worker starved of CPU, or a pool slower than the rate, can get here long after it. A
      // lapsed slot is replaced by a new one when the sender's schedule has one free now (the
      // wait was for a connection, not for the rate); else the claim is given back uncounted and
      // the step takes a new slot later. Either way what reaches the SMTP server keeps to the
      // rate however late the worker was. Checked before the handover (nothing at stake) and
      // once more after its write, just before the wire.
      if (RateLimiter.lapsed(d.slot) && !(await this.renew(d))) return await this.giveBack(sendId, worker);
      const handedAt = this.clock.now();
      let handed: boolean;
      try {
        handed = await this.settlements.call({
          kind: 'hand',
          input: { sendId, worker, now: handedAt, leaseUntil: new Date(handedAt.getTime() + this.config.sendLeaseMs) },
        });
      } catch (e) {
        // The answer was lost (Postgres restarting): the handover may have committed, and a send
        // left handed by a live worker is never taken over. Nothing has reached SMTP yet, so the
        // claim is released (until Postgres answers) and the step tried again.
        const why = `handover unconfirmed: ${(e as Error).message}`.slice(0, 500);
        await this.untilWritten('releasing unconfirmed handovers', () =>
          this.ledger.releaseForSystem(sendId, worker, this.clock.now(), why, false),
        );
        return { kind: 'later', ms: ERROR_RETRY_MS, why: 'error' };
      }
      if (!handed) return { kind: 'noop', why: 'busy' };
      if (RateLimiter.lapsed(d.slot) && !(await this.renew(d))) return await this.giveBack(sendId, worker);
      let info: { messageId?: string; response?: string };
      try {
        info = await transport.transporter.sendMail(message);
      } catch (e) {
        return await this.refused(d, e, release);
      }
      this.smtpFailures.succeeded(transport.label);
      if (ctx.nextDueAt)
        this.metrics?.sendLatency.observe(Math.max(0, this.clock.now().getTime() - ctx.nextDueAt.getTime()) / 1000);
      // The connection is free for the next message, whose handover goes with this outcome.
      release();
      await this.finish(ctx, d.content.sequence!, d.step, {
        sendId,
        outcome: 'sent',
        messageId: message.messageId ?? info.messageId ?? null,
        response: info.response ?? null,
      });
      return { kind: 'sent', sendId };
    } finally {
      release();
    }
  }

  /**
   * A new slot for a step whose slot lapsed, if the sender's schedule has one free now: true,
   * and the step goes with it (`d.slot` replaced). A slot that is only free later is left unused.
   */
  private async renew(d: { transport: ResolvedTransport; sender: SenderIdentity; slot: RateSlot }): Promise<boolean> {
    const fresh = await this.slots.call({
      sender: senderKey(d.transport, d.sender),
      perSecond: d.transport.ratePerSecond,
    });
    if (RateLimiter.waitFor(fresh) > 0) return false;
    d.slot = fresh;
    return true;
  }

  /** A claim whose rate slot lapsed before it reached the wire: released uncounted, the step to take a new slot. */
  private async giveBack(sendId: string, worker: string): Promise<StepOutcome> {
    await this.untilWritten('giving back late slots', () =>
      this.ledger.giveBackForSystem(sendId, worker, this.clock.now(), 'rate slot lapsed before the handover'),
    );
    return { kind: 'later', ms: 0, why: 'rate' };
  }

  /** An SMTP failure: retried later, a bounce, or uncertain (the message may have been delivered). */
  private async refused(
    d: {
      ctx: SendContext;
      content: CampaignContent;
      transport: ResolvedTransport;
      step: number;
      sendId: string;
      attempts: number;
      worker: string;
    },
    error: unknown,
    releaseConnection: () => void,
  ): Promise<StepOutcome> {
    const { ctx, sendId } = d;
    const response = String((error as { response?: string }).response ?? (error as Error).message).slice(0, 500);
    const failure = classifySmtpFailure(error);
    if (failure === 'retry') {
      await this.ledger.releaseForSystem(sendId, d.worker, this.clock.now(), response, true);
      this.smtpFailures.failed(d.transport.label, response);
      return { kind: 'later', ms: this.backoff(d.attempts + 1), why: 'retry' };
    }
    if (failure === 'bounce') {
      await this.transactions.run(async (tx) => {
        await this.ledger.setStatusForSystem(sendId, 'bounced', response, tx);
        await this.events.recordSendEventForSystem({ sendId, type: 'bounced', at: this.clock.now() }, tx);
        await this.suppressions.add(
          new PartnerScope(ctx.vendorId, ctx.partnerId),
          null,
          ctx.prospect.emailLower,
          'bounced',
          sendId,
          tx,
        );
        await this.enrollments.exitForSystem(ctx.enrollmentId, 'bounced', tx);
      });
      return { kind: 'bounced', sendId };
    }
    this.smtpFailures.failed(
      d.transport.label,
      `connection lost while handing a message over (send ${sendId} counted uncertain): ${response}`,
    );
    releaseConnection();
    await this.finish(ctx, d.content.sequence!, d.step, { sendId, outcome: 'uncertain', response });
    return { kind: 'uncertain', sendId };
  }

  /**
   * Records a handed-over send and moves the enrollment on, queueing its next step when that
   * is due soon. The outcome is known here and nowhere else: a failed write is retried until it
   * succeeds (Postgres restarting), never dropped.
   */
  private async finish(
    ctx: SendContext,
    sequence: SequenceDefinition,
    step: number,
    result: Pick<FinishInput, 'sendId' | 'outcome' | 'messageId' | 'response'>,
  ): Promise<void> {
    const at = this.clock.now();
    const to = nextStep(sequence, step, at, ctx.zone, at, this.config.queueHorizonMs);
    await this.untilWritten('recording send outcomes', () =>
      this.settlements.call({ kind: 'finish', input: { ...result, at, enrollmentId: ctx.enrollmentId, step, to } }),
    );
    if (to.queuedAt && to.nextDueAt)
      await this.queue.enqueue([{ id: ctx.enrollmentId, step: to.nextStep, due: to.nextDueAt }], at);
  }

  /** A write whose loss would strand a send: retried, with backoff, until Postgres takes it (the state is kept in memory meanwhile). */
  private async untilWritten(what: string, write: () => Promise<unknown>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await write();
        if (attempt) this.stateFailures.succeeded(what);
        return;
      } catch (e) {
        this.stateFailures.failed(what, `${(e as Error).message} (retrying; kept in memory)`);
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(OUTCOME_RETRY_MAX_MS, OUTCOME_RETRY_BASE_MS * 2 ** attempt)),
        );
      }
    }
  }
}

/** A sender's schedule: one per transport and From address. */
const senderKey = (transport: ResolvedTransport, sender: SenderIdentity) => `${transport.key}:${sender.from.address}`;
