import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { EmailAsset } from '@tcma/campaign-model';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import {
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
import { Batcher, Transactions } from '@tcma/persistence';
import type { SendStepRef } from '@tcma/queue';
import { conditionHolds, decideDue, exitReason } from '@tcma/sequences';
import { EventsRepository } from '@tcma/tracking';
import { emailInLanguage } from '@tcma/translation';
import { EnrollmentsRepository, SendContext } from './enrollments.repository';
import { FailureLog } from '@tcma/runtime';
import { nextStep } from './next-step';
import { ClaimInput, ClaimResult, SendLedgerRepository } from './send-ledger.repository';
import { SendDelivery, senderKey } from './send-delivery';
import { SendProfiles } from './send-profiles';
import { SendQueue } from './send-queue';
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
import { SentEmailRenderer } from './sent-email.renderer';
import { ERROR_RETRY_MS, MAX_SEND_ATTEMPTS, StepOutcome } from './step-outcome';

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
  private readonly slots = new Batcher<{ sender: string; perSecond: number }, RateSlot>((items) =>
    this.rateLimiter.reserveMany(items),
  );
  private readonly holds = new Batcher<{ enrollmentId: string; step: number; until: Date }, void>(
    (items) => this.enrollments.holdQueuedUntilForSystem(items),
    undefined,
    { retryAlone: true },
  );
  private readonly stateFailures = new FailureLog(this.logger, 'Sending state');
  private readonly delivery: SendDelivery;

  constructor(
    @Inject(EnrollmentsRepository) private readonly enrollments: SendStepEnrollments,
    @Inject(SendLedgerRepository) private readonly ledger: SendStepLedger,
    @Inject(SendProfiles) private readonly profiles: SendStepProfiles,
    @Inject(SentEmailRenderer) sentEmails: SendStepRenderer,
    @Inject(TransportRegistry) private readonly transports: SendStepTransports,
    @Inject(RateLimiter) private readonly rateLimiter: SendStepRates,
    @Inject(SuppressionsRepository) suppressions: SendStepSuppressions,
    @Inject(EventsRepository) events: SendStepEvents,
    @Inject(SendQueue) private readonly queue: SendStepQueue,
    @Inject(Transactions) private readonly transactions: SendStepTransactions,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.delivery = new SendDelivery({
      enrollments,
      ledger,
      sentEmails,
      suppressions,
      events,
      queue,
      transactions,
      clock,
      config,
      metrics,
      slots: this.slots,
      logger: this.logger,
    });
  }

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
    return this.delivery.deliver({
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
}
