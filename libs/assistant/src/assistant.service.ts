import { Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { ForbiddenError, InvalidError, TooManyRequestsError, UnavailableError } from '@tcma/errors';
import { Found, PageWindow, VendorScope } from '@tcma/persistence';
import { Actor, isPartnerRole, scopeOf } from '@tcma/tenancy';
import { performance } from 'node:perf_hooks';
import { parseOptions } from './assistant-answers';
import { AssistantCallListItem, AssistantCallsRepository } from './assistant-calls.repository';
import type { AssistantPrompt } from './assistant-prompt';
import { ChatProvider, ChatProviderError } from './chat-provider';
import { estimateTokens } from './openai-chat.provider';

/** What the assistant may do for a caller this month. Partners see whether it is on, not the vendor's figures. */
export interface AssistantStatus {
  enabled: boolean;
  /** The configured model (AI_MODEL); null when off. */
  model: string | null;
  /** The calendar month counted (UTC), `2026-11`. */
  month: string;
  /** The vendor's budget this month, in tokens; null for partner users. */
  monthlyTokens: number | null;
  usedTokens: number | null;
  /** The most a vendor admin may set: the installation's AI_MONTHLY_TOKENS_PER_VENDOR; null for partner users. */
  maxMonthlyTokens: number | null;
  /** The budget the vendor set itself (null: the installation's). */
  vendorMonthlyTokens: number | null;
  callsPerMinute: number;
}

export interface AssistantText {
  /** The record of the call (the vendor's admins see it). */
  callId: string;
  model: string;
  text: string;
}

export interface AssistantOptions {
  callId: string;
  model: string;
  options: string[];
}

const monthStartOf = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
const nextMonthOf = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
const monthName = (at: Date): string =>
  at.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const figure = (n: number): string => n.toLocaleString('en-GB');

/** Nothing was written anywhere: every failure says so, so the person knows their text is as they left it. */
const NOTHING_CHANGED = 'Nothing was changed.';

/**
 * The assistant's one door to the model, and its guardrails: off unless the installation
 * configures a model; each call reserved against the vendor's monthly token budget and its
 * per-minute limit before the model is asked, refused with a message saying which and until
 * when; recorded (who, what for, model, tokens, duration) for the vendor's admins; a timeout,
 * 429 or 5xx answered as a clear 503 or 429 that writes nothing. What a prompt may carry is
 * decided by the builders that make AssistantPrompts (see assistant-prompt.ts).
 */
@Injectable()
export class AssistantService {
  private readonly logger = new Logger(AssistantService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly calls: AssistantCallsRepository,
    @Optional() private readonly provider?: ChatProvider,
  ) {}

  get enabled(): boolean {
    return this.provider !== undefined;
  }

  async status(actor: Actor): Promise<AssistantStatus> {
    const now = this.clock.now();
    const month = now.toISOString().slice(0, 7);
    const base = {
      enabled: this.enabled,
      model: this.provider?.model ?? null,
      month,
      callsPerMinute: this.config.assistant.callsPerMinutePerVendor,
    };
    if (isPartnerRole(actor.role))
      return { ...base, monthlyTokens: null, usedTokens: null, maxMonthlyTokens: null, vendorMonthlyTokens: null };
    const scope = new VendorScope(actor.vendorId);
    const [vendorMonthlyTokens, usedTokens] = await Promise.all([
      this.calls.monthlyBudget(scope),
      this.calls.usedSince(scope, monthStartOf(now), this.pendingSince(now)),
    ]);
    return {
      ...base,
      monthlyTokens: this.budgetOf(vendorMonthlyTokens),
      usedTokens,
      maxMonthlyTokens: this.config.assistant.monthlyTokensPerVendor,
      vendorMonthlyTokens,
    };
  }

  /** A vendor admin sets the vendor's own budget (null: the installation's), at most the installation's. */
  async setMonthlyTokens(actor: Actor, tokens: number | null): Promise<AssistantStatus> {
    this.vendorAdminOnly(actor);
    const max = this.config.assistant.monthlyTokensPerVendor;
    if (tokens !== null && (!Number.isInteger(tokens) || tokens < 0 || tokens > max))
      throw new InvalidError('The budget cannot be set', [
        {
          path: 'monthlyTokens',
          message: `must be a whole number of tokens from 0 to ${figure(max)} (the installation's limit), or null for that limit`,
        },
      ]);
    await this.calls.setMonthlyBudget(new VendorScope(actor.vendorId), tokens);
    return this.status(actor);
  }

  async listCalls(actor: Actor, window: PageWindow): Promise<Found<AssistantCallListItem>> {
    this.vendorAdminOnly(actor);
    return this.calls.list(new VendorScope(actor.vendorId), window);
  }

  /** Up to `count` options the person picks from; none is written anywhere by this call. */
  async options(actor: Actor, prompt: AssistantPrompt): Promise<AssistantOptions> {
    const answer = await this.complete(actor, prompt, 0.7);
    let options: string[];
    try {
      options = parseOptions(answer.text).map((o) => prompt.unmask(o));
    } catch (e) {
      throw this.failure(e);
    }
    return { callId: answer.callId, model: answer.model, options };
  }

  /** The model's text for one prompt, its addresses put back; the guardrails first. */
  async complete(actor: Actor, prompt: AssistantPrompt, temperature = 0.2): Promise<AssistantText> {
    if (!this.provider)
      throw new UnavailableError(
        'The assistant is off: this installation has no model configured (AI_BASE_URL and AI_MODEL)',
      );
    const settings = this.config.assistant;
    const now = this.clock.now();
    const scope = scopeOf(actor);
    const reservedTokens = estimateTokens(prompt.messages.map((m) => m.content).join('')) + settings.maxAnswerTokens;
    const budget = this.budgetOf(await this.calls.monthlyBudget(scope));
    const reservation = await this.calls.reserve(
      scope,
      { userId: actor.userId, purpose: prompt.purpose, model: this.provider.model, reservedTokens, createdAt: now },
      {
        budget,
        perMinute: settings.callsPerMinutePerVendor,
        monthStart: monthStartOf(now),
        windowStart: new Date(now.getTime() - 60_000),
        pendingSince: this.pendingSince(now),
      },
    );
    if ('refused' in reservation) {
      if (reservation.refused === 'rate') {
        const wait = Math.max(1, Math.ceil((reservation.oldestInWindow.getTime() + 60_000 - now.getTime()) / 1000));
        throw new TooManyRequestsError(
          `Your organisation has asked the assistant ${settings.callsPerMinutePerVendor} times in the last minute, its limit; try again in ${wait} s. ${NOTHING_CHANGED}`,
          [{ path: 'assistant', code: 'assistant_rate_limited', message: `try again in ${wait} s` }],
          wait,
        );
      }
      const renews = nextMonthOf(now);
      const spent = reservation.used >= budget;
      throw new TooManyRequestsError(
        spent
          ? `Your organisation's assistant budget for ${monthName(now)} is spent: ${figure(reservation.used)} of ${figure(budget)} tokens used. It renews on 1 ${monthName(renews)}; a vendor admin may change it. ${NOTHING_CHANGED}`
          : `This request could use up to ${figure(reservedTokens)} tokens and your organisation's assistant budget for ${monthName(now)} has ${figure(budget - reservation.used)} of ${figure(budget)} left. It renews on 1 ${monthName(renews)}; a vendor admin may change it. ${NOTHING_CHANGED}`,
        [
          {
            path: 'assistant',
            code: 'assistant_budget_spent',
            message: `${figure(reservation.used)} of ${figure(budget)} tokens used this month`,
          },
        ],
        Math.ceil((renews.getTime() - now.getTime()) / 1000),
      );
    }
    const started = performance.now();
    try {
      const answer = await this.provider.complete({
        messages: prompt.messages,
        maxTokens: settings.maxAnswerTokens,
        temperature,
      });
      await this.calls.finish(scope, reservation.reserved, {
        model: answer.model,
        promptTokens: answer.promptTokens,
        completionTokens: answer.completionTokens,
        durationMs: performance.now() - started,
        error: null,
      });
      return { callId: reservation.reserved, model: answer.model, text: prompt.unmask(answer.text) };
    } catch (e) {
      const error = this.failure(e);
      await this.calls.finish(scope, reservation.reserved, {
        model: this.provider.model,
        promptTokens: 0,
        completionTokens: 0,
        durationMs: performance.now() - started,
        error: error.message,
      });
      throw error;
    }
  }

  /** The installation's budget, or the vendor's own when it set one (never above the installation's). */
  private budgetOf(vendorTokens: number | null): number {
    const max = this.config.assistant.monthlyTokensPerVendor;
    return vendorTokens === null ? max : Math.min(vendorTokens, max);
  }

  /** Pending calls older than twice the timeout were lost with their process: they hold no tokens. */
  private pendingSince(now: Date): Date {
    return new Date(now.getTime() - 2 * this.config.assistant.timeoutMs);
  }

  private vendorAdminOnly(actor: Actor): void {
    if (actor.role !== 'vendor_admin' || actor.concierge)
      throw new ForbiddenError("Only a vendor admin may see and set the assistant's use");
  }

  /** A provider's failure as the person asking is told it; anything else is the engine's own fault. */
  private failure(e: unknown): Error {
    if (!(e instanceof ChatProviderError)) return e as Error;
    switch (e.kind) {
      case 'rate_limited':
        return new TooManyRequestsError(
          `The assistant's model is busy${e.retryAfterSeconds ? `; try again in ${e.retryAfterSeconds} s` : '; try again shortly'}. ${NOTHING_CHANGED}`,
          [{ path: 'assistant', code: 'assistant_model_busy', message: e.message }],
          e.retryAfterSeconds,
        );
      case 'rejected':
        this.logger.warn(e.message);
        return new UnavailableError(
          `The assistant's model refused the request; an operator must check its settings. ${NOTHING_CHANGED}`,
        );
      default:
        return new UnavailableError(`${e.message}; try again. ${NOTHING_CHANGED}`);
    }
  }
}
