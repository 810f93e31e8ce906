export { csvCell, csvRow } from './csv-row';
