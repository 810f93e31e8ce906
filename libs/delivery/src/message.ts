import type Mail from 'nodemailer/lib/mailer';
import { composeMime, isAsciiAddress } from './mime';
import type { SenderIdentity } from './sender-identity';

export interface OutgoingMessage {
  /** The send's opaque reference (SendRefs), never its ledger id: recipients see it. */
  sendRef: string;
  sender: Pick<SenderIdentity, 'from' | 'replyTo'>;
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

/** The same send always gets the same Message-ID (retries included), and it tells nothing of the sender's volume. */
export const messageIdOf = (sendRef: string, domain: string) => `<${sendRef}@${domain}>`;

/**
 * A nodemailer message with everything the rules require: one-click unsubscribe headers
 * (RFC 8058), a Message-ID stable across retries, HTML and text parts, and the send's id.
 * Built here as one raw MIME buffer (see composeMime); an address that is not plain ASCII
 * goes through nodemailer's own composer instead, which knows SMTPUTF8 and punycode.
 */
export function buildMessage(m: OutgoingMessage): Mail.Options {
  const messageId = messageIdOf(m.sendRef, m.messageIdDomain);
  const unsubscribe = `<${m.unsubscribeUrl}>, <${m.unsubscribeMailto}>`;
  const headers: Array<[string, string]> = [
    ['List-Unsubscribe', unsubscribe.replace(', ', ',\r\n ')],
    ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
    ['X-TCMA-Send', m.sendRef],
  ];
  const addresses = [m.sender.from.address, m.to, ...(m.sender.replyTo ? [m.sender.replyTo] : [])];
  if (addresses.every(isAsciiAddress)) {
    const raw = composeMime({
      from: m.sender.from,
      replyTo: m.sender.replyTo,
      to: m.to,
      subject: m.subject,
      date: m.date,
      messageId,
      headers,
      text: m.text,
      html: m.html,
    });
    return { envelope: { from: m.sender.from.address, to: [m.to] }, raw, messageId, subject: m.subject };
  }
  return {
    from: { name: m.sender.from.name, address: m.sender.from.address },
    ...(m.sender.replyTo ? { replyTo: m.sender.replyTo } : {}),
    to: m.to,
    subject: m.subject,
    html: m.html,
    text: m.text,
    date: m.date,
    messageId,
    // Base64 is encoded natively; quoted-printable in JavaScript was most of a send's CPU.
    textEncoding: 'base64',
    headers: {
      'List-Unsubscribe': unsubscribe,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-TCMA-Send': m.sendRef,
    },
  };
}
