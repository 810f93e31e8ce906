import { describe, expect, it } from 'vitest';
import { landingOf, PARTNER_HOME } from './landing';

describe('landingOf', () => {
  it('sends who may use the portal but not the console to the partner home', () => {
    expect(landingOf({ partnerPortal: true, vendorConsole: false, developerTools: false })).toBe(PARTNER_HOME);
  });

  it('keeps vendor users, concierge mode included, and nobody signed in on the home page', () => {
    expect(landingOf({ partnerPortal: false, vendorConsole: true, developerTools: true })).toBe('/');
    expect(landingOf({ partnerPortal: true, vendorConsole: true, developerTools: true })).toBe('/');
    expect(landingOf({ partnerPortal: false, vendorConsole: false, developerTools: false })).toBe('/');
    expect(landingOf(null)).toBe('/');
  });
});
