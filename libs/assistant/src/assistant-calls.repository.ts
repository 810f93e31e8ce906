import { Injectable } from '@nestjs/common';
import {
  AssistantCallRow,
  Database,
  Found,
  ownVendor,
  PageWindow,
  TenantScope,
  vendorOwned,
  VendorScope,
} from '@tcma/persistence';
import { sql } from 'kysely';

/** The limits one reservation is checked against, and the instants that bound them. */
export interface ReservationLimits {
  /** Tokens the vendor may use this month. */
  budget: number;
  /** Calls the vendor may make per minute. */
  perMinute: number;
  /** The first instant of the month being counted. */
  monthStart: Date;
  /** The rate limit's minute is the one after this instant. */
  windowStart: Date;
  /** Pending calls created before this are taken as lost (their process died): they count nothing. */
  pendingSince: Date;
}

export interface NewAssistantCall {
  userId: string;
  purpose: string;
  model: string;
  reservedTokens: number;
  createdAt: Date;
}

/** A reservation's outcome: the pending call's id, or why none was made and what was counted. */
export type Reservation =
  { reserved: string; used: number } | { refused: 'budget'; used: number } | { refused: 'rate'; oldestInWindow: Date };

export interface AssistantCallListItem extends AssistantCallRow {
  userName: string | null;
  userEmail: string | null;
  partnerName: string | null;
}

/** Tokens a call counts: what it used once answered, its reservation while pending. */
const countedTokens = sql<number>`CASE WHEN status = 'pending' THEN reserved_tokens ELSE prompt_tokens + completion_tokens END`;

/**
 * The record of calls to the assistant's model. A reservation locks the vendor's row so that two
 * calls at once, in any process, count each other against the budget and the rate limit.
 */
@Injectable()
export class AssistantCallsRepository {
  constructor(private readonly db: Database) {}

  /**
   * A pending call with its tokens reserved, unless the month's tokens (answered calls, and the
   * reservations of calls still pending) leave less than it reserves, or the minute holds as many
   * calls as the limit; a refusal is recorded too (no tokens, not counted by the rate limit).
   */
  reserve(scope: TenantScope, call: NewAssistantCall, limits: ReservationLimits): Promise<Reservation> {
    return this.db.transaction().execute(async (tx) => {
      await tx
        .selectFrom('vendors')
        .select('id')
        .where((eb) => ownVendor(eb, scope, 'vendors'))
        .forUpdate()
        .execute();
      const counted = await tx
        .selectFrom('assistantCalls')
        .select([
          sql<string>`coalesce(sum(${countedTokens}) FILTER (WHERE created_at >= ${limits.monthStart} AND (status <> 'pending' OR created_at >= ${limits.pendingSince})), 0)`.as(
            'used',
          ),
          sql<string>`count(*) FILTER (WHERE status <> 'refused' AND created_at > ${limits.windowStart})`.as(
            'inWindow',
          ),
          sql<Date | null>`min(created_at) FILTER (WHERE status <> 'refused' AND created_at > ${limits.windowStart})`.as(
            'oldestInWindow',
          ),
        ])
        .where((eb) => vendorOwned(eb, scope, 'assistantCalls'))
        .where('createdAt', '>=', limits.monthStart < limits.windowStart ? limits.monthStart : limits.windowStart)
        .executeTakeFirstOrThrow();
      const used = Number(counted.used);
      const refused = (reason: string) =>
        tx
          .insertInto('assistantCalls')
          .values({
            vendorId: scope.vendorId,
            partnerId: scope.partnerId,
            userId: call.userId,
            purpose: call.purpose,
            model: call.model,
            status: 'refused',
            error: reason,
            createdAt: call.createdAt,
          })
          .execute();
      if (Number(counted.inWindow) >= limits.perMinute && counted.oldestInWindow) {
        await refused('the rate limit');
        return { refused: 'rate' as const, oldestInWindow: new Date(counted.oldestInWindow) };
      }
      if (used + call.reservedTokens > limits.budget) {
        await refused('the monthly token budget');
        return { refused: 'budget' as const, used };
      }
      const row = await tx
        .insertInto('assistantCalls')
        .values({
          vendorId: scope.vendorId,
          partnerId: scope.partnerId,
          userId: call.userId,
          purpose: call.purpose,
          model: call.model,
          reservedTokens: call.reservedTokens,
          createdAt: call.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { reserved: row.id, used };
    });
  }

  /** The call answered or failed: what it used (nothing, when it failed) and how long it took. */
  async finish(
    scope: TenantScope,
    id: string,
    outcome: {
      model: string;
      promptTokens: number;
      completionTokens: number;
      durationMs: number;
      error: string | null;
    },
  ): Promise<void> {
    await this.db
      .updateTable('assistantCalls')
      .set({
        status: outcome.error ? 'failed' : 'completed',
        model: outcome.model,
        promptTokens: outcome.promptTokens,
        completionTokens: outcome.completionTokens,
        durationMs: Math.round(outcome.durationMs),
        error: outcome.error,
      })
      .where('id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'assistantCalls'))
      .execute();
  }

  /** Tokens counted since `since` (the month's start), as a reservation counts them. */
  async usedSince(scope: VendorScope, since: Date, pendingSince: Date): Promise<number> {
    const row = await this.db
      .selectFrom('assistantCalls')
      .select(
        sql<string>`coalesce(sum(${countedTokens}) FILTER (WHERE status <> 'pending' OR created_at >= ${pendingSince}), 0)`.as(
          'used',
        ),
      )
      .where((eb) => vendorOwned(eb, scope, 'assistantCalls'))
      .where('createdAt', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.used);
  }

  /** The vendor's calls, newest first, with who made them. */
  async list(scope: VendorScope, window: PageWindow): Promise<Found<AssistantCallListItem>> {
    const base = this.db.selectFrom('assistantCalls as c').where((eb) => vendorOwned(eb, scope, 'c'));
    const [items, total] = await Promise.all([
      base
        .leftJoin('users as u', 'u.id', 'c.userId')
        .leftJoin('partners as p', 'p.id', 'c.partnerId')
        .selectAll('c')
        .select(['u.name as userName', 'u.email as userEmail', 'p.companyName as partnerName'])
        .orderBy('c.createdAt', 'desc')
        .orderBy('c.id', 'desc')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  /** The vendor's own monthly budget (null: the installation's). */
  async monthlyBudget(scope: TenantScope): Promise<number | null> {
    const row = await this.db
      .selectFrom('vendors')
      .select('assistantMonthlyTokens')
      .where((eb) => ownVendor(eb, scope, 'vendors'))
      .executeTakeFirst();
    return row?.assistantMonthlyTokens ?? null;
  }

  async setMonthlyBudget(scope: VendorScope, tokens: number | null): Promise<void> {
    await this.db
      .updateTable('vendors')
      .set({ assistantMonthlyTokens: tokens })
      .where((eb) => ownVendor(eb, scope, 'vendors'))
      .execute();
  }
}
