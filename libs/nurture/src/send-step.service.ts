import { Injectable, Logger } from '@nestjs/common';
import type { CampaignContent, EmailAsset, SequenceDefinition } from '@tcma/campaign-model';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { buildMessage, classifySmtpFailure, OutboxTags, RateLimiter, senderIdentity, SuppressionsRepository, TransportRegistry } from '@tcma/delivery';
import type { SendStepRef } from '@tcma/queue';
import { conditionHolds, decideDue, exitReason } from '@tcma/sequences';
import { EventsRepository } from '@tcma/tracking';
import type Mail from 'nodemailer/lib/mailer';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Batcher } from '@tcma/persistence';
import { EnrollmentsRepository, SendContext } from './enrollments.repository';
import { nextStep } from './next-step';
import { ClaimInput, ClaimResult, FinishInput, SendLedgerRepository } from './send-ledger.repository';
import { SendProfiles } from './send-profiles';
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
  /** Not now: try again in `ms` (an early job, the sender's rate, a refusal worth retrying). */
  | { kind: 'later'; ms: number; why: 'early' | 'rate' | 'retry' }
  /** Given up after MAX_SEND_ATTEMPTS tries that were refused for now. */
  | { kind: 'failed'; sendId: string }
  /** Nothing to do: done before, moved on, paused or cancelled, or another worker has it. */
  | { kind: 'noop'; why: 'stale' | 'paused' | 'busy' };

/** Tries of one step that were refused "for now" (4xx, connection, rendering) before it is given up. */
export const MAX_SEND_ATTEMPTS = 10;

/** This process, as a claimant in the send ledger. */
export const WORKER_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * Sends one step of one enrollment, exactly once. The order of writes is what guarantees
 * it: claim the (enrollment, step) in the ledger, mark it handed immediately before talking
 * to SMTP, then record the outcome and move the enrollment in one statement. A worker that
 * dies before "handed" leaves a claim another can take over; one that dies after leaves a
 * send that is counted uncertain and never repeated. Steps of a job run together and each
 * stage's writes are batched into one statement for all of them.
 */
@Injectable()
export class SendStepService {
  private readonly logger = new Logger(SendStepService.name);
  private readonly contexts = new Batcher<string, SendContext | null>((ids) => this.enrollments.contexts(ids));
  private readonly claims = new Batcher<ClaimInput, ClaimResult>((items) => this.ledger.claimMany(items));
  private readonly handovers = new Batcher<{ sendId: string; worker: string; now: Date; leaseUntil: Date }, boolean>((items) => this.ledger.markHandedMany(items));
  private readonly finishes = new Batcher<FinishInput, boolean>((items) => this.ledger.finishMany(items));
  private readonly rates = new Batcher<{ sender: string; perSecond: number }, number>((items) => this.rateLimiter.acquireMany(items));

  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly ledger: SendLedgerRepository,
    private readonly profiles: SendProfiles,
    private readonly sentEmails: SentEmailRenderer,
    private readonly transports: TransportRegistry,
    private readonly rateLimiter: RateLimiter,
    private readonly suppressions: SuppressionsRepository,
    private readonly events: EventsRepository,
    private readonly queue: SendQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  executeMany(steps: SendStepRef[], worker = WORKER_ID): Promise<StepOutcome[]> {
    return Promise.all(steps.map((step) => this.execute(step, worker)));
  }

  async execute(job: SendStepRef, worker = WORKER_ID): Promise<StepOutcome> {
    const now = this.clock.now();
    const ctx = await this.contexts.call(job.enrollmentId);
    if (!ctx || ctx.status !== 'active' || ctx.nextStep !== job.step || !ctx.nextDueAt) return { kind: 'noop', why: 'stale' };
    if (ctx.launchStatus !== 'active') {
      await this.enrollments.unqueue(ctx.enrollmentId);
      return { kind: 'noop', why: 'paused' };
    }
    const content = await this.profiles.content(ctx.campaignVersionId);
    const step = content?.sequence?.steps[job.step];
    const asset = content?.assets.find((a): a is EmailAsset => a.kind === 'email' && a.id === step?.emailAssetId);
    if (!content?.sequence || !step || !asset) {
      await this.enrollments.exit(ctx.enrollmentId, 'step_missing');
      return { kind: 'exited', reason: 'step_missing' };
    }

    const decision = decideDue(ctx.nextDueAt, now, step, ctx.zone, this.config.maxLatenessMs);
    if (decision.action === 'wait') return { kind: 'later', ms: decision.until.getTime() - now.getTime(), why: 'early' };
    if (decision.action === 'reschedule') {
      await this.enrollments.reschedule(ctx.enrollmentId, job.step, decision.to);
      return { kind: 'rescheduled', to: decision.to, reason: decision.reason };
    }

    const ledgerKey = { enrollmentId: ctx.enrollmentId, step: job.step, launchId: ctx.launchId, partnerId: ctx.partnerId, vendorId: ctx.vendorId, prospectId: ctx.prospect.id, due: ctx.nextDueAt, now };
    // The last word before sending: exits are applied as events are judged, this catches any
    // that landed between that and now (and an address suppressed a moment ago).
    const exit = exitReason({ unsubscribed: false, suppressed: ctx.suppressed, converted: ctx.converted, clickedLinks: new Set(ctx.clickedLinks) }, content.sequence.exit);
    if (exit) {
      await this.ledger.transaction(async (tx) => {
        if (exit === 'suppressed') await this.ledger.record(ledgerKey, 'suppressed', tx);
        await this.enrollments.exit(ctx.enrollmentId, exit, tx);
      });
      return { kind: 'exited', reason: exit };
    }

    if (!conditionHolds(step.condition, { opened: ctx.previous.openedAt !== null, clicked: ctx.previous.clickedAt !== null })) {
      const to = nextStep(content.sequence, job.step, now, ctx.zone, now, this.config.queueHorizonMs);
      await this.ledger.transaction(async (tx) => {
        if (await this.ledger.record(ledgerKey, 'skipped', tx)) await this.enrollments.advance(ctx.enrollmentId, job.step, to, null, tx);
      });
      if (to.queuedAt && to.nextDueAt) await this.queue.enqueue([{ id: ctx.enrollmentId, step: to.nextStep, due: to.nextDueAt }], now);
      return { kind: 'skipped' };
    }

    const claim = await this.claims.call({ ...ledgerKey, worker, leaseUntil: new Date(now.getTime() + this.config.sendLeaseMs) });
    if (!claim.claimed) return { kind: 'noop', why: 'busy' };
    if (claim.attempts > MAX_SEND_ATTEMPTS) {
      await this.ledger.transaction(async (tx) => {
        await this.ledger.setStatus(claim.sendId, 'failed', `given up after ${MAX_SEND_ATTEMPTS} attempts`, tx);
        await this.enrollments.exit(ctx.enrollmentId, 'failed', tx);
      });
      return { kind: 'failed', sendId: claim.sendId };
    }
    return this.deliver(ctx, content, job.step, claim.sendId, claim.attempts, asset, worker);
  }

  /** The wait before trying a step again after its n-th attempt was refused for now. */
  private backoff(attempts: number): number {
    return Math.min(3_600_000, this.config.sendRetryBaseMs * 2 ** (attempts - 1));
  }

  private async deliver(ctx: SendContext, content: CampaignContent, step: number, sendId: string, attempts: number, asset: EmailAsset, worker: string): Promise<StepOutcome> {
    const sequence = content.sequence!;
    const profile = await this.profiles.profile(ctx.vendorId, ctx.partnerId);
    if (!profile) {
      await this.ledger.release(sendId, worker, this.clock.now(), 'the partner or vendor could not be read');
      return { kind: 'later', ms: this.backoff(attempts), why: 'retry' };
    }
    const transport = await this.transports.forPartner(ctx.vendorId, ctx.partnerId);
    const sender = senderIdentity({ partnerSender: profile.brand.sender, partnerCompany: profile.brand.brand.companyName ?? profile.partnerCompany, partnerEmail: profile.brand.brand.email, vendorName: profile.vendorName, vendorDomain: profile.vendorDomain });

    const wait = await this.rates.call({ sender: `${transport.key}:${sender.from.address}`, perSecond: transport.ratePerSecond });
    if (wait > 0) {
      await this.ledger.release(sendId, worker, this.clock.now(), null);
      return { kind: 'later', ms: wait, why: 'rate' };
    }

    let message: Mail.Options;
    try {
      const { email, unsubscribe } = await this.sentEmails.render(ctx, content, asset, profile, sendId);
      const now = this.clock.now();
      message = {
        ...buildMessage({ sendId, sender, to: ctx.prospect.email, subject: email.subject, html: email.html, text: email.text, date: now, unsubscribeUrl: unsubscribe.url, unsubscribeMailto: unsubscribe.mailto, messageIdDomain: profile.vendorDomain }),
        ...(transport.dkim ? { dkim: transport.dkim } : {}),
        // Read by the outbox transport; nodemailer itself ignores it.
        tcma: { vendorId: ctx.vendorId, partnerId: ctx.partnerId, sendId } satisfies OutboxTags,
      } as Mail.Options;
    } catch (e) {
      // Nothing was handed over: let the claim lapse and retry later (a partner may fix a slot).
      await this.ledger.release(sendId, worker, this.clock.now(), `render failed: ${(e as Error).message}`.slice(0, 500));
      this.logger.warn(`Send ${sendId} could not be rendered (attempt ${attempts}): ${(e as Error).message}`);
      return { kind: 'later', ms: this.backoff(attempts), why: 'retry' };
    }

    const handedAt = this.clock.now();
    if (!(await this.handovers.call({ sendId, worker, now: handedAt, leaseUntil: new Date(handedAt.getTime() + this.config.sendLeaseMs) }))) return { kind: 'noop', why: 'busy' };

    let info: { messageId?: string; response?: string };
    try {
      info = await transport.transporter.sendMail(message);
    } catch (e) {
      const response = String((e as { response?: string }).response ?? (e as Error).message).slice(0, 500);
      const failure = classifySmtpFailure(e);
      if (failure === 'retry') {
        await this.ledger.release(sendId, worker, this.clock.now(), response);
        this.logger.warn(`Send ${sendId} refused for now (attempt ${attempts}): ${response}`);
        return { kind: 'later', ms: this.backoff(attempts), why: 'retry' };
      }
      if (failure === 'bounce') {
        await this.ledger.transaction(async (tx) => {
          await this.ledger.setStatus(sendId, 'bounced', response, tx);
          await this.events.recordForSend({ sendId, type: 'bounced', at: this.clock.now() }, tx);
          await this.suppressions.add({ vendorId: ctx.vendorId, partnerId: ctx.partnerId, campaignId: null }, ctx.prospect.emailLower, 'bounced', sendId, tx);
          await this.enrollments.exit(ctx.enrollmentId, 'bounced', tx);
        });
        return { kind: 'bounced', sendId };
      }
      this.logger.warn(`Send ${sendId} is uncertain (the connection failed while handing it over): ${response}`);
      await this.finish(ctx, sequence, step, { sendId, outcome: 'uncertain', response });
      return { kind: 'uncertain', sendId };
    }
    await this.finish(ctx, sequence, step, { sendId, outcome: 'sent', messageId: message.messageId ?? info.messageId ?? null, response: info.response ?? null });
    return { kind: 'sent', sendId };
  }

  /** Records a handed-over send and moves the enrollment on, queueing its next step when that is due soon. */
  private async finish(ctx: SendContext, sequence: SequenceDefinition, step: number, result: Pick<FinishInput, 'sendId' | 'outcome' | 'messageId' | 'response'>): Promise<void> {
    const at = this.clock.now();
    const to = nextStep(sequence, step, at, ctx.zone, at, this.config.queueHorizonMs);
    await this.finishes.call({ ...result, at, enrollmentId: ctx.enrollmentId, step, to });
    if (to.queuedAt && to.nextDueAt) await this.queue.enqueue([{ id: ctx.enrollmentId, step: to.nextStep, due: to.nextDueAt }], at);
  }
}
