import { sessionCapabilities } from './session-capabilities';

describe(sessionCapabilities.name, () => {
  it('gives nobody signed in no area', () => {
    expect(sessionCapabilities(null, false)).toEqual({
      vendorConsole: false,
      partnerPortal: false,
      developerTools: false,
    });
  });

  it.each(['partner_admin', 'partner_user'] as const)(
    'gives a %s the portal only: no console, no developer link',
    (role) => {
      expect(sessionCapabilities({ role }, false)).toEqual({
        vendorConsole: false,
        partnerPortal: true,
        developerTools: false,
      });
    },
  );

  it.each(['vendor_admin', 'vendor_marketer'] as const)(
    'gives a %s the console and the developer links, the portal only in concierge mode',
    (role) => {
      expect(sessionCapabilities({ role }, false)).toEqual({
        vendorConsole: true,
        partnerPortal: false,
        developerTools: true,
      });
      expect(sessionCapabilities({ role }, true)).toEqual({
        vendorConsole: true,
        partnerPortal: true,
        developerTools: true,
      });
    },
  );
});
