import { headerSafeName, normalizeDisplayName } from './display-name';

describe(normalizeDisplayName.name, () => {
  it('accepts an ordinary name, trimmed', () => {
    expect(normalizeDisplayName('  Zofia at Northwind IT ')).toEqual({ ok: true, value: 'Zofia at Northwind IT' });
    expect(normalizeDisplayName('Łódź Café & Co. (EU)')).toEqual({ ok: true, value: 'Łódź Café & Co. (EU)' });
  });

  it.each([
    ['a right-to-left override', 'Northwind\u202Egnp.exe', 'bidirectional'],
    ['a line break', 'Northwind\r\nBcc: victim@example.com', 'single line'],
    ['an address posing as the sender', 'Acme CEO <ceo@acme.example>', 'angle brackets'],
    ['fake header text with brackets', 'x> Bcc: <y', 'angle brackets'],
    ['an address without brackets', 'ceo@acme.example', 'email address'],
    ['a quote that ends the quoting', 'Northwind" <evil@example.com', 'quotes'],
    ['nothing', '   ', 'empty'],
  ])('refuses %s', (_what, value, message) => {
    const result = normalizeDisplayName(value);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});

describe(headerSafeName.name, () => {
  it('drops from a stored name what the rules refuse', () => {
    expect(headerSafeName('Northwind\u202Egnp.exe')).toBe('Northwindgnp.exe');
    expect(headerSafeName('Acme CEO <ceo@acme.example> Bcc:')).toBe('Acme CEO Bcc:');
    expect(headerSafeName('Zofia at Northwind IT')).toBe('Zofia at Northwind IT');
  });
});
