import { csvRow } from './csv-row';

describe(csvRow.name, () => {
  it('quotes what needs quoting and neutralises formulas', () => {
    expect(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 42, -3])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,42,-3\r\n',
    );
    expect(csvRow(['=HYPERLINK("http://evil")', '+1', '-1', '@SUM(A1)', '\t=1'])).toBe(
      `"'=HYPERLINK(""http://evil"")",'+1,'-1,'@SUM(A1),'\t=1\r\n`,
    );
  });
});
