import { emailLower, normalizeEmailAddress } from './email-address';

describe(normalizeEmailAddress.name, () => {
  it('keeps an address trimmed and lower-cased', () => {
    expect(normalizeEmailAddress('  Zofia.Nowak+news@Northwind.example ')).toEqual({
      ok: true,
      value: 'zofia.nowak+news@northwind.example',
    });
  });

  it.each([
    ['no text', 42, 'must be a string'],
    ['nothing', '  ', 'must not be empty'],
    ['no domain', 'zofia@', 'must be an email address'],
    ['two lines', 'a@b.example\nBcc: c@d.example', 'must be a single line'],
    ['a right-to-left override', 'a\u202E@b.example', 'bidirectional-override'],
    ['too long', `${'a'.repeat(250)}@b.example`, 'at most 254 characters'],
  ])('refuses %s', (_what, raw, message) => {
    const result = normalizeEmailAddress(raw);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});

describe(emailLower.name, () => {
  it('is the address trimmed and lower-cased', () => {
    expect(emailLower(' Zofia@Northwind.Example ')).toBe('zofia@northwind.example');
  });
});
