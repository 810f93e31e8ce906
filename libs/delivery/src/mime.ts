import { createHash } from 'node:crypto';

export interface MimeMessage {
  from: { name: string; address: string };
  replyTo?: string | null;
  to: string;
  subject: string;
  date: Date;
  messageId: string;
  /** Further headers, ASCII, in order (List-Unsubscribe and the like). */
  headers: Array<[string, string]>;
  text: string;
  html: string;
}

const CRLF = '\r\n';
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
/** atext and spaces: a display name that can go as it is. */
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ .]*$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Header values never carry line breaks: a value can never add a header of its own. */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

/** RFC 2047 encoded words (base64, UTF-8), split on characters, folded one per line. */
function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

/** Unstructured text (Subject): as it is when short printable ASCII, else encoded words. */
function unstructured(value: string): string {
  const v = oneLine(value);
  return ASCII_PRINTABLE.test(v) && v.length <= 900 ? v : encodedWords(v);
}

function mailbox(name: string, address: string): string {
  const n = oneLine(name);
  if (!n) return `<${address}>`;
  if (PLAIN_PHRASE.test(n) && n.length <= 200)
    return `${/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]/.test(n) ? `"${n}"` : n} <${address}>`;
  if (ASCII_PRINTABLE.test(n) && n.length <= 200) return `"${n.replace(/["\\]/g, (c) => `\\${c}`)}" <${address}>`;
  return `${encodedWords(n)} <${address}>`;
}

function rfc5322Date(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function base64Lines(content: string): string {
  const b64 = Buffer.from(content, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

/** Whether an address can go into headers and the envelope as plain ASCII. */
export const isAsciiAddress = (address: string) =>
  /^[\x21-\x7e]+@[\x21-\x7e]+$/.test(address) && !/[<>"\s]/.test(address);

/**
 * A complete RFC 5322 message (multipart/alternative: text, then HTML, both base64 UTF-8),
 * built in one pass into one buffer. nodemailer's composer builds the same message through a
 * pipeline of streams per part, which was most of a send's CPU; handed this buffer as `raw`,
 * it only transfers (and DKIM-signs) it. Addresses must be ASCII (see isAsciiAddress).
 */
export function composeMime(m: MimeMessage): Buffer {
  const boundary = `=_tcma_${createHash('sha256').update(m.messageId).digest('hex').slice(0, 24)}`;
  const headers: string[] = [
    `From: ${mailbox(m.from.name, m.from.address)}`,
    ...(m.replyTo ? [`Reply-To: ${m.replyTo}`] : []),
    `To: ${m.to}`,
    `Subject: ${unstructured(m.subject)}`,
    `Date: ${rfc5322Date(m.date)}`,
    `Message-ID: ${m.messageId}`,
    'MIME-Version: 1.0',
    ...m.headers.map(([name, value]) => `${name}: ${value}`),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, content: string) =>
    `--${boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${base64Lines(content)}${CRLF}`;
  return Buffer.from(
    `${headers.join(CRLF)}${CRLF}${CRLF}${part('text/plain', m.text)}${part('text/html', m.html)}--${boundary}--${CRLF}`,
    'utf8',
  );
}
