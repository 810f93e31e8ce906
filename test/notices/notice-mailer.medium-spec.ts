import { SendingConfigsService } from '@tcma/delivery';
import { NoticeMailer, NoticesModule } from '@tcma/notices';
import { VendorScope } from '@tcma/persistence';
import { simpleParser } from 'mailparser';
import { ServiceTenants, ServiceVendor } from '../factories/service-tenants.factory';
import { testDb } from '../support/db';
import { ServiceHarness, startServices } from '../support/service-harness';
import { SmtpSink } from '../support/smtp-sink';

describe('notices', () => {
  let services: ServiceHarness;
  let vendor: ServiceVendor;
  let sink: SmtpSink;
  let sut: NoticeMailer;

  beforeAll(async () => {
    services = await startServices([NoticesModule]);
    sink = await new SmtpSink().start();
    vendor = await new ServiceTenants(services.app).vendor('Acme Networks');
    sut = services.get(NoticeMailer);
  });

  afterAll(async () => {
    await services?.close();
    await sink?.stop();
  });

  it("reaches the local outbox when the vendor has no SMTP, from the vendor's name", async () => {
    const sent = await sut.send(new VendorScope(vendor.vendorId), {
      to: 'pat@partner.example',
      subject: 'You are invited',
      text: 'Follow the link',
      html: '<p>Follow the link</p>',
    });
    expect(sent.via).toBe('the local outbox');
    const [row] = await testDb().query<Array<{ raw: Buffer; partner_id: string | null; recipients: string[] }>>(
      'SELECT raw, partner_id, recipients FROM outbox_messages WHERE vendor_id = $1 AND message_id = $2',
      [vendor.vendorId, sent.messageId],
    );
    expect(row).toMatchObject({ partner_id: null, recipients: ['pat@partner.example'] });
    const mail = await simpleParser(row.raw);
    expect(mail.from?.value).toEqual([{ name: 'Acme Networks', address: 'notices@localhost' }]);
    expect(mail.subject).toBe('You are invited');
    expect(mail.text?.trim()).toBe('Follow the link');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it("goes through the vendor's SMTP configuration when it has one", async () => {
    // Another vendor: the transport chosen for the first is reused for a while (TransportRegistry).
    const other = await new ServiceTenants(services.app).vendor();
    await services.get(SendingConfigsService).put(other.admin, null, { smtpUrl: sink.url });
    const sent = await sut.send(new VendorScope(other.vendorId), {
      to: 'lee@partner.example',
      subject: 'Reset your password',
      text: 'Follow the link',
    });
    expect(sent.via).toBe(sink.url);
    const [message] = await sink.waitFor(1);
    expect(message.to).toEqual(['lee@partner.example']);
    expect((await simpleParser(message.raw)).subject).toBe('Reset your password');
  });

  it('refuses a recipient that would add a header or a second recipient, sending nothing', async () => {
    await expect(
      sut.send(new VendorScope(vendor.vendorId), {
        to: 'lee@partner.example\r\nBcc: eve@evil.example',
        subject: 'x',
        text: 'x',
      }),
    ).rejects.toThrow('Not a single email address');
    await expect(
      sut.send(new VendorScope(vendor.vendorId), {
        to: 'lee@partner.example, eve@evil.example',
        subject: 'x',
        text: 'x',
      }),
    ).rejects.toThrow('Not a single email address');
  });
});
