import { Module } from '@nestjs/common';
import { DeliveryModule } from '@tcma/delivery';
import { TenancyModule } from '@tcma/tenancy';
import { VendorBrandsModule } from '@tcma/vendor-brands';
import { NoticeMailer } from './notice-mailer';

/** The engine's transactional email on a vendor's behalf (invitations, password resets). */
@Module({
  imports: [DeliveryModule, TenancyModule, VendorBrandsModule],
  providers: [NoticeMailer],
  exports: [NoticeMailer],
})
export class NoticesModule {}
