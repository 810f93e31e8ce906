import { useTranslation } from '../../shared/i18n';
import type { WebhookEventType } from './hooks/use-webhooks';

/** Every event type the API delivers, in the order the form lists them (typed: a new one fails the build until named here). */
export function useEventTypeLabels(): Record<WebhookEventType, string> {
  const { t } = useTranslation('webhooks');
  return {
    form_submitted: t('events.formSubmitted'),
    lead_created: t('events.leadCreated'),
    lead_status_changed: t('events.leadStatusChanged'),
    sent: t('events.sent'),
    bounced: t('events.bounced'),
    clicked: t('events.clicked'),
    unsubscribed: t('events.unsubscribed'),
    converted: t('events.converted'),
    launch_completed: t('events.launchCompleted'),
    deal_won: t('events.dealWon'),
  };
}

/** The event types, as the form offers them. */
const EVENT_TYPES: ReadonlySet<string> = new Set<WebhookEventType>([
  'form_submitted',
  'lead_created',
  'lead_status_changed',
  'sent',
  'bounced',
  'clicked',
  'unsubscribed',
  'converted',
  'launch_completed',
  'deal_won',
]);

export const isEventType = (v: string): v is WebhookEventType => EVENT_TYPES.has(v);
