import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { WORKER_ID } from '@tcma/fleet';
import { CrmConnectionRow, CrmRecordRow } from '@tcma/persistence';
import { CrmAccess } from './crm-access';
import { CrmAdapters } from './crm-adapters';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { CrmMaybeWritten, CrmRateLimited, CrmRejected, CrmUnauthorized } from './crm-errors';
import { contactProperties } from './crm-fields';
import { CrmRecordsRepository, LeadForCrm, RecordSettlement } from './crm-records.repository';

/** Tries per record before it fails (rate limits waited out do not count). */
export const CRM_MAX_ATTEMPTS = 8;
/** The first retry's wait; each next one doubles, up to an hour. */
const RETRY_BASE_MS = 10_000;
const RETRY_MAX_MS = 3_600_000;
/** How long a record of a broken connection waits before it is looked at again (connecting again makes it due at once). */
const BROKEN_HOLD_MS = 86_400_000;

export type CrmSyncOutcome = 'written' | 'retry' | 'failed' | 'held' | 'skipped';

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
 * Writes one ledger row to its CRM: the contact (found by email, or made; HubSpot answers an
 * existing email with its contact), then the timeline note naming the campaign, step and
 * partner. The row is claimed first and each id kept as soon as it is known, so nothing is
 * written twice: a try after a lost answer (`uncertain`) searches the CRM before writing.
 */
@Injectable()
export class CrmSyncService {
  private readonly logger = new Logger(CrmSyncService.name);

  constructor(
    private readonly records: CrmRecordsRepository,
    private readonly connections: CrmConnectionsRepository,
    private readonly adapters: CrmAdapters,
    private readonly access: CrmAccess,
    private readonly clock: Clock,
  ) {}

  async sync(recordId: string): Promise<CrmSyncOutcome> {
    const record = await this.records.claimForSystem(recordId, WORKER_ID, this.clock.now());
    if (!record) return 'skipped';
    const connection = await this.connections.findForSystem(record.connectionId);
    const lead = await this.records.leadForSystem(record.leadId);
    if (!connection || !lead)
      return this.settle(record, { status: 'failed', lastError: 'The lead or the connection is gone' });
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
        await this.records.writtenForSystem(record.id, WORKER_ID, activityId, this.clock.now());
      });
      return 'written';
    } catch (e) {
      return this.settle(record, this.outcomeOf(record, e as Error), e as Error, connection);
    }
  }

  private outcomeOf(record: CrmRecordRow, e: Error): RecordSettlement {
    const now = this.clock.now().getTime();
    if (e instanceof CrmUnauthorized)
      return { status: 'pending', nextAttemptAt: new Date(now + BROKEN_HOLD_MS), lastError: e.message, uncount: true };
    if (e instanceof CrmRateLimited)
      return {
        status: 'pending',
        nextAttemptAt: new Date(now + e.retryAfterSeconds * 1000),
        lastError: e.message,
        uncount: true,
      };
    if (e instanceof CrmRejected) return { status: 'failed', lastError: e.message };
    if (record.attempts >= CRM_MAX_ATTEMPTS)
      return {
        status: 'failed',
        lastError: `Gave up after ${record.attempts} tries: ${e.message}`,
        uncertain: e instanceof CrmMaybeWritten || record.uncertain,
      };
    const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (record.attempts - 1));
    return {
      status: 'pending',
      nextAttemptAt: new Date(now + wait),
      lastError: e.message,
      ...(e instanceof CrmMaybeWritten ? { uncertain: true } : {}),
    };
  }

  private async settle(
    record: CrmRecordRow,
    settlement: RecordSettlement,
    error?: Error,
    connection?: CrmConnectionRow,
  ): Promise<CrmSyncOutcome> {
    if (error instanceof CrmUnauthorized && connection) await this.access.markBroken(connection, error.message);
    else if (error && !(error instanceof CrmRateLimited)) this.logger.warn(`CRM record ${record.id}: ${error.message}`);
    await this.records.settleForSystem(record.id, WORKER_ID, settlement);
    if (settlement.status === 'failed') return 'failed';
    return error instanceof CrmUnauthorized ? 'held' : 'retry';
  }
}
