/** The counters of a launch's daily trend (unique human opens and clicks, as in the funnel). */
export const DAILY_COUNTS = ['sent', 'accepted', 'opened', 'clicked', 'unsubscribed'] as const;
export type DailyCounts = Record<(typeof DAILY_COUNTS)[number], number>;

/** One UTC day of a launch: what its events that day added. */
export interface DailyPoint extends DailyCounts {
  /** YYYY-MM-DD, in UTC (the rollups' day). */
  day: string;
}

/** A launch's daily trend covers at most this many days: the latest ones. */
export const LAUNCH_DAILY_MAX_DAYS = 92;

const DAY_MS = 86_400_000;

/** The UTC day of an instant, as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const dayAfter = (day: string) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));
const daysBefore = (day: string, n: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY_MS));

/**
 * Every day from `from` to `to` (widened to the days that have counts), those without counts at
 * zero, so a chart's days are evenly spaced; at most `maxDays`, the latest. Rows are the rollups'
 * days, one row a day.
 */
export function dailySeries(
  rows: readonly DailyPoint[],
  from: string,
  to: string,
  maxDays = LAUNCH_DAILY_MAX_DAYS,
): DailyPoint[] {
  const sorted = [...rows].sort((a, b) => a.day.localeCompare(b.day));
  const first = sorted.length && sorted[0].day < from ? sorted[0].day : from;
  const last = sorted.length && sorted[sorted.length - 1].day > to ? sorted[sorted.length - 1].day : to;
  if (first > last) return [];
  const start =
    Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`) >= maxDays * DAY_MS
      ? daysBefore(last, maxDays - 1)
      : first;
  const byDay = new Map(sorted.map((r) => [r.day, r]));
  const series: DailyPoint[] = [];
  for (let day = start; day <= last; day = dayAfter(day)) {
    const row = byDay.get(day);
    series.push({
      day,
      sent: row?.sent ?? 0,
      accepted: row?.accepted ?? 0,
      opened: row?.opened ?? 0,
      clicked: row?.clicked ?? 0,
      unsubscribed: row?.unsubscribed ?? 0,
    });
  }
  return series;
}
