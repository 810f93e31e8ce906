import { sessionCapabilities } from './session-capabilities';

describe(sessionCapabilities.name, () => {
  it('gives nobody signed in no area', () => {
    expect(sessionCapabilities(null, false)).toEqual({
      vendorConsole: false,
      partnerPortal: false,
      developerTools: false,
      vendorSettings: false,
      vendorMarketing: false,
    });
  });

  it.each(['partner_admin', 'partner_user'] as const)(
    'gives a %s the portal only: no console, no developer link',
    (role) => {
      expect(sessionCapabilities({ role }, false)).toEqual({
        vendorConsole: false,
        partnerPortal: true,
        developerTools: false,
        vendorSettings: false,
        vendorMarketing: false,
      });
    },
  );

  it.each([
    ['vendor_admin', true, true],
    ['vendor_marketer', false, true],
    ['vendor_approver', false, false],
  ] as const)(
    'gives a %s the console and the developer links, the portal only in concierge mode, the settings areas if an admin (%s), the marketing areas unless an approver (%s)',
    (role, settings, marketing) => {
      expect(sessionCapabilities({ role }, false)).toEqual({
        vendorConsole: true,
        partnerPortal: false,
        developerTools: true,
        vendorSettings: settings,
        vendorMarketing: marketing,
      });
      expect(sessionCapabilities({ role }, true)).toEqual({
        vendorConsole: true,
        partnerPortal: true,
        developerTools: true,
        vendorSettings: settings,
        vendorMarketing: marketing,
      });
    },
  );
});
