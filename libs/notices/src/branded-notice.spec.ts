import { brandedNotice, inVendorBrand } from './branded-notice';

const brand = {
  vendor: 'acme',
  displayName: 'Acme & <Partners>',
  logoUrl: null,
  colors: { primary: '#facc15', primaryReadable: '#7a6000', primaryText: '#000000' },
  supportEmail: 'help@acme.example',
  supportUrl: null,
};

describe(brandedNotice.name, () => {
  const sut = brandedNotice(brand, {
    to: 'pat@partner.example',
    subject: 'You are invited',
    lead: ['Join us.'],
    action: { label: 'Choose a password', url: 'https://app.example/invitations/t?vendor=acme' },
    after: ['Ignore it otherwise.'],
  });

  it('signs the text with the display name and where to ask for help', () => {
    expect(sut.text).toBe(
      'Join us.\n\nChoose a password: https://app.example/invitations/t?vendor=acme\n\nIgnore it otherwise.\n\n—\nAcme & <Partners>\nHelp: help@acme.example',
    );
  });

  it('puts the readable shade behind the white button text, the colour itself in the bar, everything escaped', () => {
    expect(sut.html).toContain('background:#7a6000;color:#ffffff');
    expect(sut.html).toContain('border-bottom:4px solid #facc15');
    expect(sut.html).toContain('Acme &amp; &lt;Partners&gt;');
    expect(sut.html).not.toContain('<Partners>');
    expect(sut.html).toContain('href="https://app.example/invitations/t?vendor=acme"');
  });
});

describe(inVendorBrand.name, () => {
  it('adds the vendor to a link, keeping what it had', () => {
    expect(inVendorBrand('https://app.example/reset-password/abc', brand)).toBe(
      'https://app.example/reset-password/abc?vendor=acme',
    );
    expect(inVendorBrand('https://app.example/x?next=%2Fportal', brand)).toBe(
      'https://app.example/x?next=%2Fportal&vendor=acme',
    );
  });
});
