import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig, crashPoint } from '@tcma/config';
import { InvalidError, NotFoundError } from '@tcma/errors';
import { LaunchesService, PreparedLaunch, ReadinessCode } from '@tcma/launches';
import { MissingItem, PartnerScope, Transactions, Tx } from '@tcma/persistence';
import { SocialPostsService } from '@tcma/social-posts';
import { Actor } from '@tcma/tenancy';
import { ActionVia, PendingLaunchActionsRepository } from './pending-launch-actions.repository';
import { PendingLaunchesRepository, PendingLaunchView } from './pending-launches.repository';
import { nextSocialPostingTime } from './social-posting-time';
import { SubscriptionsRepository } from './subscriptions.repository';

/** A pending launch waiting for readiness is checked again this often. */
export const READINESS_RECHECK_MS = 3_600_000;

/**
 * Brand-kit items a programme waits for even though a launch by hand would go without them: an
 * automatic launch in the partner's name must carry its logo, address and sender.
 */
const PROGRAMME_WAITS_FOR: ReadonlySet<ReadinessCode> = new Set<ReadinessCode>([
  'brand_kit.logo_missing',
  'brand_kit.address_missing',
  'brand_kit.sender_missing',
]);

export type StartOutcome =
  | { outcome: 'started'; launchId: string }
  | { outcome: 'waiting'; missing: MissingItem[] }
  | { outcome: 'closed' }
  | { outcome: 'cancelled'; reason: string };

/**
 * Turns a pending launch into a launch through the launch service (the same checks, the same
 * enrollment), or makes it wait with what is missing. Whoever moves it out of its open state
 * first (the sweep, an email's button, the portal) starts it; the others find it closed.
 */
@Injectable()
export class PendingLaunchStarter {
  private readonly logger = new Logger(PendingLaunchStarter.name);

  constructor(
    private readonly pending: PendingLaunchesRepository,
    private readonly actionLog: PendingLaunchActionsRepository,
    private readonly launches: LaunchesService,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly socialPosts: SocialPostsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** What the partner is missing for this pending launch (readiness of the launch check, plus the programme's brand items). */
  async missing(pl: PendingLaunchView, actor: Actor): Promise<MissingItem[] | { unavailable: string }> {
    try {
      const readiness = await this.launches.readiness(actor, pl.partnerId, pl.campaignId, pl.version, pl.slotValues);
      return readiness.items
        .filter((i) => i.blocking || PROGRAMME_WAITS_FOR.has(i.code))
        .map(({ code, path, message }) => ({ code, path, message }));
    } catch (e) {
      if (e instanceof NotFoundError) return { unavailable: 'the campaign is no longer offered to this partner' };
      throw e;
    }
  }

  /**
   * Starts it now as `actor` (recorded with `via`), or records what it waits for. A campaign no
   * longer offered to the partner (archived, no longer eligible) cancels it.
   */
  async start(
    pl: PendingLaunchView,
    actor: Actor,
    via: ActionVia,
    recordedUserId: string | null,
  ): Promise<StartOutcome> {
    const scope = new PartnerScope(pl.vendorId, pl.partnerId);
    const now = this.clock.now();
    const missing = await this.missing(pl, actor);
    if (!Array.isArray(missing)) {
      if (await this.pending.close(scope, pl.id, 'cancelled', 'campaign_unavailable', now))
        await this.actionLog.recordAction(scope, pl.id, 'cancel', 'system', null, now);
      return { outcome: 'cancelled', reason: missing.unavailable };
    }
    if (missing.length) {
      await this.pending.waitForReadiness(scope, pl.id, missing, new Date(now.getTime() + READINESS_RECHECK_MS), now);
      return { outcome: 'waiting', missing };
    }
    let prepared: PreparedLaunch;
    try {
      prepared = await this.launches.prepare(actor, {
        campaignId: pl.campaignId,
        partnerId: pl.partnerId,
        version: pl.version,
        audience: pl.audience,
        slotValues: pl.slotValues,
      });
    } catch (e) {
      // Refused after all (the brand kit changed meanwhile, the list was deleted): waiting, saying why.
      const problems = e instanceof InvalidError ? e.problems : [{ path: 'launch', message: (e as Error).message }];
      const items = problems.map((p) => ({ code: p.code ?? 'launch.refused', path: p.path, message: p.message }));
      await this.pending.waitForReadiness(scope, pl.id, items, new Date(now.getTime() + READINESS_RECHECK_MS), now);
      this.logger.warn(
        `Pending launch ${pl.id} could not start: ${items.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      );
      return { outcome: 'waiting', missing: items };
    }
    // Marked started, its launch and its social post written together: a process that dies in
    // between leaves it open (the next sweep starts it), and the launch's unique pending launch id
    // refuses a second. The enrollment is queued after the commit; a process that dies before
    // leaves the launch enrolling, and the nurture sweep queues it again.
    const launch = await this.transactions.run(async (tx) => {
      if (!(await this.pending.close(scope, pl.id, 'started', null, now, tx))) return null;
      crashPoint(this.config, 'programmes.pending-launch-marked-started');
      const written = await this.launches.insert(prepared, { tx, pendingLaunchId: pl.id });
      await this.pending.setLaunch(scope, pl.id, written.id, now, tx);
      await this.actionLog.recordAction(
        scope,
        pl.id,
        via === 'system' ? 'auto_start' : 'launch',
        via,
        recordedUserId,
        now,
        tx,
      );
      await this.schedulePost(scope, pl, written.id, now, tx);
      return written;
    });
    if (!launch) return { outcome: 'closed' };
    crashPoint(this.config, 'programmes.launch-started-before-enroll');
    await this.launches.enroll(launch);
    return { outcome: 'started', launchId: launch.id };
  }

  /**
   * The subscription's social networks get the campaign's social post at the subscription's next
   * local posting time (never fails the launch): a launch that starts at 03:00 when its review
   * period ends posts when the partner's audience reads. Written in the launch's transaction: a
   * refusal (no social asset, a missing slot) leaves the launch without a post; a failed write
   * fails the start, which the next sweep tries again.
   */
  private async schedulePost(
    scope: PartnerScope,
    pl: PendingLaunchView,
    launchId: string,
    now: Date,
    tx: Tx,
  ): Promise<void> {
    const subscription = await this.subscriptions.find(scope, pl.subscriptionId);
    if (!subscription?.socialNetworks.length) return;
    await this.socialPosts.scheduleForProgramme({
      tx,
      vendorId: pl.vendorId,
      partnerId: pl.partnerId,
      campaignId: pl.campaignId,
      pendingLaunchId: pl.id,
      launchId,
      networks: subscription.socialNetworks,
      accounts: subscription.socialAccounts,
      slotValues: pl.slotValues,
      dueAt: (timeZone) =>
        nextSocialPostingTime(
          now,
          { time: subscription.socialPostTime, weekdaysOnly: subscription.socialPostWeekdaysOnly },
          timeZone,
        ),
    });
  }
}
