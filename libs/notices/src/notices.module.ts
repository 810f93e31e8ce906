import { Module } from '@nestjs/common';
import { DeliveryModule } from '@tcma/delivery';
import { TenancyModule } from '@tcma/tenancy';
import { NoticeMailer } from './notice-mailer';

/** The engine's transactional email on a vendor's behalf (invitations, password resets). */
@Module({
  imports: [DeliveryModule, TenancyModule],
  providers: [NoticeMailer],
  exports: [NoticeMailer],
})
export class NoticesModule {}
