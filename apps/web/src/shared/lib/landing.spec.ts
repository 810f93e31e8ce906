import { describe, expect, it } from 'vitest';
import { landingOf, PARTNER_HOME, VENDOR_HOME } from './landing';

describe('landingOf', () => {
  it('sends who may use the portal but not the console to the partner home', () => {
    expect(
      landingOf({
        partnerPortal: true,
        vendorConsole: false,
        developerTools: false,
        vendorSettings: false,
        vendorMarketing: false,
      }),
    ).toBe(PARTNER_HOME);
  });

  it('sends who may use the console to the vendor home, concierge mode included', () => {
    expect(
      landingOf({
        partnerPortal: false,
        vendorConsole: true,
        developerTools: true,
        vendorSettings: false,
        vendorMarketing: false,
      }),
    ).toBe(VENDOR_HOME);
    expect(
      landingOf({
        partnerPortal: true,
        vendorConsole: true,
        developerTools: true,
        vendorSettings: false,
        vendorMarketing: false,
      }),
    ).toBe(VENDOR_HOME);
  });

  it('keeps nobody signed in (or a session not known yet) on the home page', () => {
    expect(
      landingOf({
        partnerPortal: false,
        vendorConsole: false,
        developerTools: false,
        vendorSettings: false,
        vendorMarketing: false,
      }),
    ).toBe('/');
    expect(landingOf(null)).toBe('/');
    expect(landingOf(undefined)).toBe('/');
  });
});
