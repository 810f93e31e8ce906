import { notCsvText } from './csv-sniff';

describe(notCsvText.name, () => {
  it('passes UTF-8 CSV text, with or without BOM, even cut inside a character', () => {
    const text = Buffer.from('\uFEFFemail,city\r\nł@x.example,Łódź\tcentre\n');
    expect(notCsvText(text, true)).toBeNull();
    const cut = text.subarray(0, text.indexOf(Buffer.from('ó')) + 1);
    expect(notCsvText(cut, false)).toBeNull();
    expect(notCsvText(cut, true)).toMatch(/not UTF-8/);
  });

  it('names what a file is when it is not CSV text', () => {
    expect(notCsvText(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), false)).toMatch(
      /^is a ZIP archive \(an Excel \.xlsx/,
    );
    expect(notCsvText(Buffer.from('%PDF-1.7\n'), false)).toBe('is a PDF, not CSV text');
    expect(notCsvText(Buffer.from('email,name\n', 'utf16le'), true)).toMatch(/control byte 0x00|UTF-16/);
    expect(notCsvText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email\n', 'utf16le')]), true)).toMatch(
      /UTF-16/,
    );
    expect(notCsvText(Buffer.from('email,name\nab\x00cd\n', 'latin1'), true)).toBe(
      'has the control byte 0x00 at offset 13: binary data, not CSV text',
    );
    expect(notCsvText(Buffer.from('email,city\nx@x.example,K\xf6ln\n', 'latin1'), true)).toMatch(/^is not UTF-8 text/);
    expect(
      notCsvText(
        Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256),
        false,
      ),
    ).not.toBeNull();
  });
});
