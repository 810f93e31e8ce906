import { passwordRefused } from './sso-requirement';

describe('passwordRefused', () => {
  const both = { ssoRequiredVendorUsers: true, ssoRequiredPartnerUsers: true };
  const none = { ssoRequiredVendorUsers: false, ssoRequiredPartnerUsers: false };

  it('refuses the passwords of the kind of user the vendor requires single sign-on of', () => {
    expect(passwordRefused({ partnerId: 'p', role: 'partner_admin' }, { ...none, ssoRequiredPartnerUsers: true })).toBe(
      true,
    );
    expect(
      passwordRefused({ partnerId: null, role: 'vendor_marketer' }, { ...none, ssoRequiredPartnerUsers: true }),
    ).toBe(false);
    expect(
      passwordRefused({ partnerId: null, role: 'vendor_approver' }, { ...none, ssoRequiredVendorUsers: true }),
    ).toBe(true);
    expect(passwordRefused({ partnerId: 'p', role: 'partner_user' }, none)).toBe(false);
  });

  it("keeps a vendor admin's password, the way back in", () => {
    expect(passwordRefused({ partnerId: null, role: 'vendor_admin' }, both)).toBe(false);
  });
});
