export {
  EndpointGate,
  WEBHOOK_CONCURRENCY,
  WEBHOOK_DELIVERIES_PER_JOB,
  WEBHOOK_IN_FLIGHT_PER_ENDPOINT,
  WEBHOOK_SLOW_ANSWER_MS,
  WEBHOOK_SLOW_FOR_MS,
  WEBHOOK_SLOW_IN_FLIGHT,
} from './endpoint-gate';
export { DeliveryOutcome, WEBHOOK_DISABLE_AFTER_MS, WebhookDeliveryService } from './webhook-delivery.service';
export { WebhookDispatcher } from './webhook-dispatcher';
export { WebhookHealthNotices } from './webhook-health-notices';
export { signWebhook, webhookSigningKey } from './webhook-signature';
export { WEBHOOK_URL_MAX_LENGTH, WebhooksService } from './webhooks.service';
export { WebhooksModule } from './webhooks.module';
