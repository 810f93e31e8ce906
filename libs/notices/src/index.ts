export { NoticeMailer } from './notice-mailer';
export { NoticesModule } from './notices.module';
