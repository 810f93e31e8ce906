import { dkimAligned, ownSenderWarning, senderIdentity } from './sender-identity';

describe(senderIdentity.name, () => {
  const base = {
    partnerSender: null,
    partnerCompany: 'Northwind IT',
    partnerEmail: 'hello@northwind.example',
    vendorName: 'Acme',
    vendorDomain: 'acme.example',
    dkimDomain: 'acme.example',
  };
  const own = { fromName: 'Northwind Events', fromEmail: 'events@northwind.example', replyTo: null, verified: true };

  it('sends as "<partner> via <vendor>" from the vendor domain, replies to the partner', () => {
    expect(senderIdentity(base)).toEqual({
      from: { name: 'Northwind IT via Acme', address: 'partners@acme.example' },
      replyTo: 'hello@northwind.example',
      refused: null,
    });
  });

  it("uses the partner's own address once it is confirmed and a DKIM key of its domain signs", () => {
    expect(senderIdentity({ ...base, partnerSender: own, dkimDomain: 'northwind.example' })).toEqual({
      from: { name: 'Northwind Events', address: 'events@northwind.example' },
      replyTo: 'hello@northwind.example',
      refused: null,
    });
    expect(
      senderIdentity({
        ...base,
        partnerSender: { ...own, fromEmail: 'events@mail.northwind.example' },
        dkimDomain: 'northwind.example',
      }).refused,
    ).toBeNull();
  });

  it("falls back to the partner via the vendor, replying to the partner's own address, when the vendor's key would sign it", () => {
    expect(senderIdentity({ ...base, partnerSender: own })).toEqual({
      from: { name: 'Northwind Events via Acme', address: 'partners@acme.example' },
      replyTo: 'events@northwind.example',
      refused: 'unaligned',
    });
    expect(senderIdentity({ ...base, partnerSender: own, dkimDomain: null }).refused).toBe('unaligned');
  });

  it('never sends as an address that was not confirmed, whatever key signs (the vendor CEO, another partner)', () => {
    const ceo = { ...own, fromName: 'Acme CEO', fromEmail: 'ceo@acme.example', verified: false };
    const identity = senderIdentity({ ...base, partnerSender: ceo });
    expect(identity.from.address).toBe('partners@acme.example');
    expect(identity.refused).toBe('unverified');
  });

  it('never puts an override character or an address posing as the sender in a display name stored before the rules', () => {
    const spoofed = senderIdentity({ ...base, partnerCompany: 'Acme CEO <ceo@acme.example>\u202E' });
    expect(spoofed.from.name).toBe('Acme CEO via Acme');
    const named = senderIdentity({
      ...base,
      dkimDomain: 'northwind.example',
      partnerSender: { ...own, fromName: 'Zofia\u202Egnp.exe "x" <a@b.example>', fromEmail: 'zofia@northwind.example' },
    });
    expect(named.from.name).toBe('Zofiagnp.exe x');
  });
});

describe(dkimAligned.name, () => {
  it('accepts the signing domain and its subdomains only', () => {
    expect(dkimAligned('a@Partner.Example', 'partner.example')).toBe(true);
    expect(dkimAligned('a@news.partner.example', 'partner.example')).toBe(true);
    expect(dkimAligned('a@evilpartner.example', 'partner.example')).toBe(false);
    expect(dkimAligned('a@partner.example', 'news.partner.example')).toBe(false);
    expect(dkimAligned('a@partner.example', null)).toBe(false);
  });
});

describe(ownSenderWarning.name, () => {
  const base = {
    partnerCompany: 'Northwind IT',
    partnerEmail: null,
    vendorName: 'Acme',
    vendorDomain: 'acme.example',
    dkimDomain: 'acme.example',
  };
  const own = { fromName: 'Northwind', fromEmail: 'events@northwind.example', replyTo: null, verified: true };

  it('names the missing key, the signing domain and what is sent instead', () => {
    const identity = senderIdentity({ ...base, partnerSender: own });
    expect(ownSenderWarning(identity, own.fromEmail, 'acme.example')).toBe(
      'Receivers enforcing DMARC would reject mail from northwind.example: the DKIM key signs for acme.example. Add a DKIM key for northwind.example to ' +
        'this partner\'s sending configuration; until then emails go out as "Northwind via Acme" <partners@acme.example>, with replies to events@northwind.example.',
    );
  });

  it('asks for the confirmation first, and says nothing once the address is usable', () => {
    const unverified = senderIdentity({ ...base, partnerSender: { ...own, verified: false } });
    expect(ownSenderWarning(unverified, own.fromEmail, 'acme.example')).toMatch(
      /^events@northwind\.example is not confirmed yet: follow the link mailed to it\./,
    );
    const usable = senderIdentity({ ...base, dkimDomain: 'northwind.example', partnerSender: own });
    expect(ownSenderWarning(usable, own.fromEmail, 'northwind.example')).toBeNull();
  });
});
