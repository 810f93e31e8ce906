/**
 * How the app writes dates and numbers: every page takes its formatters from here. A
 * formatter depends on a locale and a time zone, given once to `formatting()`. Components take
 * them in the reader's language from `useFormat()` (shared/i18n); `format` (British English, the
 * reader's zone) stays for the folders not yet converted.
 */

/** A locale (BCP 47) and an IANA time zone; `undefined` is the browser's own. */
export interface Localisation {
  locale: string | undefined;
  timeZone: string | undefined;
}

/** The app's English, in the zone of the reader's browser. */
export const APP: Localisation = { locale: 'en-GB', timeZone: undefined };

/** The reader's browser's own locale and zone (the console's dates have always followed it). */
export const BROWSER: Localisation = { locale: undefined, timeZone: undefined };

/** An instant as the API sends it (ISO 8601), or as the browser holds it. */
export type Instant = string | number | Date;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** One Intl formatter per locale and options: they are costly to make and are used in every row. */
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? null, options]);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = JSON.stringify([locale ?? null, options]);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? '';
  let format = relativeFormats.get(key);
  if (!format) relativeFormats.set(key, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

const instant = (value: Instant): Date => (value instanceof Date ? value : new Date(value));

/** The largest unit that fits a span, in seconds: "in 3 days" rather than "in 259,200 seconds". */
const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** A span of seconds (negative: past) as its largest whole unit, rounded. */
export function relativeUnit(seconds: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const abs = Math.abs(seconds);
  const [unit, size] = RELATIVE_UNITS.find(([, size]) => abs >= size) ?? ['second', 1];
  return { value: Math.round(seconds / size), unit };
}

/** The formatters of one locale and time zone. */
export function formatting({ locale, timeZone }: Localisation = APP) {
  const at =
    (options: Intl.DateTimeFormatOptions) =>
    (value: Instant): string =>
      dateFormat(locale, { timeZone, ...options }).format(instant(value));
  return {
    /** Day and time: "3 Mar 2026, 14:05". */
    dateTime: at({ dateStyle: 'medium', timeStyle: 'short' }),
    /** Day and time to the second: "3 Mar 2026, 14:05:09" (logs). */
    dateTimeSeconds: at({ dateStyle: 'medium', timeStyle: 'medium' }),
    /** The day alone: "3 Mar 2026". */
    date: at({ dateStyle: 'medium' }),
    /** The time alone, to the second: "14:05:09". */
    time: at({ hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    /** Short enough for a phone's row, to the second: "3 Mar, 14:05:09". */
    dayAndSecond: at({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    /** A send time as a clock of the zone reads it: "Tue 3 Mar, 14:05". */
    clock: at({
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
    /** A calendar day the API names in UTC (a report's day): "3 Mar 2026", whatever the zone. */
    utcDay: at({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    /** The same day without its year, for a chart's axis: "3 Mar". */
    utcDayMonth: at({ day: 'numeric', month: 'short', timeZone: 'UTC' }),
    /** A language's name from its BCP 47 tag, in the reader's language: "German (Austria)"; the tag itself when unknown. */
    language: (tag: string): string => {
      try {
        return new Intl.DisplayNames(locale, { type: 'language' }).of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
    /** A count, grouped: "12,345". */
    count: (n: number): string => numberFormat(locale).format(n),
    /** A rate as a percentage, to a tenth: "12.5%". */
    percent: (n: number): string => numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n),
    /** How far an instant is from now (`now`, by default the browser's clock): "3 days ago", "in 2 hours", "yesterday". */
    relative: (value: Instant, now: Instant = Date.now()): string => {
      const { value: n, unit } = relativeUnit((instant(value).getTime() - instant(now).getTime()) / 1000);
      return relativeFormat(locale).format(n, unit);
    },
    /**
     * An amount of money as the API states it (a decimal string, "1250.50") in its ISO 4217
     * currency: "€1,250.50" in English, "1.250,50 €" in German. The string is formatted as it is
     * (no float on the way); an unknown currency code is written after the number.
     */
    money: (amount: string, currency: string): string => {
      try {
        return numberFormat(locale, { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral);
      } catch {
        return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(amount as Intl.StringNumericLiteral)} ${currency}`;
      }
    },
    /** A file's size: "512 byte", "1.5 kB", "2 MB" in English; "1,5 kB" in German. */
    fileSize: (bytes: number): string => {
      const [unit, size] =
        bytes < 1024
          ? (['byte', 1] as const)
          : bytes < 1024 * 1024
            ? (['kilobyte', 1024] as const)
            : (['megabyte', 1024 * 1024] as const);
      return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(
        bytes / size,
      );
    },
  };
}

/** The app's formatters (`APP`). */
export const format = formatting();

/**
 * "1 row", "2,000 rows": English only, for the folders not yet converted. Converted code writes
 * plurals through i18next (`t('rows', { count })` with `rows_one` / `rows_other` in the catalogue).
 */
export const plural = (n: number, one: string, many = `${one}s`, count = format.count): string =>
  `${count(n)} ${n === 1 ? one : many}`;

/** A file's size in English: "512 bytes", "1.5 kB", "2.0 MB" (converted code: `useFormat().fileSize`). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as a datetime-local field shows it: in the browser's own zone (the only one such a
 * field knows), to the minute; empty for none.
 */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local field's value as the instant the API takes; empty is none (null). */
export function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}
