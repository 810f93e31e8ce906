import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { CrmProvider } from '@tcma/persistence';
import type { CrmAdapter } from './crm-provider';
import { HubspotAdapter } from './hubspot.adapter';
import { SalesforceAdapter } from './salesforce.adapter';

/** The CRMs the engine writes to, by provider. */
@Injectable()
export class CrmAdapters {
  private readonly adapters: Record<CrmProvider, CrmAdapter>;

  constructor(config: AppConfig, clock: Clock) {
    const nowMs = () => clock.now().getTime();
    this.adapters = {
      hubspot: new HubspotAdapter(config.crm, nowMs),
      salesforce: new SalesforceAdapter(config.crm, nowMs),
    };
  }

  get(provider: CrmProvider): CrmAdapter {
    return this.adapters[provider];
  }
}
