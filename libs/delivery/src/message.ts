import type Mail from 'nodemailer/lib/mailer';
import type { SenderIdentity } from './sender-identity';

export interface OutgoingMessage {
  sendId: string;
  sender: SenderIdentity;
  to: string;
  subject: string;
  html: string;
  text: string;
  date: Date;
  /** https one-click address; the mailto address is the alternative every client understands. */
  unsubscribeUrl: string;
  unsubscribeMailto: string;
  /** Domain for the Message-ID: the same send always gets the same id. */
  messageIdDomain: string;
}

export const messageIdOf = (sendId: string, domain: string) => `<send-${sendId}@${domain}>`;

/**
 * A nodemailer message with everything the rules require: one-click unsubscribe headers
 * (RFC 8058), a Message-ID stable across retries, HTML and text parts, and the send's id.
 */
export function buildMessage(m: OutgoingMessage): Mail.Options {
  return {
    from: { name: m.sender.from.name, address: m.sender.from.address },
    ...(m.sender.replyTo ? { replyTo: m.sender.replyTo } : {}),
    to: m.to,
    subject: m.subject,
    html: m.html,
    text: m.text,
    date: m.date,
    messageId: messageIdOf(m.sendId, m.messageIdDomain),
    // Base64 is encoded natively; quoted-printable in JavaScript was most of a send's CPU.
    textEncoding: 'base64',
    headers: {
      'List-Unsubscribe': `<${m.unsubscribeUrl}>, <${m.unsubscribeMailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-TCMA-Send': m.sendId,
    },
  };
}
