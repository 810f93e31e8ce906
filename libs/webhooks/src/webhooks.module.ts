import { Module } from '@nestjs/common';
import { TenancyModule } from '@tcma/tenancy';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Outbound webhooks: endpoints (API), deliveries recorded with their events, sending (worker). */
@Module({
  imports: [TenancyModule],
  providers: [WebhooksRepository, WebhookDispatcher, WebhooksService, WebhookDeliveryService],
  exports: [WebhookDispatcher, WebhooksService, WebhookDeliveryService],
})
export class WebhooksModule {}
