import { Module } from '@nestjs/common';
import { BrandKitsModule } from '@tcma/brand-kits';
import { DeliveryModule } from '@tcma/delivery';
import { NoticesModule } from '@tcma/notices';
import { TenancyModule } from '@tcma/tenancy';
import { PartnerSendersService } from './partner-senders.service';
import { SenderConfirmationsService } from './sender-confirmations.service';

/** Partners' own sender identities: whether they may be used, and the confirmation of their addresses. */
@Module({
  imports: [TenancyModule, BrandKitsModule, DeliveryModule, NoticesModule],
  providers: [PartnerSendersService, SenderConfirmationsService],
  exports: [PartnerSendersService, SenderConfirmationsService],
})
export class SendersModule {}
