import type { WebhookEventType } from './hooks/use-webhooks';

/** Every event type the API delivers, in the order the form lists them (typed: a new one fails the build until named here). */
export const EVENT_TYPE_LABELS: Record<WebhookEventType, string> = {
  form_submitted: 'Form submitted',
  lead_created: 'Lead created',
  lead_status_changed: 'Lead status changed',
  sent: 'Email sent',
  bounced: 'Email bounced',
  clicked: 'Link clicked',
  unsubscribed: 'Unsubscribed',
  converted: 'Converted',
  launch_completed: 'Launch completed',
};

export const isEventType = (v: string): v is WebhookEventType => Object.hasOwn(EVENT_TYPE_LABELS, v);
