const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local field shows it: in the browser's own zone, to the minute. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local field's value as the instant the API takes; empty clears the date (null). */
export function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}
