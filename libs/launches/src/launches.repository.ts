import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  Database,
  executorOf,
  Found,
  LaunchRow,
  LaunchStatus,
  NewLaunch,
  PageWindow,
  PartnerScope,
  partnerOwned,
  TenantScope,
  Tx,
} from '@tcma/persistence';

export interface LaunchStats {
  enrollments: Record<string, number>;
  sends: Record<string, number>;
}

export type NewLaunchInput = Omit<NewLaunch, 'vendorId' | 'partnerId' | 'status' | 'enrolled' | 'skippedSuppressed'>;

/** A launch waiting for the vendor's approval of an editable block, as the approvers' list shows it. */
export type AwaitingLaunchRow = LaunchRow & { campaignName: string; partnerName: string };

/** A tenant's launches: created, listed, read and moved by the people who run them. */
@Injectable()
export class LaunchesRepository {
  constructor(private readonly db: Database) {}

  create(scope: PartnerScope, input: NewLaunchInput, tx?: Tx): Promise<LaunchRow> {
    return executorOf(this.db, tx)
      .insertInto('launches')
      .values({
        ...input,
        // A JS array would be sent as a PostgreSQL array, not JSON.
        approvalSlots: input.approvalSlots?.length
          ? sql<string[]>`${JSON.stringify(input.approvalSlots)}::jsonb`
          : null,
        vendorId: scope.vendorId,
        partnerId: scope.partnerId,
        status: input.approvalSlots?.length ? 'awaiting_approval' : 'enrolling',
        enrolled: 0,
        skippedSuppressed: 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(scope: TenantScope, id: string): Promise<LaunchRow | null> {
    return (
      (await this.db
        .selectFrom('launches')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'launches'))
        .executeTakeFirst()) ?? null
    );
  }

  /** A page of the scope's launches, newest first, each with its campaign's name. */
  /** Newest first; `statuses` keeps only launches in one of them. */
  async list(
    scope: TenantScope,
    window: PageWindow & { statuses?: LaunchStatus[] },
  ): Promise<Found<LaunchRow & { campaignName: string }>> {
    let matching = this.db.selectFrom('launches').where((eb) => partnerOwned(eb, scope, 'launches'));
    if (window.statuses) matching = matching.where('launches.status', 'in', window.statuses);
    const [items, count] = await Promise.all([
      matching
        .innerJoin('campaigns', 'campaigns.id', 'launches.campaignId')
        .selectAll('launches')
        .select('campaigns.name as campaignName')
        .orderBy('launches.createdAt', 'desc')
        .orderBy('launches.id', 'asc')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** Moves a launch between states; false when it was not in one of `from` (someone else moved it). */
  async transition(scope: TenantScope, id: string, from: LaunchStatus[], to: LaunchStatus): Promise<boolean> {
    const moved = await this.db
      .updateTable('launches')
      .set({ status: to, updatedAt: new Date() })
      .where('id', '=', id)
      .where('status', 'in', from)
      .where((eb) => partnerOwned(eb, scope, 'launches'))
      .executeTakeFirst();
    return moved.numUpdatedRows > 0n;
  }

  /** The scope's launches waiting for an approval of an editable block, oldest first. */
  awaitingApproval(scope: TenantScope): Promise<AwaitingLaunchRow[]> {
    return this.db
      .selectFrom('launches')
      .innerJoin('campaigns', 'campaigns.id', 'launches.campaignId')
      .innerJoin('partners', 'partners.id', 'launches.partnerId')
      .selectAll('launches')
      .select(['campaigns.name as campaignName', 'partners.companyName as partnerName'])
      .where('launches.status', '=', 'awaiting_approval')
      .where((eb) => partnerOwned(eb, scope, 'launches'))
      .orderBy('launches.createdAt', 'asc')
      .orderBy('launches.id', 'asc')
      .limit(500)
      .execute();
  }

  /** The names a launch's notices give it: its campaign's and its partner's. */
  async names(scope: PartnerScope, id: string): Promise<{ campaignName: string; partnerName: string } | null> {
    return (
      (await this.db
        .selectFrom('launches')
        .innerJoin('campaigns', 'campaigns.id', 'launches.campaignId')
        .innerJoin('partners', 'partners.id', 'launches.partnerId')
        .select(['campaigns.name as campaignName', 'partners.companyName as partnerName'])
        .where('launches.id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'launches'))
        .executeTakeFirst()) ?? null
    );
  }

  /** Texts of a partner's campaign already approved, as `slot:hash`. */
  async approvedTexts(scope: PartnerScope, campaignId: string, hashes: string[], tx?: Tx): Promise<Set<string>> {
    if (!hashes.length) return new Set();
    const rows = await executorOf(this.db, tx)
      .selectFrom('approvedTextBlocks')
      .select(['slotName', 'textHash'])
      .where('vendorId', '=', scope.vendorId)
      .where('partnerId', '=', scope.partnerId)
      .where('campaignId', '=', campaignId)
      .where('textHash', 'in', hashes)
      .execute();
    return new Set(rows.map((r) => `${r.slotName}:${r.textHash}`));
  }

  /** Remembers approved texts of one partner (a text approved twice is kept once, as first approved). */
  async rememberApproved(
    scope: PartnerScope,
    rows: Array<{
      campaignId: string;
      slotName: string;
      textHash: string;
      text: string;
      launchId: string;
      approvedBy: string | null;
      approvedAt: Date;
    }>,
    tx: Tx,
  ): Promise<void> {
    if (!rows.length) return;
    await executorOf(this.db, tx)
      .insertInto('approvedTextBlocks')
      .values(rows.map((r) => ({ ...r, vendorId: scope.vendorId, partnerId: scope.partnerId })))
      .onConflict((oc) => oc.columns(['partnerId', 'campaignId', 'slotName', 'textHash']).doNothing())
      .execute();
  }

  /**
   * The approver's decision on a waiting launch: approved (it starts enrolling, from `startAt`) or
   * returned (with the comment). False when it was no longer waiting (decided meanwhile).
   */
  async decide(
    scope: TenantScope,
    id: string,
    decision: { to: 'enrolling' | 'returned'; by: string; at: Date; startAt?: Date; comment?: string | null },
    tx: Tx,
  ): Promise<LaunchRow | null> {
    return (
      (await executorOf(this.db, tx)
        .updateTable('launches')
        .set({
          status: decision.to,
          approvalDecidedBy: decision.by,
          approvalDecidedAt: decision.at,
          approvalComment: decision.comment ?? null,
          ...(decision.startAt ? { startAt: decision.startAt } : {}),
          updatedAt: new Date(),
        })
        .where('id', '=', id)
        .where('status', '=', 'awaiting_approval')
        .where((eb) => partnerOwned(eb, scope, 'launches'))
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  async stats(scope: TenantScope, id: string): Promise<LaunchStats> {
    const [enrollments, sends] = await Promise.all([
      this.db
        .selectFrom('enrollments')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('launchId', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'enrollments'))
        .groupBy('status')
        .execute(),
      this.db
        .selectFrom('sends')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('launchId', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'sends'))
        .groupBy('status')
        .execute(),
    ]);
    return {
      enrollments: Object.fromEntries(enrollments.map((r) => [r.status, Number(r.n)])),
      sends: Object.fromEntries(sends.map((r) => [r.status, Number(r.n)])),
    };
  }

  /** Active enrollments of a launch by the step they wait for (0-based). */
  async waitingByStep(scope: TenantScope, id: string): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom('enrollments')
      .select(['nextStep', (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .where('launchId', '=', id)
      .where('status', '=', 'active')
      .where((eb) => partnerOwned(eb, scope, 'enrollments'))
      .groupBy('nextStep')
      .execute();
    return new Map(rows.map((r) => [r.nextStep, r.n]));
  }
}
