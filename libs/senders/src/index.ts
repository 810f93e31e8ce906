export { PartnerSendersService } from './partner-senders.service';
export type { SendingAs } from './partner-senders.service';
export { SENDER_CONFIRMATION_TTL_MS, SenderConfirmationsService } from './sender-confirmations.service';
export { SendersModule } from './senders.module';
