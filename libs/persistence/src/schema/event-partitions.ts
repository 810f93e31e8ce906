/**
 * The events table is partitioned by UTC month (native range partitioning on occurred_at):
 * one table per month, `event_partitions.events_YYYY_MM`, and a default partition for
 * anything outside them (an event far in the past or future), so a write never fails for want
 * of a partition. The migration and the sweep (libs/housekeeping) name and bound them alike.
 */
export const EVENT_PARTITION_SCHEMA = 'event_partitions';
export const EVENT_DEFAULT_PARTITION = 'events_default';
/** Months after the current one whose partitions exist ahead of time. */
export const EVENT_PARTITIONS_AHEAD = 3;

/** The first instant of the UTC month of `at`. */
export function monthOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

export function addMonths(month: Date, n: number): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + n, 1));
}

/** events_2026_11 for November 2026. */
export function eventPartitionName(month: Date): string {
  return `events_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month a partition of ours holds, or null for any other table name (the default partition). */
export function monthOfEventPartition(name: string): Date | null {
  const m = /^events_(\d{4})_(\d{2})$/.exec(name);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null;
}

/** The SQL literal of a partition bound (UTC). */
export function boundLiteral(month: Date): string {
  return `'${month.toISOString()}'`;
}
