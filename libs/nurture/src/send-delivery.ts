import type { Logger } from '@nestjs/common';
import type { CampaignContent, EmailAsset, SequenceDefinition } from '@tcma/campaign-model';
import type { Clock } from '@tcma/clock';
import type { AppConfig } from '@tcma/config';
import {
  buildMessage,
  classifySmtpFailure,
  OutboxTags,
  RateLimiter,
  RateSlot,
  ResolvedTransport,
  SenderIdentity,
} from '@tcma/delivery';
import type { Metrics } from '@tcma/metrics';
import { Batcher, PartnerScope } from '@tcma/persistence';
import { FailureLog } from '@tcma/runtime';
import type Mail from 'nodemailer/lib/mailer';
import type { SendContext } from './enrollments.repository';
import type { FinishInput, HandoverInput } from './send-ledger.repository';
import type { PartnerProfile } from './send-profiles';
import { nextStep } from './next-step';
import type {
  SendStepEnrollments,
  SendStepEvents,
  SendStepLedger,
  SendStepQueue,
  SendStepRenderer,
  SendStepSuppressions,
  SendStepTransactions,
} from './send-step.ports';
import { ERROR_RETRY_MS, StepOutcome } from './step-outcome';

/** Writing a known outcome is retried from this wait, doubling, up to the max, for as long as it takes. */
const OUTCOME_RETRY_BASE_MS = 200;
const OUTCOME_RETRY_MAX_MS = 5_000;

/** A write of the send path's last stage: a handover, or an outcome (see settle). */
type Settlement = { kind: 'hand'; input: HandoverInput } | { kind: 'finish'; input: FinishInput };

/** A step claimed and paced, ready to render and hand over. */
export interface ClaimedStep {
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
}

export interface SendDeliveryDeps {
  enrollments: Pick<SendStepEnrollments, 'exitForSystem'>;
  ledger: SendStepLedger;
  sentEmails: SendStepRenderer;
  suppressions: SendStepSuppressions;
  events: SendStepEvents;
  queue: SendStepQueue;
  transactions: SendStepTransactions;
  clock: Clock;
  config: AppConfig;
  metrics?: Metrics;
  /** The sender schedules' reservations, shared with the pacing so both batch into one. */
  slots: Batcher<{ sender: string; perSecond: number }, RateSlot>;
  logger: Logger;
}

/**
 * The send path from a claimed step to its recorded outcome: render, hand over on a connection
 * of its own, put on the wire, and settle (see SendStepService for why the writes go in this
 * order). Not injected: SendStepService builds it from its own dependencies, so its unit spec
 * fakes them in one place.
 */
export class SendDelivery {
  // Serial (group commit): settlements arriving while one statement runs go together in the
  // next; a handover still commits before its message goes on the wire.
  private readonly settlements = new Batcher<Settlement, boolean>((items) => this.settle(items), undefined, {
    serial: true,
  });
  private readonly smtpFailures: FailureLog;
  private readonly stateFailures: FailureLog;

  constructor(private readonly deps: SendDeliveryDeps) {
    this.smtpFailures = new FailureLog(deps.logger, 'Sending');
    this.stateFailures = new FailureLog(deps.logger, 'Sending state');
  }

  /**
   * Handovers and outcomes arriving together go in one statement: when a connection finishes
   * a message and takes the next, that message's outcome and the next one's handover commit at
   * once (one round trip each, never more handed than connections).
   */
  private async settle(items: Settlement[]): Promise<boolean[]> {
    const hands = items.flatMap((i) => (i.kind === 'hand' ? [i.input] : []));
    const finishes = items.flatMap((i) => (i.kind === 'finish' ? [i.input] : []));
    const { handed, moved } = await this.deps.ledger.settleForSystem(hands, finishes);
    let h = 0;
    let f = 0;
    return items.map((i) => (i.kind === 'hand' ? handed[h++] : moved[f++]));
  }

  /** The wait before trying a step again after its n-th attempt was refused for now. */
  private backoff(attempts: number): number {
    return Math.min(3_600_000, this.deps.config.sendRetryBaseMs * 2 ** (attempts - 1));
  }

  async deliver(d: ClaimedStep): Promise<StepOutcome> {
    const { ctx, transport, sendId, worker } = d;
    let message: Mail.Options;
    try {
      const { email, unsubscribe, ref } = await this.deps.sentEmails.render(
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
          date: this.deps.clock.now(),
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
      await this.deps.ledger.releaseForSystem(
        sendId,
        worker,
        this.deps.clock.now(),
        `render failed: ${(e as Error).message}`.slice(0, 500),
        true,
      );
      this.deps.logger.warn(`Send ${sendId} could not be rendered (attempt ${tries}): ${(e as Error).message}`);
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
      const handedAt = this.deps.clock.now();
      let handed: boolean;
      try {
        handed = await this.settlements.call({
          kind: 'hand',
          input: {
            sendId,
            worker,
            now: handedAt,
            leaseUntil: new Date(handedAt.getTime() + this.deps.config.sendLeaseMs),
          },
        });
      } catch (e) {
        // The answer was lost (Postgres restarting): the handover may have committed, and a send
        // left handed by a live worker is never taken over. Nothing has reached SMTP yet, so the
        // claim is released (until Postgres answers) and the step tried again.
        const why = `handover unconfirmed: ${(e as Error).message}`.slice(0, 500);
        await this.untilWritten('releasing unconfirmed handovers', () =>
          this.deps.ledger.releaseForSystem(sendId, worker, this.deps.clock.now(), why, false),
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
        this.deps.metrics?.sendLatency.observe(
          Math.max(0, this.deps.clock.now().getTime() - ctx.nextDueAt.getTime()) / 1000,
        );
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
    const fresh = await this.deps.slots.call({
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
      this.deps.ledger.giveBackForSystem(sendId, worker, this.deps.clock.now(), 'rate slot lapsed before the handover'),
    );
    return { kind: 'later', ms: 0, why: 'rate' };
  }

  /** An SMTP failure: retried later, a bounce, or uncertain (the message may have been delivered). */
  private async refused(
    d: Pick<ClaimedStep, 'ctx' | 'content' | 'transport' | 'step' | 'sendId' | 'attempts' | 'worker'>,
    error: unknown,
    releaseConnection: () => void,
  ): Promise<StepOutcome> {
    const { ctx, sendId } = d;
    const response = String((error as { response?: string }).response ?? (error as Error).message).slice(0, 500);
    const failure = classifySmtpFailure(error);
    if (failure === 'retry') {
      await this.deps.ledger.releaseForSystem(sendId, d.worker, this.deps.clock.now(), response, true);
      this.smtpFailures.failed(d.transport.label, response);
      return { kind: 'later', ms: this.backoff(d.attempts + 1), why: 'retry' };
    }
    if (failure === 'bounce') {
      await this.deps.transactions.run(async (tx) => {
        await this.deps.ledger.setStatusForSystem(sendId, 'bounced', response, tx);
        await this.deps.events.recordSendEventForSystem({ sendId, type: 'bounced', at: this.deps.clock.now() }, tx);
        await this.deps.suppressions.add(
          new PartnerScope(ctx.vendorId, ctx.partnerId),
          null,
          ctx.prospect.emailLower,
          'bounced',
          sendId,
          tx,
        );
        await this.deps.enrollments.exitForSystem(ctx.enrollmentId, 'bounced', tx);
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
    const at = this.deps.clock.now();
    const to = nextStep(sequence, step, at, ctx.zone, at, this.deps.config.queueHorizonMs);
    await this.untilWritten('recording send outcomes', () =>
      this.settlements.call({ kind: 'finish', input: { ...result, at, enrollmentId: ctx.enrollmentId, step, to } }),
    );
    if (to.queuedAt && to.nextDueAt)
      await this.deps.queue.enqueue([{ id: ctx.enrollmentId, step: to.nextStep, due: to.nextDueAt }], at);
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
export const senderKey = (transport: ResolvedTransport, sender: SenderIdentity) =>
  `${transport.key}:${sender.from.address}`;
