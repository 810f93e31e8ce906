import { Module } from '@nestjs/common';
import { NoticesModule } from '@tcma/notices';
import { TenancyModule } from '@tcma/tenancy';
import { WebhookAttemptsRepository } from './webhook-attempts.repository';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookHealthNotices } from './webhook-health-notices';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/** Outbound webhooks: endpoints (API), deliveries recorded with their events, sending (worker). */
@Module({
  imports: [TenancyModule, NoticesModule],
  providers: [
    WebhooksRepository,
    WebhookAttemptsRepository,
    WebhookDispatcher,
    WebhooksService,
    WebhookDeliveryService,
    WebhookHealthNotices,
  ],
  exports: [WebhookDispatcher, WebhooksService, WebhookDeliveryService],
})
export class WebhooksModule {}
