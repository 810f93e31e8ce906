import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { UnauthenticatedError, UnavailableError } from '@tcma/errors';
import { CrmConnectionRow, TenantScope } from '@tcma/persistence';
import { CrmAccess } from './crm-access';
import { CrmAdapters } from './crm-adapters';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { CrmError } from './crm-errors';
import { CrmRevenueRecorder } from './crm-revenue-recorder';
import { CrmRevenueRepository, RevenueBy, RevenueTotal } from './crm-revenue.repository';
import { hubspotSignatureValid } from './hubspot-signature';

/** The most events read from one webhook request (HubSpot sends up to 100). */
export const MAX_CRM_EVENTS = 200;

export interface RevenueInfluenced {
  totals: RevenueTotal[];
  byCampaign: RevenueBy[];
  byPartner: RevenueBy[];
  byProgramme: RevenueBy[];
}

interface HubspotEvent {
  subscriptionType?: unknown;
  portalId?: unknown;
  objectId?: unknown;
}

/**
 * Revenue back from HubSpot's webhooks (CrmRevenueRecorder records it; Salesforce's is polled by
 * CrmRevenuePoll), and what it adds up to.
 */
@Injectable()
export class CrmRevenueService {
  private readonly logger = new Logger(CrmRevenueService.name);

  constructor(
    private readonly connections: CrmConnectionsRepository,
    private readonly revenue: CrmRevenueRepository,
    private readonly recorder: CrmRevenueRecorder,
    private readonly adapters: CrmAdapters,
    private readonly access: CrmAccess,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * HubSpot's webhook: signature v3 checked (401 otherwise), each deal event's deal read back.
   * A CRM that cannot be read answers 503, so HubSpot sends the batch again; what was recorded stays once.
   */
  async hubspotEvents(request: {
    uri: string;
    body: string;
    timestamp: string | undefined;
    signature: string | undefined;
  }): Promise<{ recorded: number }> {
    const secret = this.config.crm.hubspot.clientSecret;
    if (!secret || !hubspotSignatureValid(secret, { method: 'POST', ...request }, this.clock.now().getTime()))
      throw new UnauthenticatedError('The HubSpot signature is missing, stale or wrong');
    let events: HubspotEvent[];
    try {
      const parsed: unknown = JSON.parse(request.body);
      events = Array.isArray(parsed) ? (parsed as HubspotEvent[]).slice(0, MAX_CRM_EVENTS) : [];
    } catch {
      events = [];
    }
    const deals = new Map<string, { portalId: string; dealId: string }>();
    for (const e of events) {
      if (typeof e.subscriptionType !== 'string' || !e.subscriptionType.startsWith('deal.')) continue;
      if (typeof e.portalId !== 'number' && typeof e.portalId !== 'string') continue;
      if (typeof e.objectId !== 'number' && typeof e.objectId !== 'string') continue;
      deals.set(`${e.portalId}:${e.objectId}`, { portalId: String(e.portalId), dealId: String(e.objectId) });
    }
    let recorded = 0;
    for (const { portalId, dealId } of deals.values())
      for (const connection of await this.connections.byAccountForSystem('hubspot', portalId))
        recorded += (await this.readDeal(connection, dealId)) ? 1 : 0;
    return { recorded };
  }

  /** Revenue influenced since `since`: totals per currency, and the top campaigns, partners and programmes. */
  async influenced(scope: TenantScope, since: Date, top: number): Promise<RevenueInfluenced> {
    const [totals, byCampaign, byPartner, byProgramme] = await Promise.all([
      this.revenue.totals(scope, since),
      this.revenue.byCampaign(scope, since, top),
      this.revenue.byPartner(scope, since, top),
      this.revenue.byProgramme(scope, since, top),
    ]);
    return { totals, byCampaign, byPartner, byProgramme };
  }

  ofLaunch(scope: TenantScope, launchId: string): Promise<RevenueTotal[]> {
    return this.revenue.ofLaunch(scope, launchId);
  }

  private async readDeal(connection: CrmConnectionRow, dealId: string): Promise<boolean> {
    // A broken connection cannot read the deal; its owner was told, and connecting again resumes.
    if (connection.status !== 'active') return false;
    const adapter = this.adapters.get(connection.provider);
    try {
      return await this.access.withCall(connection, async (call) => {
        const deal = await adapter.deal(call, dealId);
        return deal?.won ? this.recorder.record(connection, call, deal) : false;
      });
    } catch (e) {
      if (!(e instanceof CrmError)) throw e;
      this.logger.warn(`Reading deal ${dealId} from CRM connection ${connection.id} failed: ${e.message}`);
      throw new UnavailableError('The CRM could not be read; send the events again');
    }
  }
}
