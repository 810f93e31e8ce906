import type { formatting } from '../../shared/lib/format';
import type { ReportRow } from './hooks/use-analytics';

/** A count of a report row (absent or empty: 0 for charts; the tables say "—"). */
export const count = (row: ReportRow, column: string): number => (typeof row[column] === 'number' ? row[column] : 0);

/** The formatters of the reader's language (`useFormat()`). */
type Formats = Pick<ReturnType<typeof formatting>, 'count' | 'percent' | 'utcDay'>;

/** A cell as people read it, in the formatters' language: counts grouped, rates as percentages, days and times as dates. */
export function cell(
  row: ReportRow,
  column: string,
  kind: 'count' | 'rate' | 'text' | 'date',
  format: Formats,
): string {
  const value = row[column];
  if (value === null || value === undefined || value === '') return '—';
  if (kind === 'count' && typeof value === 'number') return format.count(value);
  if (kind === 'rate' && typeof value === 'number') return format.percent(value);
  if (kind === 'date' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return format.utcDay(value);
  return label(value);
}

/** A text cell: names, days and the like (anything else shows nothing rather than "[object Object]"). */
export const label = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** The UTC day `days` before today, as the API takes days (YYYY-MM-DD). */
export function utcDayBefore(days: number, now = new Date()): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}
