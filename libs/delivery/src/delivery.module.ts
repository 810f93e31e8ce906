import { Module } from '@nestjs/common';
import { CampaignsModule } from '@tcma/campaigns';
import { TenancyModule } from '@tcma/tenancy';
import { SendingDnsCheckService } from './dns/sending-dns-check.service';
import { TxtResolver } from './dns/txt-resolver';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { RateLimiter } from './rate-limiter';
import { SendingConfigsRepository } from './sending-configs.repository';
import { SendingConfigsService } from './sending-configs.service';
import { SuppressionsRepository } from './suppressions.repository';
import { SuppressionsService } from './suppressions.service';
import { TransportRegistry } from './transport-registry';
import { PreferenceLinks } from './preference-links';
import { UnsubscribeLinks } from './unsubscribe-links';

/** Getting messages out: transports, the outbox, sender rates, suppressions, unsubscribe links. */
@Module({
  imports: [TenancyModule, CampaignsModule],
  providers: [
    OutboxRepository,
    OutboxService,
    RateLimiter,
    SendingConfigsRepository,
    SendingConfigsService,
    SuppressionsRepository,
    SuppressionsService,
    TransportRegistry,
    UnsubscribeLinks,
    PreferenceLinks,
    TxtResolver,
    SendingDnsCheckService,
  ],
  exports: [
    OutboxService,
    RateLimiter,
    SendingConfigsService,
    SendingDnsCheckService,
    TxtResolver,
    SuppressionsRepository,
    SuppressionsService,
    TransportRegistry,
    UnsubscribeLinks,
    PreferenceLinks,
  ],
})
export class DeliveryModule {}
