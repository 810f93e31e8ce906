/** Wall-clock time in some zone. month 1-12, weekday 0 = Monday … 6 = Sunday. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface ZonedParts extends LocalDateTime {
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a zone. */
export function zonedParts(instant: Date, zone: string): ZonedParts {
  const out: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(instant)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAY_INDEX[out.weekday],
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(instant: Date, zone: string): number {
  const p = zonedParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in a zone. A time that does not exist (skipped by a
 * spring-forward change) moves forward by the gap, as clocks do; a time that happens twice
 * (fall back) is its first occurrence.
 */
export function zonedTimeToInstant(local: LocalDateTime, zone: string): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Candidates from the offsets just before and just after the naive time; the earliest
  // candidate that reads back as the wanted wall time wins.
  const offsets = [
    ...new Set([
      offsetAt(new Date(naive - 86_400_000), zone),
      offsetAt(new Date(naive), zone),
      offsetAt(new Date(naive + 86_400_000), zone),
    ]),
  ];
  const matches = offsets
    .map((o) => naive - o)
    .filter((t) => {
      const p = zonedParts(new Date(t), zone);
      return (
        p.year === local.year &&
        p.month === local.month &&
        p.day === local.day &&
        p.hour === local.hour &&
        p.minute === local.minute
      );
    })
    .sort((a, b) => a - b);
  if (matches.length) return new Date(matches[0]);
  // In a gap: the offset from before the change (the smaller one), applied to the wall time,
  // lands just after the gap, as a clock that springs forward would read.
  return new Date(naive - Math.min(...offsets));
}

/** Calendar arithmetic on a local date (handles month and year ends). */
export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: local.hour,
    minute: local.minute,
  };
}

export function weekdayOf(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): number {
  return (new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7;
}
