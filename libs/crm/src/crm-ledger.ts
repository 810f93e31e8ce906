import { Injectable } from '@nestjs/common';
import { PartnerScope, Tx } from '@tcma/persistence';
import { CrmQueue } from './crm-queue';
import { CrmRecordsRepository, LeadHandOff } from './crm-records.repository';

/**
 * A lead's hand-off to CRMs: recorded in the transaction that captures the lead (so none is lost
 * and none is written for a lead rolled back), queued once it has committed.
 */
@Injectable()
export class CrmLedger {
  constructor(
    private readonly records: CrmRecordsRepository,
    private readonly queue: CrmQueue,
  ) {}

  /** The leads' hand-offs (one statement), in their transaction. */
  record(scope: PartnerScope, leads: LeadHandOff[], at: Date, tx: Tx): Promise<string[]> {
    return this.records.recordLeads(scope, leads, at, tx);
  }

  async dispatch(recordIds: string[]): Promise<void> {
    if (recordIds.length) await this.queue.dispatch(recordIds);
  }
}
