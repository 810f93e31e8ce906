export { checkedNotice, MAX_NOTICE_SUBJECT } from './notice';
export type { Notice } from './notice';
export { NOTICE_LOCAL_PART, NoticeMailer } from './notice-mailer';
export type { SentNotice } from './notice-mailer';
export { NoticesModule } from './notices.module';
