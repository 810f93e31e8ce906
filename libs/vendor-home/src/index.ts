export { VendorHomeModule } from './vendor-home.module';
export {
  VENDOR_HOME_DAYS,
  VENDOR_HOME_IDLE_DAYS,
  VENDOR_HOME_IDLE_PARTNERS,
  VENDOR_HOME_TOP_CAMPAIGNS,
  VendorHomeService,
} from './vendor-home.service';
export type { SendingHealth, VendorHome } from './vendor-home.service';
export type { IdlePartner, NetworkCounts, TopCampaign } from './vendor-home.repository';
export { REMIND_AGAIN_AFTER_DAYS } from './remind-again';
export { RemindersService } from './reminders.service';
export type { ReminderPage, ReminderResult, SentReminder } from './reminders.service';
export { REMINDER_TOKEN_TTL_MS } from './reminder-tokens';
export { REMINDER_PAGE } from './reminder-page-words';
export type { ReminderPageWords } from './reminder-page-words';
