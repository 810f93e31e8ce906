import type { Transport } from 'nodemailer';
import type MailMessage from 'nodemailer/lib/mailer/mail-message';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { OutboxRepository } from './outbox.repository';

/** Who a message is for, passed alongside the nodemailer options (nodemailer ignores it). */
export interface OutboxTags {
  vendorId: string;
  partnerId: string | null;
  sendId: string | null;
}

/**
 * A nodemailer transport that keeps each message, exactly as it would have gone over SMTP,
 * in the database: the engine sends "for real" out of the box, and the outbox API shows it.
 */
export function outboxTransport(outbox: OutboxRepository): Transport<SMTPTransport.SentMessageInfo> {
  return {
    name: 'tcma-outbox',
    version: '1.0.0',
    send(mail: MailMessage, done: (err: Error | null, info: SMTPTransport.SentMessageInfo) => void): void {
      const tags = (mail.data as { tcma?: OutboxTags }).tcma;
      const chunks: Buffer[] = [];
      const stream = mail.message.createReadStream();
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (e: Error) => done(e, undefined as never));
      stream.on('end', () => {
        // A raw message carries its envelope and Message-ID beside it, not in nodemailer's composer.
        const envelope =
          (mail.data.envelope as { from: string; to: string[] } | undefined) ?? mail.message.getEnvelope();
        const messageId = typeof mail.data.messageId === 'string' ? mail.data.messageId : mail.message.messageId();
        outbox
          .insertForSystem({
            vendorId: tags?.vendorId ?? '00000000-0000-0000-0000-000000000000',
            partnerId: tags?.partnerId ?? null,
            sendId: tags?.sendId ?? null,
            envelopeFrom: envelope.from || '',
            recipients: envelope.to,
            subject: String(mail.data.subject ?? ''),
            messageId,
            raw: Buffer.concat(chunks),
          })
          .then((id) =>
            done(null, {
              envelope,
              messageId,
              response: `250 stored in the outbox as ${id}`,
              accepted: envelope.to,
              rejected: [],
              pending: [],
            } as unknown as SMTPTransport.SentMessageInfo),
          )
          .catch((e: Error) => done(e, undefined as never));
      });
    },
  };
}
