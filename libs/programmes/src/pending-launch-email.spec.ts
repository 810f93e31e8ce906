import { digestEmail, pendingLaunchEmail, type PartnerLook, type PendingLaunchCard } from './pending-launch-email';

const look: PartnerLook = {
  companyName: 'Müller GmbH',
  logoUrl: null,
  primaryColor: '#0a7d3e',
  timeZone: 'Europe/Berlin',
};

const card = (over: Partial<PendingLaunchCard> = {}): PendingLaunchCard => ({
  campaignName: 'Backup Week',
  programmeName: 'Always on',
  dueAt: new Date('2026-03-03T14:05:00Z'),
  audience: { type: 'all' },
  missing: [],
  launchUrl: 'https://engine.example/programme-actions/a',
  skipUrl: 'https://engine.example/programme-actions/b',
  editUrl: 'https://engine.example/portal/programmes?pending=1',
  previewHtml: '<p>Hello</p>',
  previewSubject: 'Your backups',
  ...over,
});

describe('the pending-launch email', () => {
  it('is in English for a user who chose no language, the start written in the partner’s zone', () => {
    const mail = pendingLaunchEmail(card(), look, null);
    expect(mail.subject).toBe('Backup Week is ready to launch for Müller GmbH');
    expect(mail.text).toContain(
      'It starts by itself on 3 March 2026 at 15:05 (Europe/Berlin) for all your prospects unless you skip it.',
    );
    expect(mail.text).toContain('Launch now for all your prospects: https://engine.example/programme-actions/a');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('Preview of the first email: “Your backups”, with your brand');
  });

  it('is in German for a German user: subject, buttons, dates and the note', () => {
    const mail = pendingLaunchEmail(card({ audience: { type: 'list', listId: 'l' } }), look, 'de');
    expect(mail.subject).toBe('Backup Week ist bereit zum Start für Müller GmbH');
    expect(mail.text).toContain(
      'Sie startet von selbst am 3. März 2026 um 15:05 (Europe/Berlin) für Ihre gespeicherte Liste, sofern Sie sie nicht überspringen.',
    );
    expect(mail.text).toContain('Überspringen: https://engine.example/programme-actions/b');
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain('>Im Portal bearbeiten<');
    expect(mail.html).toContain('erst dann geschieht etwas');
    expect(mail.html).not.toMatch(/Skip|Launch now|Edit in portal/);
  });

  it('says what a waiting launch lacks, in the reader’s language', () => {
    const missing = [{ code: 'logo', message: 'Upload a logo to the brand kit' }] as PendingLaunchCard['missing'];
    const mail = pendingLaunchEmail(card({ missing }), look, 'fr');
    expect(mail.subject).toBe('Backup Week attend votre kit de marque');
    expect(mail.text).toContain('Elle attend que vous corrigiez : Upload a logo to the brand kit.');
  });

  it('counts the digest’s campaigns in the reader’s language and number', () => {
    expect(digestEmail([card()], 1, look, 'es').subject).toBe('1 campaña nueva está lista para usted');
    const many = digestEmail([card(), card()], 1234, look, 'de');
    expect(many.subject).toBe('1.234 neue Kampagnen sind für Sie bereit');
    expect(many.text).toContain('…und 1.232 weitere im Portal.');
    expect(digestEmail([card()], 4, look, undefined).subject).toBe('4 new campaigns are ready for you');
  });
});
