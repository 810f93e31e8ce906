export { RecipientsModule } from './recipients.module';
export { UNSUBSCRIBE_LEVELS, UnsubscribeService } from './unsubscribe.service';
export type { PreferencePageState, UnsubscribeLevel } from './unsubscribe.service';
export { ViewInBrowserService } from './view-in-browser.service';
export { recipientPageWords } from './recipient-page-words';
export type { RecipientPageWords } from './recipient-page-words';
