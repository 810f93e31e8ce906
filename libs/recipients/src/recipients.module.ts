import { Module } from '@nestjs/common';
import { AudienceModule } from '@tcma/audience';
import { DeliveryModule } from '@tcma/delivery';
import { NurtureModule } from '@tcma/nurture';
import { TrackingModule } from '@tcma/tracking';
import { WebhooksModule } from '@tcma/webhooks';
import { UnsubscribeService } from './unsubscribe.service';
import { ViewInBrowserService } from './view-in-browser.service';

/** What a recipient reaches from a sent email: the email in a browser, unsubscribing, the preference page. */
@Module({
  imports: [NurtureModule, DeliveryModule, AudienceModule, TrackingModule, WebhooksModule],
  providers: [UnsubscribeService, ViewInBrowserService],
  exports: [UnsubscribeService, ViewInBrowserService],
})
export class RecipientsModule {}
