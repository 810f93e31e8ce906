import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { CRM_PROVIDERS, CrmConnectionRow } from '@tcma/persistence';
import { CrmAccess } from './crm-access';
import { CrmAdapters } from './crm-adapters';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { CrmError, CrmUnauthorized } from './crm-errors';
import { CrmRevenueRecorder } from './crm-revenue-recorder';

/** Won deals read per connection and poll (the SOQL LIMIT); more are read at the next sweep, from the mark. */
export const CRM_POLL_BATCH = 200;
/** Connections polled per sweep; the others, longest waiting first, at the next. */
const CONNECTIONS_PER_SWEEP = 50;

/**
 * Revenue back from CRMs with no webhook for won deals (Salesforce), run by the sweep role: each
 * working connection at most every CRM_REVENUE_POLL_MINUTES reads the won deals modified after
 * its high-water mark, records those sold to its leads (CrmRevenueRecorder: once per deal) and
 * moves the mark to the last one read. A failure leaves the mark, so the next poll reads them again.
 */
@Injectable()
export class CrmRevenuePoll {
  private readonly logger = new Logger(CrmRevenuePoll.name);

  constructor(
    private readonly connections: CrmConnectionsRepository,
    private readonly adapters: CrmAdapters,
    private readonly access: CrmAccess,
    private readonly recorder: CrmRevenueRecorder,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The deals recorded by this poll. */
  async poll(): Promise<number> {
    const now = this.clock.now();
    const dueBefore = new Date(now.getTime() - this.config.crm.revenuePollMs);
    const polled = CRM_PROVIDERS.filter((p) => this.adapters.get(p).wonDealsSince !== undefined);
    let recorded = 0;
    for (const connection of await this.connections.duePollForSystem(polled, dueBefore, CONNECTIONS_PER_SWEEP)) {
      if (!(await this.connections.claimPollForSystem(connection.id, now, dueBefore))) continue;
      try {
        recorded += await this.pollOne(connection);
      } catch (e) {
        if (!(e instanceof CrmError)) throw e;
        // A refused refresh broke it already; a 401 with a fresh token breaks it here.
        if (e instanceof CrmUnauthorized) await this.access.markBroken(connection, e.message);
        this.logger.warn(`Polling won deals of CRM connection ${connection.id} failed: ${e.message}`);
      }
    }
    return recorded;
  }

  private pollOne(connection: CrmConnectionRow): Promise<number> {
    const adapter = this.adapters.get(connection.provider);
    // The mark starts at the connection (crm-connections.repository upsert): deals modified
    // before it cannot have been sold to a lead the engine wrote there.
    const after = connection.revenueMark
      ? { at: new Date(connection.revenueMark), id: connection.revenueMarkId }
      : { at: new Date(connection.createdAt), id: null };
    return this.access.withCall(connection, async (call) => {
      const { deals, mark } = await adapter.wonDealsSince!(call, after, CRM_POLL_BATCH);
      let recorded = 0;
      for (const deal of deals) if (deal.won && (await this.recorder.record(connection, call, deal))) recorded += 1;
      if (mark) await this.connections.advanceRevenueMarkForSystem(connection.id, mark);
      // A full page leaves more behind: they are read at the next sweep rather than in CRM_REVENUE_POLL_MINUTES.
      if (deals.length >= CRM_POLL_BATCH) await this.connections.pollAgainForSystem(connection.id);
      return recorded;
    });
  }
}
