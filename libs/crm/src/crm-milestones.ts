import { Injectable } from '@nestjs/common';
import { Tx } from '@tcma/persistence';
import { CrmActivitiesRepository, Milestone } from './crm-activities.repository';
import { CrmQueue } from './crm-queue';

/**
 * Engagement milestones' hand-off to CRMs: recorded in the transaction that judges their events
 * (so a milestone is recorded once, whichever worker judges it, and none for a batch rolled
 * back), queued once that has committed.
 */
@Injectable()
export class CrmMilestones {
  constructor(
    private readonly activities: CrmActivitiesRepository,
    private readonly queue: CrmQueue,
  ) {}

  /** The milestones' activities (one statement), in the judge's transaction: their ids. */
  recordForSystem(milestones: Milestone[], now: Date, tx: Tx): Promise<string[]> {
    return this.activities.recordMilestonesForSystem(milestones, now, tx);
  }

  async dispatch(activityIds: string[]): Promise<void> {
    if (activityIds.length) await this.queue.dispatch(activityIds, 'crmActivities');
  }
}
