export { csvRow } from './csv-row';
export { readCsv } from './csv-reader';
export type { CsvItem } from './csv-reader';
export { CSV_SNIFF_BYTES, notCsvText } from './csv-sniff';
