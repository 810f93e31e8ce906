import { simpleParser } from 'mailparser';
import { composeMime, MimeMessage } from './mime';

const base: MimeMessage = {
  from: { name: 'Zofia at Northwind IT', address: 'zofia@northwind-it.example' },
  replyTo: 'hello@northwind-it.example',
  to: 'ana@prospect.example',
  subject: 'Your backups, sorted',
  date: new Date('2026-11-23T09:00:05Z'),
  messageId: '<send-42@acme-backup.example>',
  headers: [
    [
      'List-Unsubscribe',
      '<https://engine.example/u/42.abc>,\r\n <mailto:unsubscribe@acme-backup.example?subject=unsubscribe%2042.abc>',
    ],
    ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
    ['X-TCMA-Send', '42'],
  ],
  text: 'Hello Ana,\n\nYour backups, sorted.',
  html: '<p>Hello Ana,</p><p>Your backups, sorted.</p>',
};

describe(composeMime.name, () => {
  it('builds a message a mail client reads back exactly', async () => {
    const raw = composeMime(base);
    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    expect(
      raw
        .toString()
        .split('\r\n')
        .every((line) => line.length <= 998),
    ).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ address: 'zofia@northwind-it.example', name: 'Zofia at Northwind IT' }]);
    expect(parsed.replyTo?.value[0].address).toBe('hello@northwind-it.example');
    expect(parsed.subject).toBe('Your backups, sorted');
    expect(parsed.messageId).toBe('<send-42@acme-backup.example>');
    expect(parsed.date?.toISOString()).toBe('2026-11-23T09:00:05.000Z');
    expect(parsed.text).toBe('Hello Ana,\n\nYour backups, sorted.');
    expect(parsed.html).toBe('<p>Hello Ana,</p><p>Your backups, sorted.</p>');
    const head = raw.toString().split('\r\n\r\n')[0];
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(head).toMatch(/^List-Unsubscribe: <https:\/\/engine\.example\/u\/42\.abc>,\r\n <mailto:/m);
    expect(head).toMatch(/^X-TCMA-Send: 42$/m);
  });

  it('encodes any script in names and subjects, and long ones across lines', async () => {
    const subject = `Łódź, Ελλάδα, Москва — ${'ünïcödé '.repeat(20)}✓`;
    const raw = composeMime({
      ...base,
      from: { name: 'Żółć "Sp. z o.o." \\ Ελλάδα', address: 'z@example.pl' },
      subject,
      text: 'Zażółć gęślą jaźń',
      html: '<p>Ελλάδα</p>',
    });
    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    expect(
      raw
        .toString()
        .split('\r\n')
        .every((line) => line.length <= 998),
    ).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(subject.trim());
    expect(parsed.from?.value[0]).toEqual({ address: 'z@example.pl', name: 'Żółć "Sp. z o.o." \\ Ελλάδα' });
    expect([parsed.text, parsed.html]).toEqual(['Zażółć gęślą jaźń', '<p>Ελλάδα</p>']);
  });

  it('never lets a value add a header', async () => {
    const raw = composeMime({
      ...base,
      subject: 'Hi\r\nBcc: victim@example.com',
      from: { name: 'A\nX-Evil: 1', address: 'a@example.com' },
    });
    const parsed = await simpleParser(raw);
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.headers.has('x-evil')).toBe(false);
    expect(parsed.subject).toBe('Hi Bcc: victim@example.com');
  });

  it('quotes a plain display name with specials', async () => {
    const parsed = await simpleParser(
      composeMime({ ...base, from: { name: 'Acme, Inc. (EU)', address: 'a@example.com' } }),
    );
    expect(parsed.from?.value[0].name).toBe('Acme, Inc. (EU)');
  });
});
