/** Dates as the reader's browser writes them, in its own zone: day and time. */
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const dateTime = (iso: string): string => DATE_TIME.format(new Date(iso));
