import { postCancelledEmail, type PostCancelledCard } from './post-cancelled-email';

const card: PostCancelledCard = {
  vendorName: 'Acme Networks',
  userName: 'Vera Vendor',
  campaignName: 'Backup Week',
  networks: ['LinkedIn', 'X', 'Facebook'],
  dueAt: new Date('2026-03-03T14:05:00Z'),
  timeZone: 'Europe/Warsaw',
  calendarUrl: 'https://engine.example/portal/social/calendar',
  accountUrl: 'https://engine.example/portal/account',
};
const look = { companyName: 'Northwind IT', logoUrl: null, primaryColor: '#0a7d3e' };

describe('the email telling partner users that a vendor cancelled their post', () => {
  it('lists the networks and writes the due time in English, in the partner’s zone', () => {
    const mail = postCancelledEmail(card, look, null);
    expect(mail.subject).toBe('Acme Networks cancelled your scheduled LinkedIn, X and Facebook post “Backup Week”');
    expect(mail.text).toContain('that was due on 3 Mar 2026, 15:05. It will not be published.');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('is all German for a German reader', () => {
    const mail = postCancelledEmail({ ...card, networks: ['LinkedIn', 'X'] }, look, 'de');
    expect(mail.subject).toBe('Acme Networks hat Ihren geplanten Beitrag „Backup Week“ auf LinkedIn und X abgesagt');
    expect(mail.text).toContain('der für 03.03.2026, 15:05 geplant war. Er wird nicht veröffentlicht.');
    expect(mail.html).toContain('>Social-Media-Kalender öffnen<');
    expect(mail.html).toContain('>Concierge-Protokoll Ihres Kontos</a>');
  });
});
