import { Module } from '@nestjs/common';
import { DeliveryModule } from '@tcma/delivery';
import { LaunchesModule } from '@tcma/launches';
import { NoticesModule } from '@tcma/notices';
import { PreviewsModule } from '@tcma/rendering';
import { TenancyModule } from '@tcma/tenancy';
import { ReminderTokens } from './reminder-tokens';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { VendorHomeRepository } from './vendor-home.repository';
import { VendorHomeService } from './vendor-home.service';

/** The vendor home: the network at a glance, from the counts the other libs keep, and its reminders. */
@Module({
  imports: [TenancyModule, DeliveryModule, PreviewsModule, LaunchesModule, NoticesModule],
  providers: [VendorHomeRepository, VendorHomeService, RemindersRepository, RemindersService, ReminderTokens],
  exports: [VendorHomeService, RemindersService],
})
export class VendorHomeModule {}
