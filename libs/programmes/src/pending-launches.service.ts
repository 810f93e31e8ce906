import { Injectable } from '@nestjs/common';
import { ProspectListsService } from '@tcma/audience';
import { Clock } from '@tcma/clock';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { AudienceSpec, Found, PageWindow, PartnerScope, PendingLaunchState } from '@tcma/persistence';
import { Actor, scopeOf } from '@tcma/tenancy';
import { ActionVia, PendingLaunchActionsRepository } from './pending-launch-actions.repository';
import { PendingLaunchesRepository, PendingLaunchView } from './pending-launches.repository';
import { PendingLaunchStarter, StartOutcome } from './pending-launch-starter.service';

export interface PendingLaunchEdit {
  audience?: AudienceSpec;
  slotValues?: Record<string, string>;
  /** Start later (or sooner) than the review period says; never in the past. */
  dueAt?: Date;
}

/** The partner's side of pending launches: see them, edit them, skip them, launch them now. */
@Injectable()
export class PendingLaunchesService {
  constructor(
    private readonly pending: PendingLaunchesRepository,
    private readonly actionLog: PendingLaunchActionsRepository,
    private readonly starter: PendingLaunchStarter,
    private readonly lists: ProspectListsService,
    private readonly clock: Clock,
  ) {}

  list(
    actor: Actor,
    filter: PageWindow & { partnerId?: string; programmeId?: string; states?: PendingLaunchState[] },
  ): Promise<Found<PendingLaunchView>> {
    return this.pending.list(scopeOf(actor, filter.partnerId), filter);
  }

  async get(
    actor: Actor,
    id: string,
  ): Promise<PendingLaunchView & { actions: Array<{ action: string; via: string; userId: string | null; at: Date }> }> {
    const found = await this.find(actor, id);
    return { ...found, actions: await this.actionLog.actions(scopeOf(actor), id) };
  }

  async edit(actor: Actor, id: string, changes: PendingLaunchEdit): Promise<PendingLaunchView> {
    const found = await this.find(actor, id);
    if (changes.dueAt && changes.dueAt.getTime() < this.clock.now().getTime())
      throw new InvalidError('The pending launch cannot be changed', [
        { path: 'dueAt', message: 'must not be in the past' },
      ]);
    if (changes.audience?.type === 'list') await this.lists.get(actor, found.partnerId, changes.audience.listId);
    const scope = new PartnerScope(found.vendorId, found.partnerId);
    const now = this.clock.now();
    if (!(await this.pending.edit(scope, id, changes, now)))
      throw new ConflictError(`The pending launch is already ${found.state}`);
    await this.actionLog.recordAction(scope, id, 'edit', 'portal', actor.userId, now);
    return this.find(actor, id);
  }

  async skip(actor: Actor, id: string, via: ActionVia = 'portal'): Promise<PendingLaunchView> {
    const found = await this.find(actor, id);
    const scope = new PartnerScope(found.vendorId, found.partnerId);
    const now = this.clock.now();
    if (!(await this.pending.close(scope, id, 'skipped', 'partner', now)))
      throw new ConflictError(`The pending launch is already ${found.state}`);
    await this.actionLog.recordAction(scope, id, 'skip', via, actor.userId, now);
    return this.find(actor, id);
  }

  /** Starts it now, as this user; 422 naming what is missing when the partner is not ready (it then waits). */
  async launchNow(actor: Actor, id: string, via: ActionVia = 'portal'): Promise<PendingLaunchView> {
    const found = await this.find(actor, id);
    const outcome: StartOutcome = await this.starter.start(found, actor, via, actor.userId);
    if (outcome.outcome === 'closed')
      throw new ConflictError(`The pending launch is already ${(await this.find(actor, id)).state}`);
    if (outcome.outcome === 'cancelled') throw new ConflictError(`The pending launch was cancelled: ${outcome.reason}`);
    if (outcome.outcome === 'waiting')
      throw new InvalidError(
        'The launch cannot start',
        outcome.missing.map((m) => ({ path: m.path, message: m.message, code: m.code })),
      );
    return this.find(actor, id);
  }

  private async find(actor: Actor, id: string): Promise<PendingLaunchView> {
    const found = await this.pending.find(scopeOf(actor), id);
    if (!found) throw new NotFoundError('Pending launch');
    return found;
  }
}
