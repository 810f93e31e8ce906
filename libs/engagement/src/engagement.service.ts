import { Injectable, Logger } from '@nestjs/common';
import { AnalyticsRollupRepository } from '@tcma/analytics';
import { CrmMilestones } from '@tcma/crm';
import { EnrollmentExits } from '@tcma/nurture';
import { judgeHits, SETTLE_MS } from '@tcma/tracking';
import { Transactions, Tx } from '@tcma/persistence';
import { WebhookDispatcher } from '@tcma/webhooks';
import { EngagementRepository, PendingEvent } from './engagement.repository';
import { milestonesOf } from './milestones';

/** Events judged per transaction. */
const BATCH = 2000;

export interface EngagementResult {
  judged: number;
  machine: number;
  exited: number;
}

/**
 * Turns raw events into facts, in bulk; opens and clicks a few seconds late (SETTLE_MS) so a
 * scanner's burst is seen whole, sends and the other facts at once (a dashboard open during a
 * launch shows its sends at the next run): flags machine opens and clicks, marks each send's first human open
 * and click (the unique counts), takes prospects who clicked the exit link out of their
 * sequence, records the engagement milestones the prospects' CRMs get (CrmMilestones), and folds
 * everything into the daily rollups, all in one transaction per batch: an event is counted once,
 * whichever worker judges it.
 */
@Injectable()
export class EngagementService {
  private readonly logger = new Logger(EngagementService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly engagement: EngagementRepository,
    private readonly exits: EnrollmentExits,
    private readonly rollups: AnalyticsRollupRepository,
    private readonly webhooks: WebhookDispatcher,
    private readonly milestones: CrmMilestones,
  ) {}

  async process(now: Date): Promise<EngagementResult> {
    const total: EngagementResult = { judged: 0, machine: 0, exited: 0 };
    for (;;) {
      const { deliveries, activities, ...result } = await this.transactions.run((tx) => this.batch(tx, now));
      await this.webhooks.dispatch(deliveries);
      await this.milestones.dispatch(activities);
      total.judged += result.judged;
      total.machine += result.machine;
      total.exited += result.exited;
      if (result.judged < BATCH) break;
    }
    if (total.judged)
      this.logger.log(
        `Judged ${total.judged} events (${total.machine} machine); ${total.exited} prospects left a sequence on a click`,
      );
    return total;
  }

  private async batch(tx: Tx, now: Date): Promise<EngagementResult & { deliveries: string[]; activities: string[] }> {
    const events = await this.engagement.claimPendingForSystem(
      tx,
      { now, settledBefore: new Date(now.getTime() - SETTLE_MS) },
      BATCH,
    );
    if (!events.length) return { judged: 0, machine: 0, exited: 0, deliveries: [], activities: [] };
    const engagements = events.filter((e) => (e.type === 'opened' || e.type === 'clicked') && e.sendId);
    const { hits, sentAt } = await this.engagement.hitsOfForSystem(tx, [...new Set(engagements.map((e) => e.sendId!))]);
    const machine = new Map<string, string | null>();
    for (const [sendId, list] of hits)
      for (const [id, reason] of judgeHits(list, sentAt.get(sendId) ?? null)) machine.set(id, reason);

    const human = engagements.filter((e) => !machine.get(e.id));
    const counted = new Set<string>();
    for (const type of ['opened', 'clicked'] as const) {
      const firsts = firstPerSend(human.filter((e) => e.type === type));
      const set = await this.engagement.markFirstForSystem(
        tx,
        type === 'opened' ? 'openedAt' : 'clickedAt',
        firsts.map((e) => ({ sendId: e.sendId!, at: e.at })),
      );
      for (const e of firsts) if (set.has(e.sendId!)) counted.add(e.id);
    }
    // A person who clicked has read the email, even when its images (the open pixel) stayed
    // off: as mail tools do, the first such click also counts as the send's open, recorded as
    // an open event of its own ("implied"), only where no open was seen.
    const firstClicks = firstPerSend(human.filter((e) => e.type === 'clicked'));
    const opensImplied = await this.engagement.markFirstForSystem(
      tx,
      'openedAt',
      firstClicks.map((e) => ({ sendId: e.sendId!, at: e.at })),
    );
    const implied = await this.engagement.recordImpliedOpensForSystem(
      tx,
      firstClicks.filter((e) => opensImplied.has(e.sendId!)).map((e) => ({ sendId: e.sendId!, at: e.at })),
      now,
    );
    const exited = await this.exits.onClicksForSystem(
      human
        .filter((e) => e.type === 'clicked' && e.linkName)
        .map((e) => ({ sendId: e.sendId!, linkName: e.linkName! })),
      tx,
    );
    // Before this batch is marked judged: an earlier batch's landing-page visits are the judged ones.
    const pageVisited = await this.engagement.pageVisitedForSystem(tx, [
      ...new Set(human.filter((e) => e.type === 'clicked').map((e) => e.sendId!)),
    ]);
    const activities = await this.milestones.recordForSystem(
      milestonesOf({ events, human, counted, pageVisited }),
      now,
      tx,
    );

    await this.engagement.markJudgedForSystem(
      tx,
      events.map((e) => ({
        id: e.id,
        at: e.at,
        machine: machine.get(e.id) ?? null,
        counted: e.type === 'opened' || e.type === 'clicked' ? counted.has(e.id) : true,
      })),
      now,
    );
    // Implied opens happen at their clicks' times: inside the batch's span.
    const times = events.map((e) => e.at.getTime());
    await this.rollups.addEventsForSystem([...events.map((e) => e.id), ...implied], tx, {
      from: new Date(Math.min(...times)),
      to: new Date(Math.max(...times)),
    });
    // Webhooks hear of each event once, here, where it is judged: a machine's click is no click.
    const deliveries = await this.webhooks.recordEventsForSystem(
      events.filter((e) => !machine.get(e.id)),
      tx,
    );
    return {
      judged: events.length,
      machine: engagements.filter((e) => machine.get(e.id)).length,
      exited: exited.length,
      deliveries,
      activities,
    };
  }
}

/** The earliest event of each send. */
function firstPerSend(events: PendingEvent[]): PendingEvent[] {
  const first = new Map<string, PendingEvent>();
  for (const e of events) {
    const seen = first.get(e.sendId!);
    if (!seen || e.at < seen.at) first.set(e.sendId!, e);
  }
  return [...first.values()];
}
