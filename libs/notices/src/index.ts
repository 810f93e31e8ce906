export { brandedNotice, inVendorBrand } from './branded-notice';
export type { BrandedNoticeContent } from './branded-notice';
export { NoticeMailer } from './notice-mailer';
export { NoticesModule } from './notices.module';
export { MAX_NOTICE_SUBJECT } from './notice';
export type { Notice } from './notice';
