import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { WORKER_ID } from '@tcma/fleet';
import { CrmAccess } from './crm-access';
import { CrmActivitiesRepository } from './crm-activities.repository';
import { CrmAdapters } from './crm-adapters';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { contactProperties } from './crm-fields';
import { CrmOutcomes, CrmSyncOutcome } from './crm-outcomes';
import { CrmQueue } from './crm-queue';
import { CrmRecordsRepository, LeadForCrm } from './crm-records.repository';

/** The note's words (in the CRM, read by the partner's salespeople; English, as the CRM's own are). */
function activityOf(lead: LeadForCrm, leadId: string) {
  const step = lead.step === null ? '' : `, after email step ${lead.step + 1}`;
  return {
    marker: `tcma-lead-${leadId}`,
    title: `Lead from the campaign “${lead.campaignName}”`,
    body: `${lead.email} filled in the form of “${lead.campaignName}” (partner: ${lead.partnerName}${step}) on ${lead.createdAt instanceof Date ? lead.createdAt.toISOString() : new Date(lead.createdAt).toISOString()}.`,
    at: new Date(lead.createdAt),
  };
}

/**
 * Writes one lead's ledger row to its CRM: the contact (found by email, or made; HubSpot answers
 * an existing email with its contact), then the timeline note naming the campaign, step and
 * partner; then the lead's milestones that waited for the contact are queued. The row is claimed
 * first and each id kept as soon as it is known, so nothing is written twice: a try after a lost
 * answer (`uncertain`) searches the CRM before writing. A failed call is settled by CrmOutcomes.
 */
@Injectable()
export class CrmSyncService {
  constructor(
    private readonly records: CrmRecordsRepository,
    private readonly activities: CrmActivitiesRepository,
    private readonly connections: CrmConnectionsRepository,
    private readonly adapters: CrmAdapters,
    private readonly access: CrmAccess,
    private readonly outcomes: CrmOutcomes,
    private readonly queue: CrmQueue,
    private readonly clock: Clock,
  ) {}

  async sync(recordId: string): Promise<CrmSyncOutcome> {
    const record = await this.records.claims.claimForSystem(recordId, WORKER_ID, this.clock.now());
    if (!record) return 'skipped';
    const connection = await this.connections.findForSystem(record.connectionId);
    const lead = await this.records.leadForSystem(record.leadId);
    if (!connection || !lead)
      return this.outcomes.settle(this.records.claims, record, {
        status: 'failed',
        lastError: 'The lead or the connection is gone',
      });
    const adapter = this.adapters.get(connection.provider);
    // Kept across a second run after a refresh (withCall): the contact made is not made again.
    let contactId = record.crmContactId;
    try {
      await this.access.withCall(connection, async (call) => {
        if (contactId === null) {
          if (record.uncertain) contactId = await adapter.findContact(call, lead.email);
          contactId ??= await adapter.createContact(
            call,
            contactProperties(lead, connection.provider, connection.fieldMapping),
          );
          await this.records.saveContactForSystem(record.id, WORKER_ID, contactId);
        }
        const activity = activityOf(lead, record.leadId);
        let activityId = record.uncertain ? await adapter.findActivity(call, contactId, activity.marker) : null;
        activityId ??= await adapter.createActivity(call, contactId, activity);
        await this.records.claims.writtenForSystem(record.id, WORKER_ID, activityId, this.clock.now());
      });
    } catch (e) {
      return this.outcomes.failed(this.records.claims, record, e as Error, connection);
    }
    // The milestones that waited for the contact go on it now.
    await this.queue.dispatch(
      (await this.activities.releaseWaitingForSystem(record.id, this.clock.now())).map((a) => a.id),
      'crmActivities',
    );
    return 'written';
  }
}
