import { Injectable } from '@nestjs/common';
import { CampaignsRepository } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { textBlockHtml } from '@tcma/cobrand';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { LaunchRow, PartnerScope, Transactions } from '@tcma/persistence';
import { Actor, scopeOf } from '@tcma/tenancy';
import { LaunchNotices } from './launch-notices.service';
import { LaunchesRepository } from './launches.repository';
import { LaunchesService } from './launches.service';
import { textHash } from './text-block-approval';

/** The longest comment an approver may return a launch with. */
export const RETURN_COMMENT_MAX = 2000;

/** One editable block's text as the approver reads it. */
export interface BlockForApproval {
  slot: string;
  label: string | null;
  text: string;
  /** The text as it is sent (the same rendering as the email's), for the approver to read. */
  html: string;
  allowLinks: boolean;
}

/** A launch waiting for the vendor's approval of its editable blocks. */
export interface WaitingLaunchApproval {
  launchId: string;
  partnerId: string;
  partnerName: string;
  campaignId: string;
  campaignName: string;
  version: number;
  createdAt: Date;
  startAt: Date;
  blocks: BlockForApproval[];
}

/**
 * The vendor's side of a partner's own words: the launches whose editable block waits for an
 * approver, and the approver's decision. Approving remembers each text (approved_text_blocks)
 * and starts the launch from the approval (or its own later start); returning ends it with a
 * comment the partner reads, and nothing is sent. Either way the partner's user who launched is
 * emailed the decision once it has committed (LaunchNotices).
 */
@Injectable()
export class LaunchApprovalsService {
  constructor(
    private readonly launches: LaunchesRepository,
    private readonly launchesService: LaunchesService,
    private readonly campaigns: CampaignsRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly notices: LaunchNotices,
  ) {}

  async waiting(actor: Actor): Promise<{ items: WaitingLaunchApproval[]; total: number }> {
    const scope = scopeOf(actor);
    const rows = await this.launches.awaitingApproval(scope);
    const items: WaitingLaunchApproval[] = [];
    for (const row of rows) {
      const version = await this.campaigns.findVersion(scope, row.campaignId, row.version);
      const slots = new Map((version?.content.slots ?? []).map((s) => [s.name, s]));
      items.push({
        launchId: row.id,
        partnerId: row.partnerId,
        partnerName: row.partnerName,
        campaignId: row.campaignId,
        campaignName: row.campaignName,
        version: row.version,
        createdAt: row.createdAt,
        startAt: row.startAt,
        blocks: (row.approvalSlots ?? []).map((name) => {
          const slot = slots.get(name);
          const text = row.slotValues[name] ?? '';
          return {
            slot: name,
            label: slot?.label ?? null,
            text,
            html: textBlockHtml(text, { links: !!slot?.allowLinks }),
            allowLinks: !!slot?.allowLinks,
          };
        }),
      });
    }
    return { items, total: items.length };
  }

  /** Approves every waiting block's text, remembers it, and starts the launch from now (or its later start). */
  async approve(actor: Actor, id: string): Promise<LaunchRow> {
    const scope = scopeOf(actor);
    const launch = await this.waitingLaunch(actor, id);
    const now = this.clock.now();
    const startAt = launch.startAt.getTime() > now.getTime() ? launch.startAt : now;
    const started = await this.transactions.run(async (tx) => {
      const moved = await this.launches.decide(scope, id, { to: 'enrolling', by: actor.userId, at: now, startAt }, tx);
      if (!moved) return null;
      await this.launches.rememberApproved(
        new PartnerScope(launch.vendorId, launch.partnerId),
        (launch.approvalSlots ?? []).map((slotName) => ({
          campaignId: launch.campaignId,
          slotName,
          textHash: textHash(launch.slotValues[slotName] ?? ''),
          text: launch.slotValues[slotName] ?? '',
          launchId: launch.id,
          approvedBy: actor.userId,
          approvedAt: now,
        })),
        tx,
      );
      return moved;
    });
    if (!started) throw new ConflictError('The launch is no longer waiting for an approval');
    // Told before its enrollment is queued, so the reply still shows the launch as approved
    // (enrolling), not as far as the worker got meanwhile; a process that dies in between leaves
    // it enrolling, and the nurture sweep queues it.
    await this.notices.tellPartner(started);
    await this.launchesService.enroll(started);
    return started;
  }

  /** Returns the launch to the partner with a comment: it never starts, and nothing is sent. */
  async return(actor: Actor, id: string, comment: string): Promise<LaunchRow> {
    const trimmed = comment.trim();
    if (!trimmed) throw new InvalidError('A comment is needed', [{ path: 'comment', message: 'must not be empty' }]);
    if (trimmed.length > RETURN_COMMENT_MAX)
      throw new InvalidError('The comment is too long', [
        { path: 'comment', message: `must be at most ${RETURN_COMMENT_MAX} characters` },
      ]);
    await this.waitingLaunch(actor, id);
    const returned = await this.transactions.run((tx) =>
      this.launches.decide(
        scopeOf(actor),
        id,
        { to: 'returned', by: actor.userId, at: this.clock.now(), comment: trimmed },
        tx,
      ),
    );
    if (!returned) throw new ConflictError('The launch is no longer waiting for an approval');
    await this.notices.tellPartner(returned);
    return returned;
  }

  private async waitingLaunch(actor: Actor, id: string): Promise<LaunchRow> {
    const launch = await this.launches.find(scopeOf(actor), id);
    if (!launch) throw new NotFoundError('Launch');
    if (launch.status !== 'awaiting_approval') throw new ConflictError('The launch is not waiting for an approval');
    return launch;
  }
}
