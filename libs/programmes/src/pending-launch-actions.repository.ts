import { Injectable } from '@nestjs/common';
import { Database, executorOf, partnerOwned, TenantScope, Tx } from '@tcma/persistence';

export type PendingAction = 'launch' | 'skip' | 'edit' | 'auto_start' | 'cancel';
export type ActionVia = 'email' | 'portal' | 'system';

/** The record of who acted on a pending launch, how and when, shown with it in the portal. */
@Injectable()
export class PendingLaunchActionsRepository {
  constructor(private readonly db: Database) {}

  /** Who did what, when, and how; `userId` null for the system. */
  async recordAction(
    scope: TenantScope,
    id: string,
    action: PendingAction,
    via: ActionVia,
    userId: string | null,
    at: Date,
    tx?: Tx,
  ): Promise<void> {
    await executorOf(this.db, tx)
      .insertInto('pendingLaunchActions')
      .columns(['pendingLaunchId', 'action', 'via', 'userId', 'at'])
      .expression((eb) =>
        eb
          .selectFrom('pendingLaunches as pl')
          .select([
            'pl.id',
            eb.val(action).as('action'),
            eb.val(via).as('via'),
            eb.val(userId).as('userId'),
            eb.val(at).as('at'),
          ])
          .where('pl.id', '=', id)
          .where((w) => partnerOwned(w, scope, 'pl')),
      )
      .execute();
  }

  async actions(
    scope: TenantScope,
    id: string,
  ): Promise<Array<{ action: string; via: string; userId: string | null; at: Date }>> {
    return this.db
      .selectFrom('pendingLaunchActions as a')
      .innerJoin('pendingLaunches as pl', 'pl.id', 'a.pendingLaunchId')
      .select(['a.action', 'a.via', 'a.userId', 'a.at'])
      .where('pl.id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'pl'))
      .orderBy('a.id')
      .execute();
  }
}
