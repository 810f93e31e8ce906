// A cell a spreadsheet would run as a formula starts with one of these; it is prefixed with
// an apostrophe so it reads as text (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue =
  string | number | boolean | bigint | Date | null | undefined | Record<string, unknown> | unknown[];

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (RFC 4180), formula-safe, ending in CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
