export { csvCell, csvRow } from './csv-row';
export { CsvReader, readCsv } from './csv-reader';
export type { CsvItem, CsvRecord, CsvUnreadable } from './csv-reader';
export { CSV_SNIFF_BYTES, notCsvText } from './csv-sniff';
