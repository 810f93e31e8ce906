import type { TFunction } from '../../shared/i18n';
import type { PendingLaunch } from './hooks/use-pending-launches';
import type { SubscriptionAudience } from './hooks/use-subscriptions';

/**
 * The programmes' words composed from their data, in the reader's language: each takes the `t` of
 * the programmes namespace (`useTranslation('programmes')`), so the keys name their namespace.
 */

/** Who a launch goes to, in words; a list by its name when known. */
export function audienceLabel(
  t: TFunction,
  a: SubscriptionAudience,
  listName?: (id: string) => string | undefined,
): string {
  if (a.type === 'all') return t('programmes:audience.all');
  if (a.type === 'list') {
    const name = a.listId && listName?.(a.listId);
    return name ? t('programmes:audience.list', { name }) : t('programmes:audience.listChosen');
  }
  const search = a.search;
  const countries = a.country?.length ? a.country.join(', ') : null;
  if (search && countries) return t('programmes:audience.containingIn', { search, countries });
  if (search) return t('programmes:audience.containing', { search });
  if (countries) return t('programmes:audience.in', { countries });
  return t('programmes:audience.filter');
}

export const STATE_COLOR: Record<PendingLaunch['state'], string> = {
  pending: 'blue.9',
  waiting_readiness: 'orange.9',
  started: 'teal.9',
  skipped: 'gray.8',
  cancelled: 'gray.8',
};

/** A pending launch's state, in a word or two. */
export function stateLabel(t: TFunction, state: PendingLaunch['state']): string {
  switch (state) {
    case 'pending':
      return t('programmes:state.pending');
    case 'waiting_readiness':
      return t('programmes:state.waitingReadiness');
    case 'started':
      return t('programmes:state.started');
    case 'skipped':
      return t('programmes:state.skipped');
    case 'cancelled':
      return t('programmes:state.cancelled');
  }
}

/** Why a pending launch was skipped or cancelled; a reason the app does not know yet, as the API names it. */
export function reasonLabel(t: TFunction, reason: string | null): string | null {
  switch (reason) {
    case null:
      return null;
    case 'partner':
      return t('programmes:reason.partner');
    case 'weekly_cap':
      return t('programmes:reason.weeklyCap');
    case 'unsubscribed':
      return t('programmes:reason.unsubscribed');
    case 'campaign_unavailable':
      return t('programmes:reason.campaignUnavailable');
    default:
      return reason.replace(/_/g, ' ');
  }
}

/** What "Launch the current version now" did, in one sentence: how many started, wait or were already closed. */
export function launchedSummary(
  t: TFunction,
  programmeName: string,
  items: Array<Pick<PendingLaunch, 'state'>>,
): string {
  if (!items.length) return t('programmes:launched.nothing', { programme: programmeName });
  const started = items.filter((p) => p.state === 'started').length;
  const waiting = items.filter((p) => p.state === 'waiting_readiness' || p.state === 'pending').length;
  const closed = items.length - started - waiting;
  const parts = [
    started ? t('programmes:launched.started', { count: started }) : null,
    waiting ? t('programmes:launched.waiting', { count: waiting }) : null,
    closed ? t('programmes:launched.closed', { count: closed }) : null,
  ].filter(Boolean);
  return t('programmes:launched.summary', { programme: programmeName, parts: parts.join(', ') });
}
