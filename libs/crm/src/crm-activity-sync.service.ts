import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { WORKER_ID } from '@tcma/fleet';
import { CrmAccess } from './crm-access';
import { CrmActivitiesRepository } from './crm-activities.repository';
import { milestoneActivity } from './crm-activity-words';
import { CrmAdapters } from './crm-adapters';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { BROKEN_HOLD_MS, CrmOutcomes, CrmSyncOutcome } from './crm-outcomes';

/**
 * How long a milestone waits for its lead's contact before it looks again (writing the lead
 * makes it due at once: this is the safety net).
 */
const CONTACT_WAIT_MS = 60_000;

/**
 * Writes one engagement milestone (a row of `crm_activities`) to its CRM as a timeline activity
 * on the contact of its lead's record: a HubSpot note, a Salesforce Task. Claimed first and
 * settled as a lead is (CrmOutcomes); after a lost answer (`uncertain`) the CRM is searched for
 * the activity's marker before anything is written, so none is written twice.
 */
@Injectable()
export class CrmActivitySyncService {
  constructor(
    private readonly activities: CrmActivitiesRepository,
    private readonly connections: CrmConnectionsRepository,
    private readonly adapters: CrmAdapters,
    private readonly access: CrmAccess,
    private readonly outcomes: CrmOutcomes,
    private readonly clock: Clock,
  ) {}

  async sync(activityId: string): Promise<CrmSyncOutcome> {
    const claims = this.activities.claims;
    const row = await claims.claimForSystem(activityId, WORKER_ID, this.clock.now());
    if (!row) return 'skipped';
    const connection = await this.connections.findForSystem(row.connectionId);
    const facts = await this.activities.activityForSystem(row.id);
    if (!connection || !facts)
      return this.outcomes.settle(claims, row, { status: 'failed', lastError: 'The lead or the connection is gone' });
    const contactId = facts.contactId;
    if (contactId === null) {
      // The lead is not in the CRM yet: the milestone waits for its contact, counting no try
      // (a failed lead waits for its partner's retry, which writes it and so makes this due).
      const now = this.clock.now().getTime();
      const until =
        facts.recordStatus === 'failed'
          ? now + BROKEN_HOLD_MS
          : Math.max(now, new Date(facts.recordDueAt).getTime()) + CONTACT_WAIT_MS;
      return this.outcomes.settle(claims, row, {
        status: 'pending',
        nextAttemptAt: new Date(until),
        lastError: 'Waiting for its lead to be written',
        uncount: true,
      });
    }
    const activity = milestoneActivity({ ...row, ...facts });
    const adapter = this.adapters.get(connection.provider);
    try {
      await this.access.withCall(connection, async (call) => {
        let written = row.uncertain ? await adapter.findActivity(call, contactId, activity.marker) : null;
        written ??= await adapter.createActivity(call, contactId, activity);
        await claims.writtenForSystem(row.id, WORKER_ID, written, this.clock.now());
      });
      return 'written';
    } catch (e) {
      return this.outcomes.failed(claims, row, e as Error, connection);
    }
  }
}
