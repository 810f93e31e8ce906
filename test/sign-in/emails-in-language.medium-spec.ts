import { AccountsModule, InvitationsService, PasswordResetsService } from '@tcma/accounts';
import { ManualClock } from '@tcma/clock';
import { LeadNotices, PagesModule } from '@tcma/pages';
import { LeadRow, PartnerScope, WebhookEndpointRow } from '@tcma/persistence';
import { WebhookHealthNotices, WebhooksModule } from '@tcma/webhooks';
import { UsersService } from '@tcma/tenancy';
import { ENGINE_BRAND } from '@tcma/vendor-brands';
import { simpleParser } from 'mailparser';
import { ServicePartner, ServiceTenants, ServiceVendor } from '../factories/service-tenants.factory';
import { testDb } from '../support/db';
import { ServiceHarness, startServices } from '../support/service-harness';

/**
 * The engine's own emails to users come in each user's language (users.locale): a password reset
 * in the user's, an invitation in the one the inviter chose (else the inviter's own), which the
 * new user then keeps. The vendor's brand signs them whatever the language.
 */
describe('emails in the user’s language', () => {
  const clock = new ManualClock(new Date('2026-03-03T14:05:00Z'));
  let services: ServiceHarness;
  let tenants: ServiceTenants;
  let vendor: ServiceVendor;
  let partner: ServicePartner;

  beforeAll(async () => {
    services = await startServices([AccountsModule, PagesModule, WebhooksModule], { clock });
    tenants = new ServiceTenants(services.app);
    vendor = await tenants.vendor('Acme Networks');
    partner = await tenants.partner(vendor, { companyName: 'Müller GmbH', role: 'partner_admin' });
  });

  afterAll(() => services?.close());

  /** The newest notice in the outbox to this address, parsed. */
  async function lastMailTo(to: string) {
    const [row] = await testDb().query<Array<{ raw: Buffer }>>(
      'SELECT raw FROM outbox_messages WHERE $1 = ANY(recipients) ORDER BY id DESC LIMIT 1',
      [to],
    );
    if (!row) throw new Error(`No mail to ${to}`);
    return simpleParser(row.raw);
  }

  const emailOf = async (userId: string) => (await services.get(UsersService).get(vendor.admin, userId)).email;

  it('sends a German user’s password reset in German, and an English one’s in English', async () => {
    await services.get(UsersService).updateOwn(partner.user, { locale: 'de' });
    const german = await emailOf(partner.user.userId);
    await services.get(PasswordResetsService).request(german);
    const mail = await lastMailTo(german);
    expect(mail.subject).toBe('Passwort zurücksetzen');
    expect(mail.text).toContain(`Jemand hat angefordert, das Passwort von ${german} zurückzusetzen.`);
    expect(mail.text).toMatch(/Neues Passwort wählen: http\S+\/reset-password\/\S+/);
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.from?.value[0].name).toBe('Acme Networks');

    const english = await tenants.partner(vendor);
    const address = await emailOf(english.user.userId);
    await services.get(PasswordResetsService).request(address);
    expect((await lastMailTo(address)).subject).toBe('Reset your password');
  });

  it('sends an invitation in the language the inviter chose, and the new user keeps it', async () => {
    const invitee = `inv-${Date.now()}@partner.example`;
    const invitation = await services
      .get(InvitationsService)
      .invite(vendor.admin, { email: invitee, role: 'partner_user', partnerId: partner.partnerId, locale: 'de' });
    expect(invitation.locale).toBe('de');
    const mail = await lastMailTo(invitee);
    expect(mail.subject).toBe('Ihre Einladung zu Müller GmbH');
    expect(mail.text).toContain(
      'Sie sind eingeladen, Müller GmbH im Partnerportal von Acme Networks beizutreten, mit der Rolle „Partner-Nutzer“.',
    );
    // The expiry in German, its zone named: INVITATION_TTL_HOURS (a week) after the clock's time.
    expect(mail.text).toContain('Der Link funktioniert ein einziges Mal, bis 10. März 2026 um 14:05 UTC.');

    const token = /\/invitations\/([A-Za-z0-9_.-]+)/.exec(mail.text ?? '')?.[1] ?? '';
    await services.get(InvitationsService).accept({ token, name: 'Jana', password: 'correct horse battery' });
    const [user] = await testDb().query<Array<{ locale: string | null }>>('SELECT locale FROM users WHERE email = $1', [
      invitee,
    ]);
    expect(user.locale).toBe('de');
  });

  it('writes an invitation without a chosen language in the inviter’s, leaving the new user to the browser', async () => {
    // The partner admin chose German above: its colleague's invitation is in German too.
    const colleague = `col-${Date.now()}@partner.example`;
    const invitation = await services
      .get(InvitationsService)
      .invite(partner.user, { email: colleague, role: 'partner_user' });
    expect(invitation.locale).toBeNull();
    expect((await lastMailTo(colleague)).subject).toBe('Ihre Einladung zu Müller GmbH');

    const fromEnglish = `en-${Date.now()}@vendor.example`;
    await services.get(InvitationsService).invite(vendor.admin, { email: fromEnglish, role: 'vendor_marketer' });
    const mail = await lastMailTo(fromEnglish);
    expect(mail.subject).toBe('You are invited to Acme Networks');
    expect(mail.text).toContain("You are invited to join Acme Networks's campaign engine as a marketer.");
  });

  it('tells each of a partner’s users of a new lead in their own language', async () => {
    const team = await tenants.partner(vendor, { companyName: 'Dupont SARL' });
    await services.get(UsersService).updateOwn(team.user, { locale: 'fr' });
    const lead = { fields: { email: 'marta@kowalska.example', first_name: 'Marta' } } as unknown as LeadRow;
    const told = await services
      .get(LeadNotices)
      .send(new PartnerScope(vendor.vendorId, team.partnerId), lead, 'Backup Week');
    expect(told).toBe(1);
    const mail = await lastMailTo(await emailOf(team.user.userId));
    expect(mail.subject).toBe('Nouveau lead issu de Backup Week : marta@kowalska.example');
    expect(mail.text).toContain(
      'Marta <marta@kowalska.example> s’est inscrit via la page d’atterrissage de Backup Week.',
    );
    expect(mail.text).toMatch(/Consultez et traitez vos leads dans le portail : http\S+\/portal/);
  });

  it('tells a partner’s users in their language that its webhook endpoint was disabled', async () => {
    const team = await tenants.partner(vendor, { companyName: 'Weber KG' });
    await services.get(UsersService).updateOwn(team.user, { locale: 'de' });
    const endpoint = {
      id: '00000000-0000-4000-8000-000000000001',
      vendorId: vendor.vendorId,
      partnerId: team.partnerId,
      url: 'https://hooks.weber.example/tcma',
      disabledReason: null,
    } as unknown as WebhookEndpointRow;
    expect(await services.get(WebhookHealthNotices).disabled(endpoint)).toBe(1);
    const mail = await lastMailTo(await emailOf(team.user.userId));
    expect(mail.subject).toBe('Webhook deaktiviert: hooks.weber.example schlägt seit einem Tag fehl');
    expect(mail.text).toContain('Ihr Webhook-Endpunkt https://hooks.weber.example/tcma wurde deaktiviert.');
  });

  // Last: it reads every email the tests above sent.
  it('signs every email to a partner’s users with the vendor’s name, never the engine’s, and links no console or developer page', async () => {
    const rows = await testDb().query<Array<{ raw: Buffer }>>(
      `SELECT o.raw FROM outbox_messages o
        WHERE EXISTS (SELECT 1 FROM users u WHERE u.email = ANY(o.recipients) AND u.partner_id IS NOT NULL)`,
    );
    // The reset, the invitations, the lead notice and the webhook notice above.
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const { raw } of rows) {
      const mail = await simpleParser(raw);
      const words = [mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? mail.html : ''].join('\n');
      expect({ subject: mail.subject, from: mail.from?.value[0]?.name }).toEqual({
        subject: mail.subject,
        from: 'Acme Networks',
      });
      expect({
        subject: mail.subject,
        engine: words.match(new RegExp(`\\b${ENGINE_BRAND.displayName}\\b`, 'g')),
      }).toEqual({
        subject: mail.subject,
        engine: null,
      });
      const links = [...words.matchAll(/https?:\/\/[^\s"'<>]+/g)].map(([url]) => new URL(url).pathname);
      expect(links.filter((path) => /^\/(console|docs|api-docs|openapi)/.test(path))).toEqual([]);
    }
  });
});
