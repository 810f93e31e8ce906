import { BROWSER, formatting } from '../../shared/lib/format';
import type { PendingLaunch } from './hooks/use-pending-launches';
import type { SubscriptionAudience } from './hooks/use-subscriptions';

/** Dates in the reader's own locale and zone: day and time. */
export const { dateTime } = formatting(BROWSER);

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

const campaigns = (n: number) => (n === 1 ? '1 campaign' : `${n} campaigns`);

/** What "Launch the current version now" did, in one sentence: how many started, wait or were already closed. */
export function launchedSummary(programmeName: string, items: Array<Pick<PendingLaunch, 'state'>>): string {
  if (!items.length) return `“${programmeName}” offers you no campaign right now: nothing was launched.`;
  const started = items.filter((p) => p.state === 'started').length;
  const waiting = items.filter((p) => p.state === 'waiting_readiness' || p.state === 'pending').length;
  const closed = items.length - started - waiting;
  const parts = [
    started ? `${campaigns(started)} started` : null,
    waiting ? `${campaigns(waiting)} waiting for you under Pending launches` : null,
    closed ? `${campaigns(closed)} already skipped or cancelled` : null,
  ].filter(Boolean);
  return `“${programmeName}”: ${parts.join(', ')}.`;
}
