import type { SubscriptionAudience } from './hooks/use-subscriptions';
import type { PendingLaunch } from './hooks/use-pending-launches';

/** Dates in the reader's own zone: day and time. */
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const dateTime = (iso: string): string => DATE_TIME.format(new Date(iso));

/** An ISO instant as a datetime-local input holds it (the reader's zone, to the minute). */
export function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Who a launch goes to, in words; a list by its name when known. */
export function audienceLabel(a: SubscriptionAudience, listName?: (id: string) => string | undefined): string {
  if (a.type === 'all') return 'All your prospects';
  if (a.type === 'list') return `List ${(a.listId && listName?.(a.listId)) || 'chosen'}`;
  const parts = [
    a.search ? `containing “${a.search}”` : null,
    a.country?.length ? `in ${a.country.join(', ')}` : null,
  ].filter(Boolean);
  return parts.length ? `Prospects ${parts.join(' and ')}` : 'Prospects matching a filter';
}

export const STATE: Record<PendingLaunch['state'], { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'blue.9' },
  waiting_readiness: { label: 'Waiting for you', color: 'orange.9' },
  started: { label: 'Started', color: 'teal.9' },
  skipped: { label: 'Skipped', color: 'gray.8' },
  cancelled: { label: 'Cancelled', color: 'gray.8' },
};

const REASONS: Record<string, string> = {
  partner: 'by you',
  weekly_cap: 'over your weekly cap',
  unsubscribed: 'you unsubscribed',
  campaign_unavailable: 'the campaign is no longer available',
};
export const reasonLabel = (reason: string | null): string | null =>
  reason ? (REASONS[reason] ?? reason.replace(/_/g, ' ')) : null;
