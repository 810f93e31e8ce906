import { PartnerScope } from '@tcma/persistence';
import { WebhookDispatcher, WebhooksService } from '@tcma/webhooks';
import type { INestApplicationContext } from '@nestjs/common';
import { ServiceTenants } from '../factories/service-tenants.factory';

/**
 * A new vendor and partner, the vendor's endpoint at `endpointUrl` for `lead_created`, and
 * `count` deliveries recorded for it (not yet queued): their ids, in order.
 */
export async function recordedDeliveries(
  app: INestApplicationContext,
  endpointUrl: string,
  count: number,
): Promise<string[]> {
  const tenants = new ServiceTenants(app);
  const vendor = await tenants.vendor();
  const partner = await tenants.partner(vendor);
  await app.get(WebhooksService).register(vendor.admin, { url: endpointUrl, eventTypes: ['lead_created'] });
  const dispatcher = app.get(WebhookDispatcher);
  const scope = new PartnerScope(vendor.vendorId, partner.partnerId);
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(...(await dispatcher.record(scope, 'lead_created', { leadId: `lead-${i}` }, new Date(), false)));
  return ids;
}
