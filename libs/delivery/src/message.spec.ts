import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { buildMessage, OutgoingMessage } from './message';

const message: OutgoingMessage = {
  sendRef: 'qJ8u9x3Kf0ZbWm2Hc7TtAw',
  sender: {
    from: { name: 'Zofia at Northwind IT', address: 'zofia@northwind-it.example' },
    replyTo: 'hello@northwind-it.example',
  },
  to: 'ana@prospect.example',
  subject: 'Wasze kopie zapasowe, załatwione',
  html: '<p>Cześć Ana</p>',
  text: 'Cześć Ana',
  date: new Date('2026-11-23T09:00:05Z'),
  unsubscribeUrl: 'https://engine.example/u/42.abc',
  unsubscribeMailto: 'mailto:unsubscribe@acme-backup.example?subject=unsubscribe%2042.abc',
  messageIdDomain: 'acme-backup.example',
};

/** The bytes nodemailer would put on the wire for these options. */
const wire = (options: ReturnType<typeof buildMessage>) =>
  options.raw ? Buffer.from(options.raw as Buffer) : new MailComposer(options).compile().build();

describe(buildMessage.name, () => {
  // Addresses are validated as ASCII today, so the composer path is a guard: both paths must
  // carry the same headers for the same send.
  it.each([
    ['ASCII addresses (one raw buffer)', message, true],
    ['an internationalised recipient (nodemailer composer)', { ...message, to: 'zoë@prospect.example' }, false],
  ])('carries the required headers with %s', async (_name, input, raw) => {
    const options = buildMessage(input);
    expect(Boolean(options.raw)).toBe(raw);
    const parsed = await simpleParser(await wire(options));
    expect(parsed.messageId).toBe('<qJ8u9x3Kf0ZbWm2Hc7TtAw@acme-backup.example>');
    expect(parsed.subject).toBe('Wasze kopie zapasowe, załatwione');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0].address : null).toBe(input.to);
    expect(parsed.replyTo?.value[0].address).toBe('hello@northwind-it.example');
    // A header's value as sent, unfolded (names are case-insensitive; composers differ).
    const header = (key: string) =>
      parsed.headerLines
        .find((h) => h.key === key)
        ?.line.replace(/^[^:]+:\s*/, '')
        .replace(/\r?\n[ \t]+/g, ' ');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toBe(`<${input.unsubscribeUrl}>, <${input.unsubscribeMailto}>`);
    expect(header('x-tcma-send')).toBe('qJ8u9x3Kf0ZbWm2Hc7TtAw');
    expect(parsed.text?.trim()).toBe('Cześć Ana');
    expect(parsed.html).toContain('<p>Cześć Ana</p>');
  });
});
