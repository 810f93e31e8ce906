export { brandedNotice, inVendorBrand } from './branded-notice';
export type { BrandedNoticeContent } from './branded-notice';
export { NoticeMailer } from './notice-mailer';
export { NoticesModule } from './notices.module';
