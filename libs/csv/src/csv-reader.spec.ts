import { Readable } from 'node:stream';
import { CsvItem, CsvReader, readCsv } from './csv-reader';

/** Everything the reader gives for the text, fed in chunks of `size` characters. */
function read(text: string, size = text.length || 1, max = 1000): CsvItem[] {
  const sut = new CsvReader(max);
  const items: CsvItem[] = [];
  for (let i = 0; i < text.length; i += size) items.push(...sut.push(text.slice(i, i + size)));
  return [...items, ...sut.end()];
}
const brief = (items: CsvItem[]) =>
  items.map((i) => (i.kind === 'record' ? [i.line, ...i.cells] : [i.line, `! ${i.reason}`]));

describe(CsvReader.name, () => {
  const file = [
    '\uFEFFemail,name,note',
    'a@x.example,Ana,"quoted, with comma"',
    '',
    'b@x.example,"Multi\r\nline ""name""",',
    'c@x.example,O"Brien,',
    '"d@x.example",Dee,"last"',
  ].join('\r\n');
  const expected = [
    [1, 'email', 'name', 'note'],
    [2, 'a@x.example', 'Ana', 'quoted, with comma'],
    [4, 'b@x.example', 'Multi\r\nline "name"', ''],
    [6, 'c@x.example', 'O"Brien', ''],
    [7, 'd@x.example', 'Dee', 'last'],
  ];

  it('reads RFC 4180 records with the line each starts on, skipping empty lines, however the text is cut into chunks', () => {
    for (const size of [1, 2, 3, 5, 7, 64]) expect([size, brief(read(file, size))]).toEqual([size, expected]);
    expect(brief(read(`${file}\r\n`))).toEqual(expected);
    expect(brief(read(file.replace(/\r\n/g, '\n'), 3))).toEqual(
      expected.map((r) => r.map((c) => (typeof c === 'string' ? c.replace(/\r\n/g, '\n') : c))),
    );
    expect(brief(read('email\rb@x.example\r\rc@x.example', 1))).toEqual([
      [1, 'email'],
      [2, 'b@x.example'],
      [4, 'c@x.example'],
    ]);
  });

  it('gives back a record it cannot read at its own line, and reads on from the next line', () => {
    const text = ['email,name', '"bad"x,Q', 'b@x.example,B', 'c@x.example,"open', 'd@x.example,D'].join('\r\n');
    for (const size of [1, 4, 1000]) {
      expect([size, brief(read(text, size))]).toEqual([
        size,
        [
          [1, 'email', 'name'],
          [2, '! a closing quote is followed by "x" instead of a comma or the end of the line (field 1)'],
          [3, 'b@x.example', 'B'],
          [4, '! a quoted field is never closed'],
          [5, 'd@x.example', 'D'],
        ],
      ]);
    }
  });

  it('refuses a record longer than the limit without holding it, and loses nothing after it', () => {
    const long = `x@x.example,${'y'.repeat(5000)}`;
    const text = [
      'email,name',
      'a@x.example,A',
      long,
      'b@x.example,B',
      `c@x.example,"${'z'.repeat(5000)}`,
      'd@x.example,D',
    ].join('\n');
    for (const size of [7, 64, 100_000]) {
      expect([size, brief(read(text, size, 100))]).toEqual([
        size,
        [
          [1, 'email', 'name'],
          [2, 'a@x.example', 'A'],
          [3, '! the record is longer than 100 characters (a quote left open?)'],
          [4, 'b@x.example', 'B'],
          [5, '! the record is longer than 100 characters (a quote left open?)'],
          [6, 'd@x.example', 'D'],
        ],
      ]);
    }
  });

  it('decodes UTF-8 split anywhere, without the BOM', async () => {
    const bytes = Buffer.from('\uFEFFemail,city\nł@x.example,Łódź\n');
    const chunks = [...bytes].map((b) => Uint8Array.of(b));
    const items: CsvItem[] = [];
    for await (const item of readCsv(Readable.from(chunks), { maxRecordChars: 100 })) items.push(item);
    expect(brief(items)).toEqual([
      [1, 'email', 'city'],
      [2, 'ł@x.example', 'Łódź'],
    ]);
  });
});
